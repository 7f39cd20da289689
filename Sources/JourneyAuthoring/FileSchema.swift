import JSONWriter
import JourneyLoader
import JourneyModel

/// JSON Schemas (draft 2020-12) for the kinds of file, so editors
/// complete and check them as they are typed. Name one with `"$schema"` in
/// a file, or map it in the editor's settings.
///
/// Given a brand, the journey schema knows its vocabulary: stage, channel
/// and segment ids, attributes and their values become enumerations.
///
/// ```swift
/// let schema = FileSchema.journey(for: brand).rendered()
/// ```
public enum FileSchema {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    public static func schema(for kind: FileKind, brand: Brand? = nil) -> JSONOutput {
        switch kind {
        case .brand: brandSchema()
        case .charter: charterSchema()
        case .journey: journeySchema(for: brand)
        case .source: sourceSchema(for: brand)
        }
    }

    // MARK: Brand and charter

    static func brandSchema() -> JSONOutput {
        .object([
            ("$schema", .string(draft)),
            ("title", "Throughline brand file (*.brand.jsonc)"),
            ("description", "A brand: its promise, channels, segments, stage order, attribute vocabulary and relational identity charter."),
            ("type", "object"),
            ("required", ["brand", "channels", "segments", "stages"]),
            ("additionalProperties", false),
            ("properties", .object([
                ("$schema", string("The schema this file follows.")),
                ("brand", identifier("The brand's id, which journeys name in their \"brand\".")),
                ("name", string("The brand's name as customers know it.")),
                ("promise", string("The brand promise.")),
                ("timeZone", string("IANA time zone the review counts periods in (Europe/Paris); default UTC.")),
                ("values", .object([("type", "array"), ("items", .object([("type", "string")]))])),
                ("description", string("Free text.")),
                ("extends", identifier("The id of a charter (*.charter.jsonc) whose markers this brand inherits.")),
                ("channels", namedObjects("channel", .object([
                    ("type", "object"),
                    ("required", ["kind"]),
                    ("additionalProperties", false),
                    ("properties", .object([
                        ("name", string("How the brand names the channel.")),
                        ("kind", enumeration(ChannelKind.allCases.map(\.rawValue), "What sort of channel it is.")),
                        ("live", .object([("type", "boolean"), ("description", "A person answers in real time.")])),
                        ("owner", string("The team that fixes this channel's gaps.")),
                        ("description", string("Free text.")),
                    ])),
                ]))),
                ("segments", namedObjects("segment", .object([
                    ("type", "object"),
                    ("additionalProperties", false),
                    ("properties", .object([
                        ("name", string("How the brand names the segment.")),
                        ("priority", .object([("type", "boolean"), ("description", "Priority segments get the differentiated experience and come first in reports.")])),
                        ("description", string("Free text.")),
                    ])),
                ]))),
                ("stages", .object([
                    ("description", "The canonical stage order of the brand's journeys."),
                    ("type", "array"), ("minItems", 1), ("uniqueItems", true),
                    ("items", .object([("type", "string"), ("minLength", 1)])),
                ])),
                ("attributes", namedObjects("attribute", .object([
                    ("type", "object"),
                    ("required", ["type"]),
                    ("additionalProperties", false),
                    ("properties", .object([
                        ("type", enumeration(AttributeType.names, "enum: one word of `values`; scale: ordered `values`, lowest first; duration: ISO 8601 such as PT2H.")),
                        ("values", .object([("type", "array"), ("minItems", 1), ("uniqueItems", true), ("items", .object([("type", "string")]))])),
                        ("description", string("Free text.")),
                    ])),
                ]))),
                ("markers", .object([("type", "array"), ("items", .object([("$ref", "#/$defs/marker")]))])),
                ("overrides", overrides()),
            ])),
            ("$defs", markerDefinitions()),
        ])
    }

    static func charterSchema() -> JSONOutput {
        .object([
            ("$schema", .string(draft)),
            ("title", "Throughline charter file (*.charter.jsonc)"),
            ("description", "A charter that brands extend, such as a group's: markers every brand of the group shares."),
            ("type", "object"),
            ("required", ["charter"]),
            ("additionalProperties", false),
            ("properties", .object([
                ("$schema", string("The schema this file follows.")),
                ("charter", identifier("The charter's id, which brands name in their \"extends\".")),
                ("name", string("The charter's name.")),
                ("description", string("Free text.")),
                ("extends", identifier("The id of a charter this one extends.")),
                ("markers", .object([("type", "array"), ("items", .object([("$ref", "#/$defs/marker")]))])),
                ("overrides", overrides()),
            ])),
            ("$defs", markerDefinitions()),
        ])
    }

