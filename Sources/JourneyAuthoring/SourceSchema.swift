import EventExports
import JSONWriter
import JourneyModel

extension FileSchema {
    /// The schema of `*.source.jsonc`; with a brand, its channels, segments
    /// and attributes (and each attribute's conversion keys) are known.
    static func sourceSchema(for brand: Brand?) -> JSONOutput {
        let brandProperty: JSONOutput = brand.map { .object([("const", .string($0.id))]) }
            ?? identifier("The id of the brand whose journeys the export is read against.")
        let column = identifier("A column of the export: a CSV header name, a JSON Lines key, an XES attribute key.")
        let columns: JSONOutput = .object([
            ("description", "Which columns say what; case, time and activity are required (XES has standard keys for them)."),
            ("type", "object"),
            ("additionalProperties", false),
            ("properties", .object(ColumnMap.keys.map { ($0, column) })),
        ])
        let format: JSONOutput = .object([("anyOf", .array([
            enumeration(ExportFormat.names, "How the export is written."),
            .object([
                ("type", "object"),
                ("additionalProperties", false),
                ("properties", .object([
                    ("type", enumeration(ExportFormat.names, "How the export is written. Default: csv.")),
                    ("separator", string("CSV: the one ASCII character between fields, or \"tab\"; detected when left out.")),
                    ("decimal", enumeration([".", ","], "The decimal separator of numbers. Default: \".\".")),
                ])),
            ]),
        ]))])
        let time: JSONOutput = .object([
            ("type", "object"),
            ("additionalProperties", false),
            ("properties", .object([
                ("pattern", string("yyyy MM M dd d HH H mm ss SSS and literal text ('T' quoted); ISO 8601 when left out.")),
                ("zone", string("The IANA zone of local times, such as Europe/Paris. Default: UTC.")),
            ])),
        ])
        let touchpointTarget: JSONOutput = .object([("anyOf", .array([
            string("The planned touchpoint, by id, in the case's journey."),
            .object([("type", "null"), ("description", "Not a touchpoint: neither lived nor ad hoc.")]),
            .object([
                ("type", "object"), ("required", ["touchpoint"]), ("additionalProperties", false),
                ("properties", .object([("touchpoint", identifier("The touchpoint's id.")), ("journey", identifier("The journey it belongs to."))])),
            ]),
        ]))])
        let properties: [(String, JSONOutput)] = [
            ("$schema", string("The schema this file follows.")),
            ("source", identifier("The source's id.")),
            ("name", string("What the export is.")),
            ("description", string("Free text.")),
            ("brand", brandProperty),
            ("data", identifier("The export's file, relative to this file and inside the workspace.")),
            ("format", format),
            ("time", time),
            ("columns", columns),
            ("journey", identifier("The journey every case follows; otherwise the journey column, or the journey the case lives most.")),
            ("segment", idReference(brand?.segments.ids, "The segment of every case, when the export has no segment column.")),
            ("activities", .object([
                ("description", "The export's activity names, each with the touchpoint it is; several names may map to one touchpoint."),
                ("type", "object"), ("minProperties", 1), ("additionalProperties", touchpointTarget),
            ])),
            ("channels", words(brand?.channels.ids, "The export's channel words and the brand's channel each is.")),
            ("segments", words(brand?.segments.ids, "The export's segment words and the brand's segment each is.")),
            ("attributes", livedAttributes(brand)),
            ("forecast", forecast(brand)),
        ]
        let title = "Throughline source file (*.source.jsonc)" + (brand.map { " for brand \($0.id)" } ?? "")
        return .object([
            ("$schema", .string(draft)),
            ("title", .string(title)),
            ("type", "object"),
            ("required", ["source", "brand", "data", "activities"]),
            ("additionalProperties", false),
            ("properties", .object(properties)),
        ])
    }

    /// Which lived numbers are a deal's forecast, and which activities close it (`throughline review`).
    private static func forecast(_ brand: Brand?) -> JSONOutput {
        let numbers = brand.map { $0.attributes.filter { $0.type == .number }.map(\.id) }
        let names: JSONOutput = .object([("type", "array"), ("items", .object([("type", "string")]))])
        return .object([
            ("description", "How the export tells a deal's forecast and outcome, for the review's forecast reliability."),
            ("type", "object"), ("required", ["probability"]), ("additionalProperties", false),
            ("properties", .object([
                ("probability", idReference(numbers, "The number attribute holding the forecast win probability.")),
                ("scale", .object([("type", "number"), ("exclusiveMinimum", 0), ("description", "What a certain win is written as. Default: 100.")])),
                ("amount", idReference(numbers, "The number attribute holding the deal's amount.")),
                ("won", names),
                ("lost", names),
            ])),
        ])
    }

    private static func words(_ ids: [String]?, _ description: String) -> JSONOutput {
        .object([("description", .string(description)), ("type", "object"), ("additionalProperties", idReference(ids, description))])
    }

    /// Attribute → its column and conversion.
    private static func livedAttributes(_ brand: Brand?) -> JSONOutput {
        let description = "Columns holding lived values of the brand's attributes."
        guard let brand else {
            return .object([("description", .string(description)), ("type", "object"), ("additionalProperties", conversion(nil))])
        }
        return .object([
            ("description", .string(description)), ("type", "object"), ("additionalProperties", false),
            ("properties", .object(brand.attributes.map { ($0.id, conversion($0.type)) })),
        ])
    }

    private static func conversion(_ type: AttributeType?) -> JSONOutput {
        var properties: [(String, JSONOutput)] = [("column", identifier("The export's column that holds the value."))]
        let wordTable: JSONOutput = .object([("type", "object"), ("additionalProperties", .object([("type", "string")]))])
        let wordList: JSONOutput = listOf(.object([("type", "string")]))
        let units = ["iso8601"] + DurationUnit.allCases.map(\.rawValue)
        switch type {
        case .enumeration(let values), .scale(let values):
            properties.append(("values", .object([
                ("description", "The export's words and the attribute's value each is; the attribute's own words are read as themselves."),
                ("type", "object"), ("additionalProperties", enumeration(values, nil)),
            ])))
        case .number:
            properties.append(("scale", .object([("type", "number"), ("description", "Multiplies each value (100 for 0.35 meaning 35). Default: 1.")])))
        case .duration:
            properties.append(("unit", enumeration(units, "What a number in the column counts; iso8601 for text such as PT2H.")))
        case .boolean:
            properties += [("true", wordList), ("false", wordList), ("empty", .object([("type", "boolean")]))]
        case .text:
            break
        case nil:
            properties += [
                ("values", wordTable), ("scale", .object([("type", "number")])), ("unit", enumeration(units, nil)),
                ("true", wordList), ("false", wordList), ("empty", .object([("type", "boolean")])),
            ]
        }
        return .object([("type", "object"), ("required", ["column"]), ("additionalProperties", false), ("properties", .object(properties))])
    }
}
