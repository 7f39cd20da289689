import JSONWriter
import JSONCReader
import JourneyModel

/// Turns a spreadsheet inventory of touchpoints (CSV, one row per
/// touchpoint, or per touchpoint and segment) into journey files in the
/// bundled format, for teams that keep their journeys in spreadsheets.
///
/// Columns: `journey`, `touchpoint` (its id), `stage`, `channel`, and
/// optionally `name`, `segment` (blank for the experience every segment
/// gets; a segment id for that segment's `bySegment` refinement), `next`
/// (ids separated by spaces, `;` or `|`), `initiator` (`brand` or
/// `customer`), `after` (an ISO 8601 duration), then one column per attribute of
/// the brand's vocabulary. A blank cell plans nothing. Problems point at
/// the CSV cell (line and column); nothing is written unless every journey
/// produced loads without a diagnostic.
public enum TouchpointInventory {
    public static let fixedColumns = ["journey", "touchpoint", "name", "stage", "channel", "segment", "next", "initiator", "after"]

    public struct Output: Sendable {
        /// File name (`<journey>.journey.jsonc`) and contents, by journey id.
        public var files: [(name: String, text: String)]
        public var diagnostics: [Diagnostic]
    }

    public static func convert(csv text: String, path: String, brand: Brand) -> Output {
        var diagnostics: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ position: SourcePosition, _ message: String, suggestion: String? = nil) {
            diagnostics.append(Diagnostic(code, at: SourceLocation(file: path, position: position), message, suggestion: suggestion))
        }
        let table: CSVTable
        do {
            table = try CSVTable(text)
        } catch {
            report(.syntax, error.position, error.message)
            return Output(files: [], diagnostics: diagnostics)
        }
        // Columns: fixed ones by name, the rest must be attributes.
        var columnOf: [String: Int] = [:]
        var attributeColumns: [(column: Int, attribute: AttributeDefinition)] = []
        for (index, cell) in table.header.enumerated() {
            let name = cell.text
            if fixedColumns.contains(name) {
                columnOf[name] = index
            } else if let attribute = brand.attributes[id: name] {
                attributeColumns.append((index, attribute))
            } else {
                let known = fixedColumns + brand.attributes.ids
                let suggestion = DidYouMean.closest(to: name, in: known)
                report(.unknownAttribute, cell.position,
                       "unknown column '\(name)': neither a touchpoint field nor an attribute of brand '\(brand.id)'\(DidYouMean.hint(for: name, in: known))",
                       suggestion: suggestion)
            }
        }
        for required in ["journey", "touchpoint", "stage", "channel"] where columnOf[required] == nil {
            report(.missingField, table.header.first?.position ?? .startOfFile, "the header needs a '\(required)' column")
        }
        guard diagnostics.isEmpty else { return Output(files: [], diagnostics: diagnostics) }