    private static func overrides() -> JSONOutput {
        .object([
            ("description", "Changes to inherited markers, by marker id, each with a reason."),
            ("type", "object"),
            ("additionalProperties", .object([
                ("type", "object"),
                ("required", ["severity", "reason"]),
                ("additionalProperties", false),
                ("properties", .object([
                    ("severity", enumeration(["error", "warning", "info", "off"], "The new severity, or off.")),
                    ("reason", .object([("type", "string"), ("minLength", 1), ("description", "Why the brand departs from the shared charter.")])),
                ])),
            ])),
        ])
    }

    private static func markerDefinitions() -> JSONOutput {
        // One condition per kind, made from the fields its rule describes:
        // which keys a marker of the kind takes, which it needs, and what each holds.
        let conditions: [JSONOutput] = MarkerKind.allCases.map { kind in
            let fields = kind.definition.fields
            let condition: JSONOutput = kind == .expectation
                ? .object([("not", .object([("required", ["kind"])]))])
                : .object([("properties", .object([("kind", .object([("const", .string(kind.rawValue))]))])), ("required", ["kind"])])
            return .object([
                ("if", condition),
                ("then", .object([
                    ("required", .array(fields.filter(\.isRequired).map { .string($0.key) })),
                    ("properties", .object(fields.map { ($0.key, fieldSchema($0)) })),
                    ("propertyNames", .object([("enum", .array((Marker.commonKeys + fields.map(\.key)).map(JSONOutput.string)))])),
                ])),
            ])
        }
        let kindNames = MarkerKind.allCases.map(\.rawValue)
        return .object([
            ("marker", .object([
                ("type", "object"),
                ("required", ["id"]),
                ("properties", .object([
                    ("id", identifier("The marker's id, used in reports, overrides and suppressions.")),
                    ("name", string("The trait in a sentence a director recognises.")),
                    ("why", string("Why the brand holds to it.")),
                    ("description", string("Free text.")),
                    ("severity", enumeration(Severity.allCases.reversed().map(\.rawValue), "Default: warning.")),
                    ("kind", enumeration(kindNames, "Default: expectation.")),
                    ("where", .object([("$ref", "#/$defs/where")])),
                ])),
                ("allOf", .array(conditions)),
            ])),
            ("where", .object([
                ("type", "object"),
                ("additionalProperties", false),
                ("properties", .object(Scope.keys.map { key in
                    key == "channelKinds"
                        ? (key, listOf(enumeration(ChannelKind.allCases.map(\.rawValue), nil)))
                        : (key, listOf(.object([("type", "string")])))
                })),
            ])),
            ("expect", .object([
                ("description", "Attribute → operators, or attribute → value (short for equals)."),
                ("type", "object"),
                ("minProperties", 1),
                ("additionalProperties", .object([("$ref", "#/$defs/operators")])),
            ])),
            ("operators", .object([
                ("anyOf", .array([
                    .object([("type", .array(["string", "number", "boolean"]))]),
                    .object([
                        ("type", "object"),
                        ("minProperties", 1),
                        ("additionalProperties", false),
                        ("properties", .object([
                            ("equals", .object([("type", .array(["string", "number", "boolean"]))])),
                            ("oneOf", .object([("type", "array"), ("minItems", 1)])),
                            ("noneOf", .object([("type", "array"), ("minItems", 1)])),
                            ("atLeast", .object([("type", .array(["string", "number"]))])),
                            ("atMost", .object([("type", .array(["string", "number"]))])),
                            ("present", .object([("const", true)])),
                            ("absent", .object([("const", true)])),
                            ("matches", .object([("type", "string"), ("description", "A pattern searched in the text; matched in linear time.")])),
                        ])),
                    ]),
                ])),
            ])),
        ])
    }

    // MARK: Journey

    static func journeySchema(for brand: Brand?) -> JSONOutput {
        let segment = idReference(brand?.segments.ids, "A segment of the brand.")
        let suppressions: JSONOutput = .object([("type", "array"), ("items", suppressionSchema(brand, segment: segment))])
        let brandProperty: JSONOutput = brand.map { .object([("const", .string($0.id))]) }
            ?? identifier("The id of the brand whose vocabulary and charter apply.")
        let touchpoints: JSONOutput = .object([("type", "array"), ("items", touchpointSchema(brand, segment: segment, suppressions: suppressions))])
        let properties: [(String, JSONOutput)] = [
            ("$schema", string("The schema this file follows.")),
            ("journey", identifier("The journey's id.")),
            ("name", string("The journey's name.")),
            ("description", string("Free text.")),
            ("brand", brandProperty),
            ("segments", listOf(segment)),
            ("touchpoints", touchpoints),
            ("kpis", kpisSchema(brand)),
            ("suppress", suppressions),
        ]
        let title = "Throughline journey file (*.journey.jsonc)" + (brand.map { " for brand \($0.id)" } ?? "")
        return .object([
            ("$schema", .string(draft)),
            ("title", .string(title)),
            ("type", "object"),
            ("required", ["journey", "brand", "touchpoints"]),
            ("additionalProperties", false),
            ("properties", .object(properties)),
        ])
    }

