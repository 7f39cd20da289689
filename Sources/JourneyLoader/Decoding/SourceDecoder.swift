import EventExports
import JSONCReader
import JourneyModel

/// Reads a `*.source.jsonc` file: an export of lived journeys and how to
/// read it, in the vocabulary of the brand it names, against that brand's
/// journeys (activity names map to their touchpoints).
///
/// Every mistake is a located diagnostic in the source file; the export
/// itself is not read here (the loader never touches the file system), so
/// a column the export lacks is found when the export is read.
enum SourceDecoder {
    static let keys = [
        "$schema", "source", "name", "description", "brand", "data", "format", "time", "columns", "journey", "segment",
        "activities", "channels", "segments", "attributes", "forecast",
    ]
    static let formatKeys = ["type", "separator", "decimal"]
    static let timeKeys = ["pattern", "zone"]
    static let activityKeys = ["touchpoint", "journey"]

    static func decode(
        _ document: JSONCDocument,
        file: String,
        brands: [String: BrandLookups],
        journeys: [Journey]
    ) -> (ObservationSource?, [Diagnostic]) {
        var context = DecodingContext(file: file, document: document)
        let source = decode(document.root, file: file, brands: brands, journeys: journeys, context: &context)
        return (source, context.diagnostics)
    }

    private static func decode(
        _ root: JSONCValue,
        file: String,
        brands: [String: BrandLookups],
        journeys allJourneys: [Journey],
        context: inout DecodingContext
    ) -> ObservationSource? {
        guard context.expectKind(.object, root, for: "the source file") else { return nil }
        guard let (brandID, lookups) = context.namedBrand(of: root, in: brands, what: "a source file") else { return nil }
        let brand = lookups.brand
        let journeys = allJourneys.filter { $0.brand == brandID }
        let location = context.location(of: root)
        // What is read before the rest, because other fields depend on it.
        let format = root["format"].flatMap { readFormat($0, context: &context) } ?? (ok: true, format: .csv(separator: nil), decimal: NumberFormat.period)
        var usable = format.ok
        var id: String?, name: String?, data: (text: String, path: String, position: SourcePosition)?
        var time = TimestampFormat.iso8601(), columns: ColumnMap?
        var journey: String?, segment: Int?, activities: [ActivityMapping] = []
        var forecast: SourceForecast?
        var channelWords: [String: Int] = [:], segmentWords: [String: Int] = [:], attributes: [LivedAttribute] = []

        for member in root.members {
            let value = member.value
            switch member.key {
            case "$schema", "description": _ = context.string(value, for: member.key)
            case "brand", "format": break
            case "source": id = context.identifier(value, for: "source")
            case "name": name = context.string(value, for: "name")
            case "data":
                data = readData(value, sourceFile: file, context: &context)
                usable = usable && data != nil
            case "time":
                if let read = readTime(value, context: &context) { time = read } else { usable = false }
            case "columns":
                columns = readColumns(value, format: format.format, context: &context)
                usable = usable && columns != nil
            case "journey":
                guard let text = context.string(value, for: "journey") else { usable = false; continue }
                if journeys.contains(where: { $0.id == text }) {
                    journey = text
                } else {
                    context.reportUnknown(
                        .unknownJourney, at: value, name: text, what: "journey", known: journeys.map(\.id),
                        context: " of brand '\(brandID)'"
                    )
                    usable = false
                }
            case "segment":
                segment = context.resolve(value, in: brand.segments, code: .unknownSegment, what: "segment", field: "segment")
                usable = usable && segment != nil
            case "activities":
                guard let read = readActivities(value, brand: brand, journeys: journeys, context: &context) else { usable = false; continue }
                activities = read
            case "channels":
                guard let read = readWords(value, in: brand.channels, code: .unknownChannel, what: "channel", field: "channels", context: &context) else {
                    usable = false
                    continue
                }
                channelWords = read
            case "segments":
                guard let read = readWords(value, in: brand.segments, code: .unknownSegment, what: "segment", field: "segments", context: &context) else {
                    usable = false
                    continue
                }
                segmentWords = read
            case "attributes":
                guard let read = readAttributes(value, lookups: lookups, context: &context) else { usable = false; continue }
                attributes = read
            case "forecast":
                guard let read = readForecast(value, brand: brand, context: &context) else { usable = false; continue }
                forecast = read
            default:
                context.reportUnknownField(member, in: "a source", known: keys)
            }
        }
        for key in ["source", "data", "activities"] where root[key] == nil {
            context.reportMissing(key, in: root, what: "a source file")
            usable = false
        }
        if root["columns"] == nil {
            if case .xes = format.format {
                columns = readColumns(nil, format: format.format, context: &context)
            } else {
                context.reportMissing("columns", in: root, what: "a \(format.format.name) source (which columns give the case, the time and the activity)")
                usable = false
            }
        }
        if root["segment"] == nil, columns != nil, columns?.segment == nil {
            context.report(
                .missingField, at: root["columns"] ?? root,
                "a source needs a segment: a 'segment' column in 'columns', or a fixed 'segment' for every case"
            )
            usable = false
        }
        if root["segment"] != nil, columns?.segment != nil, let value = root["segment"] {
            context.report(.invalidValue, at: value, "a source gives either a fixed 'segment' or a 'segment' column, not both")
            usable = false
        }
        if root["journey"] != nil, columns?.journey != nil, let value = root["journey"] {
            context.report(.invalidValue, at: value, "a source gives either a fixed 'journey' or a 'journey' column, not both")
            usable = false
        }
        guard usable, let id, let data, let columns else { return nil }
        return ObservationSource(
            id: id, name: name, brand: brandID, data: data.text, dataPath: data.path, dataPosition: data.position,
            format: format.format, time: time, numbers: format.decimal, columns: columns, journey: journey, segment: segment,
            activities: activities, channelWords: channelWords, segmentWords: segmentWords, attributes: attributes, location: location
        ).with(forecast: forecast)
    }