        var journeys: [String: JourneyDraft] = [:]
        var journeyOrder: [String] = []
        var links: [(journey: String, target: String, position: SourcePosition)] = []
        func check<Entry>(_ cell: CSVTable.Cell?, in catalog: Catalog<Entry>, _ code: DiagnosticCode, _ what: String) {
            guard let cell, !cell.text.isEmpty, catalog.index(of: cell.text) == nil else { return }
            let suggestion = DidYouMean.closest(to: cell.text, in: catalog.ids)
            report(code, cell.position, "unknown \(what) '\(cell.text)'\(DidYouMean.hint(for: cell.text, in: catalog.ids))", suggestion: suggestion)
        }
        for row in table.rows {
            func cell(_ name: String) -> CSVTable.Cell? {
                columnOf[name].flatMap { row.indices.contains($0) ? row[$0] : nil }
            }
            guard let journeyCell = cell("journey"), !journeyCell.text.isEmpty,
                  let touchpointCell = cell("touchpoint"), !touchpointCell.text.isEmpty else {
                report(.missingField, row.first?.position ?? .startOfFile, "each row needs a journey and a touchpoint id")
                continue
            }
            if journeys[journeyCell.text] == nil {
                journeys[journeyCell.text] = JourneyDraft(id: journeyCell.text)
                journeyOrder.append(journeyCell.text)
            }
            check(cell("stage"), in: brand.stages, .unknownStage, "stage")
            check(cell("channel"), in: brand.channels, .unknownChannel, "channel")
            check(cell("segment"), in: brand.segments, .unknownSegment, "segment")
            if let initiator = cell("initiator"), !initiator.text.isEmpty, Initiator(rawValue: initiator.text) == nil {
                let words = Initiator.allCases.map(\.rawValue)
                report(.invalidValue, initiator.position,
                       "unknown initiator '\(initiator.text)'\(DidYouMean.hint(for: initiator.text, in: words)); expected one of: \(words.joined(separator: ", "))",
                       suggestion: DidYouMean.closest(to: initiator.text, in: words))
            }
            if let after = cell("after"), !after.text.isEmpty, ISODuration(after.text) == nil {
                report(.invalidValue, after.position, "'\(after.text)' is not an ISO 8601 duration for 'after'; write for example PT2H, P1D or P7D")
            }
            var experience: [(String, JSONOutput)] = []
            for (column, attribute) in attributeColumns where row.indices.contains(column) && !row[column].text.isEmpty {
                let raw = row[column]
                if let problem = problem(with: raw.text, for: attribute) {
                    let suggestion = DidYouMean.closest(to: raw.text, in: attribute.type.choices)
                    report(.invalidValue, raw.position, problem, suggestion: suggestion)
                    continue
                }
                guard let value = jsonValue(raw.text, for: attribute) else {
                    report(.wrongType, raw.position, "'\(raw.text)' is not a \(attribute.type.name) for '\(attribute.id)'")
                    continue
                }
                experience.append((attribute.id, value))
            }
            let segment = cell("segment")?.text ?? ""
            let next = (cell("next")?.text ?? "").split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "|" || $0 == "," }).map(String.init)
            if let nextCell = cell("next") {
                links += next.map { (journeyCell.text, $0, nextCell.position) }
            }
            journeys[journeyCell.text]?.add(
                touchpoint: touchpointCell.text, segment: segment.isEmpty ? nil : segment,
                name: cell("name")?.text, stage: cell("stage")?.text, channel: cell("channel")?.text,
                initiator: cell("initiator")?.text, after: cell("after")?.text,
                next: next, experience: experience, position: touchpointCell.position
            )
        }
        for link in links {
            let ids = journeys[link.journey]?.touchpoints.map(\.id) ?? []
            if !ids.contains(link.target) {
                report(.danglingNext, link.position, "'next' names '\(link.target)', which is not a touchpoint of journey '\(link.journey)'\(DidYouMean.hint(for: link.target, in: ids))",
                       suggestion: DidYouMean.closest(to: link.target, in: ids))
            }
        }
        for draft in journeys.values {
            for touchpoint in draft.touchpoints where touchpoint.stage == nil || touchpoint.channel == nil {
                report(.missingField, touchpoint.position, "touchpoint '\(touchpoint.id)' of journey '\(draft.id)' has no \(touchpoint.stage == nil ? "stage" : "channel") on any row")
            }
        }
        guard diagnostics.isEmpty else {
            return Output(files: [], diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
        }

        var files: [(name: String, text: String)] = []
        for id in journeyOrder {
            guard let draft = journeys[id] else { continue }
            let text = "// Imported from \(path) by `throughline import`.\n" + draft.document(brand: brand.id).rendered()
            files.append(("\(id).journey.jsonc", text))
        }
        return Output(files: files, diagnostics: diagnostics)
    }

    /// Why a cell is not a value of an enumeration, scale or duration attribute.
    private static func problem(with text: String, for attribute: AttributeDefinition) -> String? {
        switch attribute.type {
        case .enumeration(let words), .scale(let words):
            return words.contains(text) ? nil
                : "'\(text)' is not a value of '\(attribute.id)'\(DidYouMean.hint(for: text, in: words)); expected one of: \(words.joined(separator: ", "))"
        case .duration:
            return ISODuration(text) == nil ? "'\(text)' is not an ISO 8601 duration for '\(attribute.id)'; write for example PT2H or P1D" : nil
        case .number, .text, .boolean:
            return nil
        }
    }

    /// A cell as the attribute's JSON type: numbers and booleans unquoted.
    private static func jsonValue(_ text: String, for attribute: AttributeDefinition) -> JSONOutput? {
        switch attribute.type {
        case .number:
            guard let number = JSONCNumber(text.replacingComma), number.double.isFinite else { return nil }
            return number.isInteger ? (number.int.map(JSONOutput.integer) ?? .number(number.double)) : .number(number.double)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "y", "1", "oui", "x": return .bool(true)
            case "false", "no", "n", "0", "non": return .bool(false)
            default: return nil
            }
        case .enumeration, .scale, .duration, .text:
            return .string(text)
        }
    }
}

