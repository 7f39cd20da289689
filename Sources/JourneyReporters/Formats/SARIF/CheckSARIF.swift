import JSONWriter
import CharterChecker
import JourneyModel

/// `--format sarif` for `check`: one SARIF 2.1.0 log with one run, for code
/// scanning (GitHub, GitLab, Azure DevOps) and SARIF viewers.
///
/// - Rules: every diagnostic code used (``DiagnosticCode/summary`` as the
///   description), then every charter marker used, once per brand that
///   defines it (its name and rationale, its level in that brand), each
///   sorted by id, so rule indices only move when the set of rules does.
///   A marker id that several brands of the workspace define is
///   `<brand>/<id>`; one that is also a diagnostic code is `marker/<id>`.
///   Every rule has a `shortDescription` and a `fullDescription`.
/// - Results: diagnostics, then gaps in report order. Accepted gaps are
///   results too, with a `suppressions` entry (`inSource` for a `suppress`
///   entry in the journey file, `external` for a baseline) and its reason as
///   the justification, so viewers show them as closed rather than forget them.
///   A gap of a segment names it in its message: the results of one place
///   for several segments read apart.
/// - Locations: the path as given, relative to `%SRCROOT%` (absolute paths
///   become `file://` URIs); `startLine`/`startColumn` are 1-based and
///   columns count Unicode scalars, hence `"columnKind": "unicodeCodePoints"`.
///   Findings record where they start, not where they end, so regions have
///   no `endLine` or `endColumn` (a viewer marks the start).
/// - Gaps carry `partialFingerprints["throughlineGap/v2"]` (``DescribedGap/fingerprint``,
///   which survives edits that move lines, and differs by segment) and their
///   journey, touchpoint, segment, channel, stage, expected and planned
///   values, and the action that would close them, under `properties`.
///   Diagnostics carry `partialFingerprints["throughlineDiagnostic/v1"]`:
///   their code, file and message, without the line.
/// - A did-you-mean suggestion is in the message and under
///   `properties.suggestion`: SARIF `fixes` need the exact span to replace,
///   which diagnostics do not record.
///
/// ```json
/// { "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json",
///   "version": "2.1.0",
///   "runs": [ { "tool": { "driver": { "name": "throughline", "rules": [ … ] } },
///               "columnKind": "unicodeCodePoints", "results": [ … ] } ] }
/// ```
public struct CheckSARIF: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
    public static let sarifVersion = "2.1.0"
    /// The base that relative artifact URIs are resolved against.
    public static let sourceRootID = "%SRCROOT%"
    /// The key of the gap fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "throughlineGap/v2"
    /// The key of the diagnostic fingerprint in `partialFingerprints`.
    public static let diagnosticFingerprintKey = "throughlineDiagnostic/v1"

    /// `tool.driver.version`; omitted when nil.
    public var toolVersion: String?

    public init(toolVersion: String? = nil) {
        self.toolVersion = toolVersion
    }

    /// Result by result into `output`: the log of a large workspace is written, not built.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        let rules = RuleTable(result)
        var driver: [(String, JSONOutput)] = [("name", "throughline")]
        if let toolVersion { driver.append(("version", .string(toolVersion))) }
        driver.append(("rules", .array(rules.descriptors)))

        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.write("$schema", .string(Self.schemaURI))
        writer.write("version", .string(Self.sarifVersion))
        writer.beginArray("runs")
        writer.beginObject()
        writer.write("tool", .object([("driver", .object(driver))]))
        writer.write("originalUriBaseIds", .object([
            (Self.sourceRootID, .object([
                ("description", Self.message("The folder throughline ran in; the paths of the files it read are relative to it.")),
            ])),
        ]))
        writer.write("columnKind", "unicodeCodePoints")
        writer.beginArray("results")
        for found in result.diagnostics { writer.write(Self.diagnostic(found, rules: rules)) }
        for found in result.gaps { writer.write(Self.gap(found, rules: rules)) }
        writer.end()
        var properties: [(String, JSONOutput)] = [("summary", ReportJSON.summary(result.summary))]
        if let note = ReportWording.cutNote(result), let cut = ReportJSON.cut(result) {
            // Viewers show an invocation's notifications beside the results.
            writer.write("invocations", .array([.object([
                ("executionSuccessful", true),
                ("toolExecutionNotifications", .array([.object([
                    ("level", "warning"),
                    ("message", Self.message(note)),
                ])])),
            ])]))
            properties.append(("cut", cut))
        }
        writer.write("properties", .object(properties))
        output = writer.finish()
    }

    /// `error`, `warning`, `note`.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    // MARK: Results

    static func diagnostic(_ diagnostic: Diagnostic, rules: RuleTable) -> JSONOutput {
        let rule = rules.rule(for: .diagnostic(diagnostic.code))
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(rule.id)),
            ("ruleIndex", .integer(rule.index)),
            ("level", .string(level(diagnostic.severity))),
            ("message", message(diagnostic.messageWithSuggestion)),
            ("locations", .array([location(diagnostic.location)])),
        ]
        if !diagnostic.related.isEmpty { members.append(("relatedLocations", relatedLocations(diagnostic.related))) }
        members.append(("partialFingerprints", .object([(diagnosticFingerprintKey, .string(fingerprint(of: diagnostic)))])))
        if let suggestion = diagnostic.suggestion {
            members.append(("properties", .object([("suggestion", .string(suggestion))])))
        }
        return .object(members)
    }

    /// What tells a diagnostic from another wherever its line moves.
    static func fingerprint(of diagnostic: Diagnostic) -> String {
        FingerprintFields.joined([diagnostic.code.rawValue, diagnostic.location.file, diagnostic.message])
    }

    static func gap(_ gap: DescribedGap, rules: RuleTable) -> JSONOutput {
        let rule = rules.rule(for: .marker(brand: gap.brand, id: gap.marker))
        let words = gap.words
        let text = gap.segment.map { "\(words.message) (segment '\($0)')" } ?? words.message
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(rule.id)),
            ("ruleIndex", .integer(rule.index)),
            ("level", .string(level(gap.severity))),
            ("message", message(text)),
            ("locations", .array([location(gap.location)])),
        ]
        if !words.related.isEmpty { members.append(("relatedLocations", relatedLocations(words.related))) }
        members.append(("partialFingerprints", .object([(fingerprintKey, .string(gap.fingerprint))])))
        if let suppression = gap.suppression {
            members.append(("suppressions", .array([.object([
                ("kind", suppression.origin == .inSource ? "inSource" : "external"),
                ("status", "accepted"),
                ("justification", .string(suppression.reason)),
                ("location", location(suppression.location)),
            ])])))
        }
        var properties: [(String, JSONOutput)] = [
            ("brand", .string(gap.brand)),
            ("journey", .string(gap.journey)),
        ]
        let optional: [(String, String?)] = [
            ("touchpoint", gap.touchpoint), ("segment", gap.segment), ("channel", gap.channel),
            ("stage", gap.stage), ("attribute", gap.attribute),
        ]
        properties += optional.compactMap { key, value in value.map { (key, .string($0)) } }
        properties += [
            ("expected", .string(words.expected)),
            ("planned", .string(words.planned)),
            ("markerKind", .string(gap.kind.rawValue)),
        ]
        if !words.action.isEmpty { properties.append(("action", .string(words.action))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    static func message(_ text: String) -> JSONOutput {
        .object([("text", .string(text))])
    }

    static func location(_ location: SourceLocation) -> JSONOutput {
        .object([("physicalLocation", physicalLocation(location))])
    }

    static func physicalLocation(_ location: SourceLocation) -> JSONOutput {
        var artifact: [(String, JSONOutput)] = [("uri", .string(URIReference.reference(for: location.file)))]
        if !URIReference.isAbsolute(location.file) { artifact.append(("uriBaseId", .string(sourceRootID))) }
        return .object([
            ("artifactLocation", .object(artifact)),
            ("region", .object([
                ("startLine", .integer(max(1, location.line))),
                ("startColumn", .integer(max(1, location.column))),
            ])),
        ])
    }

    static func relatedLocations(_ related: [RelatedLocation]) -> JSONOutput {
        .array(related.enumerated().map { index, related in
            .object([
                ("id", .integer(index + 1)),
                ("physicalLocation", physicalLocation(related.location)),
                ("message", message(related.message)),
            ])
        })
    }

    // MARK: Rules

    enum RuleKey: Hashable {
        case diagnostic(DiagnosticCode)
        /// A marker as one brand defines it.
        case marker(brand: String, id: String)
    }

    /// The rules of the run: each used code and marker once, with its index.
    struct RuleTable {
        private(set) var descriptors: [JSONOutput] = []
        private var entries: [RuleKey: (id: String, index: Int)] = [:]

        init(_ result: CheckResult) {
            let codes = Set(result.diagnostics.map(\.code)).sorted()
            for code in codes {
                add(.diagnostic(code), id: code.rawValue, descriptor: Self.descriptor(for: code))
            }
            // Each brand's markers by id (a look-up, not a scan per rule),
            // and the brands that define each id, in the workspace or in gaps.
            var definitions: [String: [String: Marker]] = [:]
            var brandsDefining: [String: Set<String>] = [:]
            for brand in result.workspace.brands where definitions[brand.id] == nil {
                var byID: [String: Marker] = [:]
                for marker in brand.charter.markers where byID[marker.id] == nil { byID[marker.id] = marker }
                for id in byID.keys { brandsDefining[id, default: []].insert(brand.id) }
                definitions[brand.id] = byID
            }
            var firstGap: [RuleKey: DescribedGap] = [:]
            for gap in result.gaps {
                let key = RuleKey.marker(brand: gap.brand, id: gap.marker)
                if firstGap[key] == nil {
                    firstGap[key] = gap
                    brandsDefining[gap.marker, default: []].insert(gap.brand)
                }
            }
            let diagnosticIDs = Set(DiagnosticCode.allCases.map(\.rawValue))
            let rules = firstGap.values.map { gap in
                var id = brandsDefining[gap.marker, default: []].count > 1 ? "\(gap.brand)/\(gap.marker)" : gap.marker
                if diagnosticIDs.contains(id) { id = "marker/\(id)" }
                return (id: id, gap: gap)
            }
            for (id, gap) in rules.sorted(by: { ($0.id, $0.gap.brand) < ($1.id, $1.gap.brand) }) {
                let marker = definitions[gap.brand]?[gap.marker]
                add(.marker(brand: gap.brand, id: gap.marker), id: id, descriptor: Self.descriptor(id: id, marker: marker, gap: gap))
            }
        }

        /// Every result's rule is in the table: it is built from the same
        /// diagnostics and gaps. A result without one would point at rule 0.
        func rule(for key: RuleKey) -> (id: String, index: Int) {
            entries[key] ?? (id: "", index: 0)
        }

        private mutating func add(_ key: RuleKey, id: String, descriptor: JSONOutput) {
            entries[key] = (id, descriptors.count)
            descriptors.append(descriptor)
        }

        static func descriptor(for code: DiagnosticCode) -> JSONOutput {
            .object([
                ("id", .string(code.rawValue)),
                ("shortDescription", message(code.summary)),
                ("fullDescription", message("\(code.summary) A problem with the files read (not a gap in the charter), at \(code.defaultSeverity.rawValue) severity by default.")),
                ("help", message(code.summary)),
                ("defaultConfiguration", .object([("level", .string(level(code.defaultSeverity)))])),
                ("properties", .object([("tags", .array(["input"]))])),
            ])
        }

        /// From the marker as the brand of the gap defines it; from the gap
        /// alone if the workspace does not have it.
        static func descriptor(id: String, marker: Marker?, gap: DescribedGap) -> JSONOutput {
            let kind = marker?.kind ?? gap.kind
            let severity = marker?.severity ?? gap.severity
            let short = marker?.name ?? "Charter marker '\(gap.marker)' (\(kind.rawValue))."
            let full = marker?.rationale ?? "\(short) Brand '\(gap.brand)', marker kind \(kind.rawValue)."
            var help = [short]
            if let rationale = marker?.rationale { help.append(rationale) }
            if let override = marker?.override, let overridden = override.severity {
                help.append("Set to \(overridden.rawValue) by \(override.by): \(override.reason)")
            }
            if let origin = marker?.origin { help.append("Defined by the charter of '\(origin)'.") }
            return .object([
                ("id", .string(id)),
                ("shortDescription", message(short)),
                ("fullDescription", message(full)),
                ("help", message(help.joined(separator: "\n\n"))),
                ("defaultConfiguration", .object([("level", .string(level(severity)))])),
                ("properties", .object([
                    ("tags", .array(["charter", .string(kind.rawValue)])),
                    ("markerKind", .string(kind.rawValue)),
                    ("brand", .string(gap.brand)),
                ])),
            ])
        }
    }
}
