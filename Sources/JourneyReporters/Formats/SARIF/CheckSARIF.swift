import JSONWriter
import CharterChecker
import JourneyModel

/// `--format sarif` for `check`: one SARIF 2.1.0 log with one run, for code
/// scanning (GitHub, GitLab, Azure DevOps) and SARIF viewers.
///
/// - Rules: every diagnostic code used (``DiagnosticCode/summary`` as the
///   description), then every charter marker used (its name and rationale),
///   each sorted by id, so rule indices only move when the set of rules does.
///   A marker whose id is also a diagnostic code is listed as `marker/<id>`.
/// - Results: diagnostics, then gaps in report order. Accepted gaps are
///   results too, with a `suppressions` entry (`inSource` for a `suppress`
///   entry in the journey file, `external` for a baseline) and its reason as
///   the justification, so viewers show them as closed rather than forget them.
/// - Locations: the path as given, relative to `%SRCROOT%` (absolute paths
///   become `file://` URIs); `startLine`/`startColumn` are 1-based and
///   columns count Unicode scalars, hence `"columnKind": "unicodeCodePoints"`.
/// - Gaps carry `partialFingerprints["throughlineGap/v2"]` (``DescribedGap/fingerprint``,
///   which survives edits that move lines) and their journey, touchpoint,
///   segment, channel, stage, expected and planned values, and the action
///   that would close them, under `properties`.
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
        writer.write("properties", .object([
            ("summary", ReportJSON.summary(result.summary)),
        ]))
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
        if let suggestion = diagnostic.suggestion {
            members.append(("properties", .object([("suggestion", .string(suggestion))])))
        }
        return .object(members)
    }

    static func gap(_ gap: DescribedGap, rules: RuleTable) -> JSONOutput {
        let rule = rules.rule(for: .marker(gap.marker))
        let words = gap.words
        var members: [(String, JSONOutput)] = [
            ("ruleId", .string(rule.id)),
            ("ruleIndex", .integer(rule.index)),
            ("level", .string(level(gap.severity))),
            ("message", message(words.message)),
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
        case marker(String)
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
            var firstGap: [String: DescribedGap] = [:]
            for gap in result.gaps where firstGap[gap.marker] == nil { firstGap[gap.marker] = gap }
            let diagnosticIDs = Set(DiagnosticCode.allCases.map(\.rawValue))
            for markerID in firstGap.keys.sorted() {
                let gap = firstGap[markerID]!
                let marker = result.workspace.brand(id: gap.brand)?.charter.marker(id: markerID)
                let id = diagnosticIDs.contains(markerID) ? "marker/\(markerID)" : markerID
                add(.marker(markerID), id: id, descriptor: Self.descriptor(id: id, marker: marker, gap: gap))
            }
        }

        func rule(for key: RuleKey) -> (id: String, index: Int) {
            entries[key]!
        }

        private mutating func add(_ key: RuleKey, id: String, descriptor: JSONOutput) {
            entries[key] = (id, descriptors.count)
            descriptors.append(descriptor)
        }

        static func descriptor(for code: DiagnosticCode) -> JSONOutput {
            .object([
                ("id", .string(code.rawValue)),
                ("shortDescription", message(code.summary)),
                ("help", message(code.summary)),
                ("defaultConfiguration", .object([("level", .string(level(code.defaultSeverity)))])),
                ("properties", .object([("tags", .array(["input"]))])),
            ])
        }

        /// From the marker as the brand of its first gap defines it; from the
        /// gap alone if the workspace does not have it.
        static func descriptor(id: String, marker: Marker?, gap: DescribedGap) -> JSONOutput {
            let kind = marker?.kind ?? gap.kind
            let severity = marker?.severity ?? gap.severity
            let short = marker?.name ?? "Charter marker '\(gap.marker)' (\(kind.rawValue))."
            var help = [short]
            if let rationale = marker?.rationale { help.append(rationale) }
            if let override = marker?.override, let overridden = override.severity {
                help.append("Set to \(overridden.rawValue) by \(override.by): \(override.reason)")
            }
            if let origin = marker?.origin { help.append("Defined by the charter of '\(origin)'.") }
            var members: [(String, JSONOutput)] = [
                ("id", .string(id)),
                ("shortDescription", message(short)),
            ]
            if let marker, let rationale = marker.rationale {
                members.append(("fullDescription", message(rationale)))
            }
            members += [
                ("help", message(help.joined(separator: "\n\n"))),
                ("defaultConfiguration", .object([("level", .string(level(severity)))])),
                ("properties", .object([
                    ("tags", .array(["charter", .string(kind.rawValue)])),
                    ("markerKind", .string(kind.rawValue)),
                ])),
            ]
            return .object(members)
        }
    }
}