/// One journey being assembled from rows.
private struct JourneyDraft {
    let id: String
    var touchpoints: [TouchpointDraft] = []

    struct TouchpointDraft {
        var id: String
        /// The first row that names it.
        var position: SourcePosition
        var name: String?
        var stage: String?
        var channel: String?
        var initiator: String?
        var after: String?
        var next: [String] = []
        var experience: [(String, JSONOutput)] = []
        var bySegment: [(String, [(String, JSONOutput)])] = []
    }

    mutating func add(
        touchpoint id: String, segment: String?, name: String?, stage: String?, channel: String?,
        initiator: String?, after: String?, next: [String], experience: [(String, JSONOutput)], position: SourcePosition
    ) {
        var index = touchpoints.firstIndex { $0.id == id }
        if index == nil {
            touchpoints.append(TouchpointDraft(id: id, position: position))
            index = touchpoints.count - 1
        }
        guard let index else { return }
        if let name, !name.isEmpty { touchpoints[index].name = name }
        if let stage, !stage.isEmpty { touchpoints[index].stage = stage }
        if let channel, !channel.isEmpty { touchpoints[index].channel = channel }
        if let initiator, !initiator.isEmpty { touchpoints[index].initiator = initiator }
        if let after, !after.isEmpty { touchpoints[index].after = after }
        for target in next where !touchpoints[index].next.contains(target) { touchpoints[index].next.append(target) }
        if let segment {
            touchpoints[index].bySegment.append((segment, experience))
        } else {
            touchpoints[index].experience += experience
        }
    }

    func document(brand: String) -> JSONOutput {
        .object([
            ("journey", .string(id)),
            ("brand", .string(brand)),
            ("touchpoints", .array(touchpoints.map { touchpoint in
                var members: [(String, JSONOutput)] = [("id", .string(touchpoint.id))]
                if let name = touchpoint.name { members.append(("name", .string(name))) }
                members.append(("stage", .optional(touchpoint.stage)))
                members.append(("channel", .optional(touchpoint.channel)))
                if !touchpoint.experience.isEmpty { members.append(("experience", .object(touchpoint.experience))) }
                if !touchpoint.bySegment.isEmpty {
                    members.append(("bySegment", .object(touchpoint.bySegment.map { ($0.0, .object($0.1)) })))
                }
                if !touchpoint.next.isEmpty { members.append(("next", .array(touchpoint.next.map(JSONOutput.string)))) }
                if let initiator = touchpoint.initiator { members.append(("initiator", .string(initiator))) }
                if let after = touchpoint.after { members.append(("after", .string(after))) }
                return .object(members)
            })),
        ])
    }
}

private extension String {
    /// `0,35` as written in European spreadsheets is the number 0.35.
    var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