    private static func touchpointSchema(_ brand: Brand?, segment: JSONOutput, suppressions: JSONOutput) -> JSONOutput {
        let experience = experienceSchema(brand)
        var overlays: [(String, JSONOutput)] = [("type", "object")]
        if let brand {
            overlays.append(("propertyNames", .object([("enum", .array(brand.segments.ids.map(JSONOutput.string)))])))
        }
        overlays.append(("additionalProperties", experience))
        let next = listOf(.object([("type", "string"), ("description", "A touchpoint of this journey the customer is handed to.")]))
        let properties: [(String, JSONOutput)] = [
            ("id", identifier("Unique within the journey; `next` refers to it.")),
            ("name", string("What happens here.")),
            ("description", string("Free text.")),
            ("stage", idReference(brand?.stages.ids, "A stage of the brand.")),
            ("channel", idReference(brand?.channels.ids, "A channel of the brand.")),
            ("segments", listOf(segment)),
            ("experience", experience),
            ("bySegment", .object(overlays)),
            ("next", next),
            ("initiator", enumeration(Initiator.allCases.map(\.rawValue), "Who starts the interaction. Default: brand.")),
            ("after", .object([
                ("type", "string"), ("pattern", .string(durationPattern)),
                ("description", "When it is planned: this long after the previous touchpoint in journey order (ISO 8601, e.g. P2D)."),
            ])),
            ("suppress", suppressions),
        ]
        return .object([
            ("type", "object"),
            ("required", ["id", "stage", "channel"]),
            ("additionalProperties", false),
            ("properties", .object(properties)),
        ])
    }

    private static func suppressionSchema(_ brand: Brand?, segment: JSONOutput) -> JSONOutput {
        let reason: JSONOutput = .object([("type", "string"), ("minLength", 1), ("description", "Why the gap is accepted.")])
        let properties: [(String, JSONOutput)] = [
            ("marker", idReference(brand?.charter.markers.map(\.id), "The marker whose gaps are accepted here.")),
            ("reason", reason),
            ("segments", listOf(segment)),
        ]
        return .object([
            ("type", "object"),
            ("required", ["marker", "reason"]),
            ("additionalProperties", false),
            ("properties", .object(properties)),
        ])
    }

    private static func kpisSchema(_ brand: Brand?) -> JSONOutput {
        let kpiProperties: [(String, JSONOutput)] = [
            ("name", string("What is measured.")),
            ("kind", enumeration(KPIKind.allCases.map(\.rawValue), "Results are counted; the means to them are judged.")),
            ("target", .object([("type", .array(["string", "number"]))])),
            ("description", string("Free text.")),
            ("measure", measureSchema(brand)),
            ("objective", objectiveSchema()),
        ]
        let kpi: JSONOutput = .object([
            ("type", "object"),
            ("required", ["name", "kind"]),
            ("additionalProperties", false),
            ("properties", .object(kpiProperties)),
        ])
        var members: [(String, JSONOutput)] = [
            ("description", "KPIs per stage."),
            ("type", "object"),
            ("additionalProperties", .object([("type", "array"), ("items", kpi)])),
        ]
        if let brand {
            members.append(("propertyNames", .object([("enum", .array(brand.stages.ids.map(JSONOutput.string)))])))
        }
        return .object(members)
    }

    /// A KPI's measure, from ``KPIMeasureFormat``: one of its quantity keys and the fields that refine it.
    private static func measureSchema(_ brand: Brand?) -> JSONOutput {
        let numberAttributes = brand.map { $0.attributes.filter { $0.type == .number }.map(\.id) }
        let properties: [(String, JSONOutput)] = KPIMeasureFormat.fields.map { field in
            let schema: JSONOutput = switch field.type {
            case .word(let words): enumeration(words, field.summary)
            case .touchpoints: listOf(identifier(field.summary))
            case .stage: idReference(brand?.stages.ids, field.summary)
            case .marker: idReference(brand?.charter.markers.map(\.id), field.summary)
            case .numberAttribute: idReference(numberAttributes, field.summary)
            case .positiveNumber: .object([("type", "number"), ("exclusiveMinimum", 0), ("description", .string(field.summary))])
            }
            return (field.key, schema)
        }
        let oneOf: [JSONOutput] = KPIMeasureFormat.quantityKeys.map { .object([("required", .array([.string($0)]))]) }
        return .object([
            ("description", "How the KPI is computed on lived cases (throughline review)."),
            ("type", "object"),
            ("additionalProperties", false),
            ("properties", .object(properties)),
            ("oneOf", .array(oneOf)),
        ])
    }