    /// `forecast`: number attributes for the probability and the amount, and the activity names that close a deal.
    private static func readForecast(_ value: JSONCValue, brand: Brand, context: inout DecodingContext) -> SourceForecast? {
        guard let object = context.object(value, for: "forecast") else { return nil }
        var probability: Int?, amount: Int?, scale = 100.0, won: Set<String> = [], lost: Set<String> = []
        var usable = true
        func numberAttribute(_ entry: JSONCValue, _ field: String) -> Int? {
            guard let index = context.resolve(entry, in: brand.attributes, code: .unknownAttribute, what: "attribute", field: field) else { return nil }
            guard brand.attributes[index].type == .number else {
                context.report(.invalidValue, at: entry, "'\(field)' needs a number attribute; '\(brand.attributes[index].id)' is \(brand.attributes[index].type.name)")
                return nil
            }
            return index
        }
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "probability": probability = numberAttribute(entry, "probability"); usable = usable && probability != nil
            case "amount": amount = numberAttribute(entry, "amount"); usable = usable && amount != nil
            case "scale":
                guard let number = context.number(entry, for: "scale"), number > 0 else {
                    if entry.kind == .number { context.report(.invalidValue, at: entry, "'scale' must be above 0") }
                    usable = false
                    continue
                }
                scale = number
            case "won", "lost":
                let names = Set((context.strings(entry, for: member.key) ?? []).map(\.0))
                if member.key == "won" { won = names } else { lost = names }
            default:
                context.reportUnknownField(member, in: "a forecast", known: SourceForecast.keys)
                usable = false
            }
        }
        if object["probability"] == nil {
            context.reportMissing("probability", in: object, what: "a forecast")
            usable = false
        }
        if let both = won.intersection(lost).sorted().first, let entry = object["lost"] {
            context.report(.invalidValue, at: entry, "'\(IdentifierRules.visible(both))' cannot close a deal both as won and as lost")
            usable = false
        }
        guard usable, let probability else { return nil }
        return SourceForecast(probability: probability, scale: scale, amount: amount, won: won, lost: lost)
    }

    // MARK: The data file

    /// The data path resolved against the source file's folder, confined
    /// to the source's workspace: relative, with `/`, no `..` climbing above
    /// the folder that holds the `Observations` folder the source is in (or
    /// above the source's own folder, for a source in none); see ``DataPath``.
    private static func readData(
        _ value: JSONCValue, sourceFile: String, context: inout DecodingContext
    ) -> (text: String, path: String, position: SourcePosition)? {
        guard let text = context.string(value, for: "data") else { return nil }
        switch DataPath.resolve(text, besides: sourceFile) {
        case .success(let path):
            return (text, path, context.position(of: value))
        case .failure(let problem):
            context.report(problem.code, at: value, problem.message)
            return nil
        }
    }

    // MARK: Format and time

    private static func readFormat(
        _ value: JSONCValue, context: inout DecodingContext
    ) -> (ok: Bool, format: ExportFormat, decimal: NumberFormat)? {
        func kind(_ text: String, at value: JSONCValue, context: inout DecodingContext) -> ExportFormat? {
            switch text {
            case "csv": return .csv(separator: nil)
            case "jsonl": return .jsonLines
            case "xes": return .xes
            default:
                context.reportUnknown(.invalidValue, at: value, name: text, what: "export format", known: ExportFormat.names)
                return nil
            }
        }
        if value.kind == .string, let text = value.string {
            guard let format = kind(text, at: value, context: &context) else { return (false, .csv(separator: nil), .period) }
            return (true, format, .period)
        }
        guard let object = context.object(value, for: "format") else { return (false, .csv(separator: nil), .period) }
        var ok = true
        var format = ExportFormat.csv(separator: nil), separator: CSVSeparator?, decimal = NumberFormat.period
        if let type = object["type"] {
            if let text = context.string(type, for: "type"), let read = kind(text, at: type, context: &context) { format = read } else { ok = false }
        }
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "type": break
            case "separator":
                guard let text = context.string(entry, for: "separator") else { ok = false; continue }
                let named: [String: Character] = ["tab": "\t", "\\t": "\t"]
                if let character = named[text] ?? (text.count == 1 ? text.first : nil), let read = CSVSeparator(character) {
                    separator = read
                } else {
                    context.report(.invalidValue, at: entry, "a separator is one ASCII character other than a quote or a line break (or \"tab\"), found '\(IdentifierRules.visible(text))'")
                    ok = false
                }
            case "decimal":
                guard let text = context.string(entry, for: "decimal") else { ok = false; continue }
                if text.count == 1, let first = text.first, let read = NumberFormat(decimalSeparator: first) {
                    decimal = read
                } else {
                    context.report(.invalidValue, at: entry, "the decimal separator is \".\" or \",\", found '\(IdentifierRules.visible(text))'")
                    ok = false
                }
            default:
                context.reportUnknownField(member, in: "a source's format", known: formatKeys)
            }
        }
        if case .csv = format {
            format = .csv(separator: separator)
        } else if let entry = object["separator"] {
            context.report(.invalidValue, at: entry, "'separator' is for CSV exports; this one is \(format.name)")
            ok = false
        }
        return (ok, format, decimal)
    }

    /// `{ "pattern": "dd/MM/yyyy HH:mm", "zone": "Europe/Paris" }`; either may
    /// be left out: ISO 8601 by default, local times in UTC.
    private static func readTime(_ value: JSONCValue, context: inout DecodingContext) -> TimestampFormat? {
        guard let object = context.object(value, for: "time") else { return nil }
        var zone = LocalTimeZone.utc, pattern: (text: String, value: JSONCValue)?, ok = true
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "pattern":
                guard let text = context.string(entry, for: "pattern") else { ok = false; continue }
                pattern = (text, entry)
            case "zone":
                guard let text = context.string(entry, for: "zone") else { ok = false; continue }
                if let read = LocalTimeZone(identifier: text) {
                    zone = read
                } else {
                    context.report(.invalidValue, at: entry, "unknown time zone '\(IdentifierRules.visible(text))'; write an IANA zone such as Europe/Paris, America/New_York or UTC")
                    ok = false
                }
            default:
                context.reportUnknownField(member, in: "a source's time", known: timeKeys)
            }
        }
        guard ok else { return nil }
        guard let pattern else { return .iso8601(localTimesIn: zone) }
        do throws(TimestampPatternError) {
            return try .pattern(pattern.text, in: zone)
        } catch {
            // Inside the string: past its opening quote, at the character at fault.
            let offset = pattern.value.offset + 1 + String(pattern.text.prefix(error.offset)).utf8.count
            context.report(.invalidValue, atOffset: offset, "the time pattern cannot be used: \(error.message)")
            return nil
        }
    }

    // MARK: Columns

    /// The columns object; XES exports default to the standard keys.
    private static func readColumns(_ value: JSONCValue?, format: ExportFormat, context: inout DecodingContext) -> ColumnMap? {
        var found: [String: ExportColumn] = [:]
        var ok = true
        if let value {
            guard let object = context.object(value, for: "columns") else { return nil }
            for member in object.members {
                guard ColumnMap.keys.contains(member.key) else {
                    context.reportUnknownField(member, in: "a source's columns", known: ColumnMap.keys)
                    continue
                }
                guard let name = context.label(member.value, for: member.key) else { ok = false; continue }
                found[member.key] = ExportColumn(name, at: context.position(of: member.value))
            }
        }
        if case .xes = format {
            let at = value.map { context.position(of: $0) } ?? .startOfFile
            let defaults = ["case": "concept:name", "time": "time:timestamp", "activity": "concept:name", "owner": "org:resource"]
            for (key, name) in defaults where found[key] == nil { found[key] = ExportColumn(name, at: at) }
        }
        for key in ["case", "time", "activity"] where found[key] == nil {
            if let value { context.reportMissing(key, in: value, what: "a source's columns") }
            ok = false
        }
        guard ok, let caseID = found["case"], let time = found["time"], let activity = found["activity"] else { return nil }
        return ColumnMap(
            caseID: caseID, time: time, activity: activity, channel: found["channel"], segment: found["segment"],
            journey: found["journey"], owner: found["owner"]
        )
    }

    // MARK: Tables

    /// Export activity names → touchpoint ids: a string (a touchpoint of
    /// the case's journey), an object naming the journey too, or null
    /// (not a touchpoint, ignored).
    private static func readActivities(
        _ value: JSONCValue, brand: Brand, journeys: [Journey], context: inout DecodingContext
    ) -> [ActivityMapping]? {
        guard let object = context.object(value, for: "activities") else { return nil }
        var touchpointIDs = Set<String>()
        for journey in journeys { touchpointIDs.formUnion(journey.touchpoints.ids) }
        let knownIDs = { touchpointIDs.sorted() }
        var result: [ActivityMapping] = []
        var ok = true
        for member in object.members {
            let entry = member.value
            guard !member.key.isEmpty else {
                context.report(.invalidValue, atOffset: member.keyOffset, "an activity name cannot be empty")
                ok = false
                continue
            }
            let position = context.position(of: member.keyOffset)
            switch entry.kind {
            case .null:
                result.append(ActivityMapping(name: member.key, target: .ignored, position: position))
            case .object:
                var touchpoint: (String, JSONCValue)?, journey: String?
                for field in entry.members {
                    switch field.key {
                    case "touchpoint": touchpoint = context.string(field.value, for: "touchpoint").map { ($0, field.value) }
                    case "journey":
                        guard let text = context.string(field.value, for: "journey") else { continue }
                        if journeys.contains(where: { $0.id == text }) {
                            journey = text
                        } else {
                            context.reportUnknown(.unknownJourney, at: field.value, name: text, what: "journey", known: journeys.map(\.id), context: " of brand '\(brand.id)'")
                            ok = false
                        }
                    default: context.reportUnknownField(field, in: "an activity's touchpoint", known: activityKeys)
                    }
                }
                guard let (id, idValue) = touchpoint else {
                    if entry["touchpoint"] == nil { context.reportMissing("touchpoint", in: entry, what: "an activity mapped to a journey") }
                    ok = false
                    continue
                }
                let inJourney = journey.flatMap { name in journeys.first { $0.id == name } }
                if let inJourney, inJourney.touchpoints.index(of: id) == nil {
                    context.reportUnknown(.unknownTouchpoint, at: idValue, name: id, what: "touchpoint", known: inJourney.touchpoints.ids, context: " in journey '\(inJourney.id)'")
                    ok = false
                    continue
                }
                if journey == nil, !touchpointIDs.contains(id) {
                    context.reportUnknown(.unknownTouchpoint, at: idValue, name: id, what: "touchpoint", known: knownIDs(), context: " in the journeys of brand '\(brand.id)'")
                    ok = false
                    continue
                }
                if journey != nil || entry["journey"] == nil {
                    result.append(ActivityMapping(name: member.key, target: .touchpoint(id, journey: journey), position: position))
                }
            default:
                guard let id = context.string(entry, for: "the touchpoint of '\(member.key)'") else { ok = false; continue }
                guard touchpointIDs.contains(id) else {
                    context.reportUnknown(.unknownTouchpoint, at: entry, name: id, what: "touchpoint", known: knownIDs(), context: " in the journeys of brand '\(brand.id)'")
                    ok = false
                    continue
                }
                result.append(ActivityMapping(name: member.key, target: .touchpoint(id, journey: nil), position: position))
            }
        }
        if ok, result.isEmpty {
            context.report(.invalidValue, at: value, "'activities' maps no activity: name the export's activities and the touchpoints they are")
            return nil
        }
        return ok ? result : nil
    }

    /// Export words → ids of a catalog (channels, segments).
    private static func readWords<Entry>(
        _ value: JSONCValue, in catalog: Catalog<Entry>, code: DiagnosticCode, what: String, field: String,
        context: inout DecodingContext
    ) -> [String: Int]? {
        guard let object = context.object(value, for: field) else { return nil }
        var result: [String: Int] = [:], ok = true
        for member in object.members {
            guard let index = context.resolve(member.value, in: catalog, code: code, what: what, field: "the \(what) of '\(member.key)'") else {
                ok = false
                continue
            }
            result[member.key] = index
        }
        return ok ? result : nil
    }

    // MARK: Lived attributes

    static let conversionKeys: [AttributeKind: [String]] = [
        .enumeration: ["column", "values"], .scale: ["column", "values"], .number: ["column", "scale"],
        .duration: ["column", "unit"], .boolean: ["column", "true", "false", "empty"], .text: ["column"],
    ]

    /// `"responseTime": { "column": "first_reply_minutes", "unit": "minutes" }`, one per attribute.
    private static func readAttributes(_ value: JSONCValue, lookups: BrandLookups, context: inout DecodingContext) -> [LivedAttribute]? {
        guard let object = context.object(value, for: "attributes") else { return nil }
        let catalog = lookups.brand.attributes
        var result: [LivedAttribute] = [], ok = true
        for member in object.members {
            guard let index = catalog.index(of: member.key) else {
                context.reportUnknown(.unknownAttribute, atOffset: member.keyOffset, name: member.key, what: "attribute", known: catalog.ids)
                ok = false
                continue
            }
            guard let entry = context.object(member.value, for: member.key) else { ok = false; continue }
            let definition = catalog[index]
            guard let read = readConversion(entry, definition: definition, choices: lookups.choiceIndex[index], context: &context) else {
                ok = false
                continue
            }
            guard index < LivedAttribute.catalogPositions else {
                context.report(
                    .invalidValue, atOffset: member.keyOffset,
                    "'\(member.key)' is attribute \(index + 1) of the brand; lived values can be read for its first \(LivedAttribute.catalogPositions) attributes only"
                )
                ok = false
                continue
            }
            result.append(LivedAttribute(attribute: index, column: read.column, conversion: read.conversion))
        }
        if result.count > LivedAttribute.mostPerSource {
            context.report(
                .invalidValue, at: value,
                "a source can map at most \(LivedAttribute.mostPerSource) lived attributes; this one maps \(result.count)"
            )
            ok = false
        }
        return ok ? result : nil
    }

    private static func readConversion(
        _ object: JSONCValue, definition: AttributeDefinition, choices: [String: Int], context: inout DecodingContext
    ) -> (column: ExportColumn, conversion: LivedConversion)? {
        let kind = definition.type.kind
        let allowed = conversionKeys[kind] ?? ["column"]
        var column: ExportColumn?, ok = true
        for member in object.members where !allowed.contains(member.key) {
            context.reportUnknownField(member, in: "a lived \(kind.rawValue) attribute", known: allowed)
        }
        if let entry = object["column"] {
            if let name = context.label(entry, for: "column") { column = ExportColumn(name, at: context.position(of: entry)) } else { ok = false }
        } else {
            context.reportMissing("column", in: object, what: "a lived attribute")
            ok = false
        }
        let conversion: LivedConversion
        switch kind {
        case .enumeration, .scale:
            var words: [String: Int] = [:]
            if let values = object["values"], let table = context.object(values, for: "values") {
                for member in table.members {
                    guard let value = context.attributeValue(member.value, of: definition, choices: choices), case .choice(let position) = value else {
                        ok = false
                        continue
                    }
                    words[member.key] = position
                }
            } else if object["values"] != nil {
                ok = false
            }
            conversion = .words(words)
        case .number:
            var scale = 1.0
            if let entry = object["scale"] {
                if let number = context.number(entry, for: "scale"), number != 0 { scale = number } else {
                    if entry.kind == .number { context.report(.invalidValue, at: entry, "'scale' multiplies each value; it cannot be 0") }
                    ok = false
                }
            }
            conversion = .number(scale: scale)
        case .duration:
            let units = ["iso8601"] + DurationUnit.allCases.map(\.rawValue)
            if let entry = object["unit"] {
                guard let text = context.string(entry, for: "unit") else { return nil }
                if text == "iso8601" {
                    conversion = .duration(secondsPerUnit: nil)
                } else if let unit = DurationUnit(rawValue: text) {
                    conversion = .duration(secondsPerUnit: unit.seconds)
                } else {
                    context.reportUnknown(.invalidValue, at: entry, name: text, what: "duration unit", known: units)
                    return nil
                }
            } else if let column, let unit = DurationUnit(columnName: column.name) {
                conversion = .duration(secondsPerUnit: unit.seconds)
            } else {
                context.report(
                    .missingField, at: object,
                    "say what unit the column counts in: 'unit' is one of \(units.joined(separator: ", ")) (a column named like first_reply_minutes says it itself)"
                )
                return nil
            }
        case .boolean:
            var trueWords: [String]?, falseWords: [String]?, empty: Bool?
            if let entry = object["true"] { trueWords = context.strings(entry, for: "true")?.map(\.0); ok = ok && trueWords != nil }
            if let entry = object["false"] { falseWords = context.strings(entry, for: "false")?.map(\.0); ok = ok && falseWords != nil }
            if let entry = object["empty"] { empty = context.bool(entry, for: "empty"); ok = ok && empty != nil }
            if trueWords == nil, falseWords == nil, empty == nil {
                conversion = .boolean(.standard)
            } else {
                conversion = .boolean(BooleanWords(true: trueWords ?? BooleanWords.standard.trueWords.sorted(),
                                                   false: falseWords ?? BooleanWords.standard.falseWords.sorted(), empty: empty))
            }
        case .text:
            conversion = .text
        }
        guard ok, let column else { return nil }
        return (column, conversion)
    }
}

