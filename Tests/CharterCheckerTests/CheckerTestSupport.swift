import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

// Every test runs the checker on one brand, `b`, written inline below, with
// the markers the test needs, and on journeys laid out by `journey(…)` so
// that every line and column can be counted by hand.

enum Fixture {
    static let brandPath = "Brands/b.brand.jsonc"

    /// The brand file. Channels: store (physical), email, chat (digital),
    /// phone (voice). Segments: newcomers, premium. Stages: discover,
    /// choose, buy, support. Each marker is one line: the first on line 23,
    /// the next on line 24, and so on, each starting at column 5.
    static func brand(id: String = "b", markers: [String], extends parent: String? = nil, overrides: String? = nil) -> String {
        var lines = [
            #"{"#,
            #"  "brand": "\#(id)","#,
            #"  "channels": {"#,
            #"    "store": { "kind": "physical", "owner": "Retail" },"#,
            #"    "email": { "kind": "digital", "owner": "CRM" },"#,
            #"    "chat": { "kind": "digital", "owner": "Care" },"#,
            #"    "phone": { "kind": "voice", "owner": "Care" }"#,
            #"  },"#,
            #"  "segments": { "newcomers": {}, "premium": { "priority": true } },"#,
            #"  "stages": ["discover", "choose", "buy", "support"],"#,
            #"  "attributes": {"#,
            #"    "address": { "type": "enum", "values": ["formal", "informal"] },"#,
            #"    "tone": { "type": "enum", "values": ["warm", "expert", "neutral", "pushy"] },"#,
            #"    "personalisation": { "type": "scale", "values": ["none", "segment", "named", "advisor"] },"#,
            #"    "responseTime": { "type": "duration" },"#,
            #"    "score": { "type": "number" },"#,
            #"    "signature": { "type": "text" },"#,
            #"    "contextCarried": { "type": "boolean" },"#,
            #"    "ritual": { "type": "boolean" },"#,
            #"    "activity": { "type": "enum", "values": ["call", "meeting", "proposal"] }"#,
            #"  },"#,
            #"  "markers": ["#,
        ]
        lines += markers.map { "    \($0)," }
        lines.append(#"  ],"#)
        if let parent { lines.append(#"  "extends": "\#(parent)","#) }
        if let overrides { lines.append(#"  "overrides": \#(overrides),"#) }
        lines.append(#"  "name": "B""#)
        lines.append(#"}"#)
        return lines.joined(separator: "\n")
    }

    /// A journey file, `Journeys/<id>.journey.jsonc`, of brand `b` unless told:
    ///
    /// ```
    /// line 1      { "journey": "<id>", "brand": "<brand>", "segments": [<segments>],
    /// line 2        "touchpoints": [
    /// line 2+i        <touchpoint i>,          (i from 1, starting at column 5: what is at
    ///                                           position p of the string, counted from 1, is at column 4 + p)
    /// line 3+n      ],
    /// line 4+n…     <each line of extra>       (kpis, suppress: indented by two spaces, commas as written)
    /// then            "name": "<id>"
    /// last          }
    /// ```
    static func journey(
        _ id: String,
        brand: String = "b",
        segments: [String] = ["newcomers"],
        _ touchpoints: [String],
        extra: [String] = []
    ) -> SourceFile {
        let names = segments.map { "\"\($0)\"" }.joined(separator: ", ")
        var lines = [
            #"{ "journey": "\#(id)", "brand": "\#(brand)", "segments": [\#(names)],"#,
            #"  "touchpoints": ["#,
        ]
        lines += touchpoints.map { "    \($0)," }
        lines.append(#"  ],"#)
        lines += extra.map { "  \($0)" }
        lines.append(#"  "name": "\#(id)""#)
        lines.append(#"}"#)
        return SourceFile(path: path(id), text: lines.joined(separator: "\n"))
    }

    static func path(_ journey: String) -> String { "Journeys/\(journey).journey.jsonc" }
}

/// What one run of the checker gives, with lookups by id.
struct Checked {
    let workspace: Workspace
    let report: CheckReport

    /// Brand `b`, the one every test has.
    var brand: Brand { workspace.brand(id: "b") ?? workspace.brands[0] }

    func markerIndex(_ id: String) -> Int {
        guard let index = brand.charter.markers.firstIndex(where: { $0.id == id }) else {
            Issue.record("no marker '\(id)'")
            return 0
        }
        return index
    }

    func tally(_ segment: String) -> SegmentTally? {
        guard let position = brand.segments.index(of: segment) else { return nil }
        return report.tallies.first { $0.brand == brand.id && $0.segment == position }
    }

    /// `matrix[marker]` for one segment: store, email, chat, phone, then the
    /// column of checks about no single channel.
    func row(_ marker: String, _ segment: String) -> [CheckCount] {
        tally(segment)?.matrix[markerIndex(marker)] ?? []
    }

    /// `byJourney[journey][marker]` for one segment.
    func byJourney(_ journey: String, _ marker: String, _ segment: String) -> CheckCount? {
        guard let position = workspace.journeys(of: brand.id).firstIndex(where: { $0.id == journey }) else { return nil }
        return tally(segment)?.byJourney[position][markerIndex(marker)]
    }

    /// `acceptedByJourney[journey][marker]` for one segment.
    func accepted(_ journey: String, _ marker: String, _ segment: String) -> Int? {
        guard let position = workspace.journeys(of: brand.id).firstIndex(where: { $0.id == journey }) else { return nil }
        return tally(segment)?.acceptedByJourney[position][markerIndex(marker)]
    }

    /// Names and words the gaps.
    var wording: GapWording { GapWording(workspace) }
    /// Every gap, described as reports show it.
    var described: [DescribedGap] { report.gaps.map(wording.describe) }
    var gaps: [GapFacts] { described.map(GapFacts.init) }
    var openGaps: [GapFacts] { described.filter(\.isOpen).map(GapFacts.init) }
}

/// A count of checks: `n(2, 1)` is two applicable, one met.
func n(_ applicable: Int, _ met: Int) -> CheckCount { CheckCount(applicable: applicable, met: met) }

/// No check.
let o = CheckCount()

/// A row of the marker × channel matrix: store, email, chat, phone, none.
func channels(store: CheckCount = o, email: CheckCount = o, chat: CheckCount = o, phone: CheckCount = o, none: CheckCount = o) -> [CheckCount] {
    [store, email, chat, phone, none]
}

/// The facts of a gap a test states, `at` being `file:line:column`.
struct GapFacts: Equatable, CustomStringConvertible {
    var marker: String
    var segment: String?
    var journey: String
    var touchpoint: String?
    var channel: String?
    var stage: String?
    var attribute: String?
    var expected: String
    var planned: String
    var at: String

    init(
        _ marker: String, segment: String?, journey: String, touchpoint: String?, channel: String?, stage: String?,
        attribute: String?, expected: String, planned: String, at: String
    ) {
        self.marker = marker
        self.segment = segment
        self.journey = journey
        self.touchpoint = touchpoint
        self.channel = channel
        self.stage = stage
        self.attribute = attribute
        self.expected = expected
        self.planned = planned
        self.at = at
    }

    init(_ gap: DescribedGap) {
        self.init(
            gap.marker, segment: gap.segment, journey: gap.journey, touchpoint: gap.touchpoint, channel: gap.channel,
            stage: gap.stage, attribute: gap.attribute, expected: gap.expected, planned: gap.planned,
            at: gap.location.description
        )
    }

    var description: String {
        "\(marker) [\(segment ?? "-")] \(journey)/\(touchpoint ?? "-") \(channel ?? "-")/\(stage ?? "-") "
            + "\(attribute ?? "-"): expected \(expected), planned \(planned) @ \(at)"
    }
}

/// Loads the brand with `markers` and the given journeys (and charters),
/// requires that the files load without a single diagnostic, and checks them.
/// Unless `allowingDiagnostics`, the checker must not report any either.
func check(
    markers: [String],
    journeys: [SourceFile],
    charters: [SourceFile] = [],
    extends parent: String? = nil,
    overrides: String? = nil,
    allowingDiagnostics: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) async throws -> Checked {
    let brand = SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: markers, extends: parent, overrides: overrides))
    return try await check(files: [brand] + charters + journeys, allowingDiagnostics: allowingDiagnostics, sourceLocation: sourceLocation)
}

/// Loads and checks the files exactly as given, in that order.
func check(
    files: [SourceFile],
    allowingDiagnostics: Bool = false,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) async throws -> Checked {
    let load = await WorkspaceLoader.load(files)
    try #require(
        load.diagnostics.isEmpty,
        "the fixture does not load cleanly: \(load.diagnostics.map { "\($0.location) \($0.code.rawValue): \($0.message)" })",
        sourceLocation: sourceLocation
    )
    let report = await Checker.check(load.workspace)
    if !allowingDiagnostics {
        #expect(
            report.diagnostics.isEmpty,
            "unexpected checker diagnostics: \(report.diagnostics.map { "\($0.location) \($0.code.rawValue): \($0.message)" })",
            sourceLocation: sourceLocation
        )
    }
    return Checked(workspace: load.workspace, report: report)
}

/// `Journeys/<journey>.journey.jsonc:<line>:<column>`.
func at(_ journey: String, _ line: Int, _ column: Int) -> String {
    "\(Fixture.path(journey)):\(line):\(column)"
}