    /// An objective, or a list of them each valid from a date.
    private static func objectiveSchema() -> JSONOutput {
        let step: JSONOutput = .object([
            ("type", "object"),
            ("additionalProperties", false),
            ("anyOf", .array([.object([("required", ["atLeast"])]), .object([("required", ["atMost"])])])),
            ("properties", .object([
                ("atLeast", .object([("type", "number"), ("description", "The lowest value that reaches the objective.")])),
                ("atMost", .object([("type", "number"), ("description", "The highest value that reaches the objective.")])),
                ("validFrom", .object([("type", "string"), ("pattern", "^\\d{4}-\\d{2}-\\d{2}$"), ("description", "The day it applies from.")])),
            ])),
        ])
        return .object([
            ("description", "What the measure should reach; a list gives the objective's history."),
            ("anyOf", .array([step, .object([("type", "array"), ("minItems", 1), ("items", step)])])),
        ])
    }

    /// With a brand: each attribute with its type and values; without, any value.
    private static func experienceSchema(_ brand: Brand?) -> JSONOutput {
        guard let brand else {
            return .object([("type", "object"), ("additionalProperties", .object([("type", .array(["string", "number", "boolean"]))]))])
        }
        return .object([
            ("type", "object"),
            ("additionalProperties", false),
            ("properties", .object(brand.attributes.map { attribute in
                let schema: JSONOutput = switch attribute.type {
                case .enumeration(let values), .scale(let values): enumeration(values, attribute.description)
                case .duration: .object([("type", "string"), ("pattern", .string(durationPattern))])
                case .number: .object([("type", "number")])
                case .text: .object([("type", "string")])
                case .boolean: .object([("type", "boolean")])
                }
                return (attribute.id, schema)
            })),
        ])
    }

    /// What one field of a marker kind holds, from the rule's description of it.
    private static func fieldSchema(_ field: RuleFieldDescription) -> JSONOutput {
        let summary = field.defaultValue.map { "\(field.summary) Default: \($0)." } ?? field.summary
        switch field.type {
        case .expectations:
            return .object([("$ref", "#/$defs/expect"), ("description", .string(summary))])
        case .count(let minimum):
            return .object([("type", "integer"), ("minimum", .integer(minimum)), ("description", .string(summary))])
        case .word(let words, _):
            return enumeration(words, summary)
        case .attribute:
            return string(summary)
        case .attributeValue:
            return .object([("type", .array(["string", "number", "boolean"])), ("description", .string(summary))])
        case .duration:
            return .object([("type", "string"), ("pattern", .string(durationPattern)), ("description", .string(summary))])
        }
    }

    /// ISO 8601 durations as the format accepts them (`PT2H`, `P1DT12H`, `PT1.5H`).
    static let durationPattern = "^P(?!$)(\\d+([.,]\\d+)?Y)?(\\d+([.,]\\d+)?M)?(\\d+([.,]\\d+)?W)?(\\d+([.,]\\d+)?D)?(T(?=\\d)(\\d+([.,]\\d+)?H)?(\\d+([.,]\\d+)?M)?(\\d+([.,]\\d+)?S)?)?$"

    // MARK: Pieces

    static func string(_ description: String) -> JSONOutput {
        .object([("type", "string"), ("description", .string(description))])
    }

    static func identifier(_ description: String) -> JSONOutput {
        .object([("type", "string"), ("minLength", 1), ("description", .string(description))])
    }

    static func enumeration(_ values: [String], _ description: String?) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("enum", .array(values.map(JSONOutput.string)))]
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    static func idReference(_ ids: [String]?, _ description: String) -> JSONOutput {
        ids.map { enumeration($0, description) } ?? identifier(description)
    }

    /// A list, or a single item standing for a list of one.
    static func listOf(_ item: JSONOutput) -> JSONOutput {
        .object([("anyOf", .array([item, .object([("type", "array"), ("items", item)])]))])
    }

    static func namedObjects(_ what: String, _ entry: JSONOutput) -> JSONOutput {
        .object([
            ("description", .string("The brand's \(what)s, by id.")),
            ("type", "object"),
            ("minProperties", 1),
            ("additionalProperties", entry),
        ])
    }
}