/// A source's data path resolved and confined, by its letters alone: the
/// command line then refuses symbolic links that lead out.
///
/// A source's workspace is the folder holding the `Observations` folder it
/// is in (the nearest one on its path), or its own folder when it is in
/// none: the exports belong with their sources, and that folder is the same
/// whichever folder the run starts from.
public enum DataPath {
    public struct Problem: Error, Equatable, Sendable {
        public let code: DiagnosticCode
        public let message: String
    }

    /// `data` joined to the folder of `sourceFile`, normalised. `..` may
    /// climb out of the source's folder (to an `Observations/exports/`
    /// shared by brands) but not above the source's workspace; `..` is left
    /// only where the source file's own path has it, before that folder.
    public static func resolve(_ data: String, besides sourceFile: String) -> Result<String, Problem> {
        guard !data.isEmpty else { return .failure(Problem(code: .invalidValue, message: "'data' cannot be empty: name the export's file")) }
        if data.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\\" }) {
            return .failure(Problem(code: .invalidValue, message: "'data' holds a control character or a backslash; write the path with '/'"))
        }
        guard !data.hasPrefix("/") else {
            return .failure(Problem(code: .dataOutsideWorkspace, message: "'\(data)' is an absolute path; name the export relative to this source file, inside the workspace"))
        }
        let folders = Folders(sourceFile)
        var parts = folders.parts
        for part in data.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                // Above the floor no part is `..`: what is removed is a folder's name.
                guard parts.count > folders.floor else {
                    return .failure(Problem(
                        code: .dataOutsideWorkspace,
                        message: "'\(data)' climbs out of the workspace with '..'; keep the export inside "
                            + (folders.underObservations ? "the folder that holds Observations" : "the source file's folder")
                    ))
                }
                parts.removeLast()
            default:
                parts.append(String(part))
            }
        }
        guard parts.count > folders.floor, !data.hasSuffix("/") else {
            return .failure(Problem(code: .invalidValue, message: "'\(data)' names a folder, not a file"))
        }
        return .success(folders.path(parts))
    }

    /// The folder a source's data is confined to, as the source file's path
    /// names it: `.` for the folder the run reads from.
    public static func workspaceFolder(of sourceFile: String) -> String {
        let folders = Folders(sourceFile)
        return folders.path(Array(folders.parts[..<folders.floor]))
    }

    /// The folders of a source file's path, and how many of them make its workspace.
    private struct Folders {
        let isAbsolute: Bool
        /// The folders' names, `.` and empty ones left out.
        let parts: [String]
        /// How many of `parts` make the workspace.
        let floor: Int
        /// Whether the workspace is the folder holding an `Observations` folder.
        let underObservations: Bool

        init(_ sourceFile: String) {
            isAbsolute = sourceFile.hasPrefix("/")
            parts = sourceFile.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .filter { !$0.isEmpty && $0 != "." }.map(String.init)
            // The last `Observations` with no `..` after it: one followed by
            // `..` is not a folder the source is in.
            var found: Int?
            for (index, part) in parts.enumerated() {
                if part == ".." { found = nil } else if part == "Observations" { found = index }
            }
            floor = found ?? parts.count
            underObservations = found != nil
        }

        func path(_ parts: [String]) -> String {
            let joined = parts.joined(separator: "/")
            return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
        }
    }
}
