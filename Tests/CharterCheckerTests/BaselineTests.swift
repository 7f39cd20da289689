import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

/// Each baseline entry accepts one gap it recorded, named by every field
/// that tells gaps apart; entries that accept nothing are reported.
@Suite("Baselines")
struct BaselineTests {
    /// A baseline recording the open gaps of `checked`, as `--write-baseline` does.
    static func baseline(of checked: Checked) -> Baseline {
        Baseline(
            entries: checked.report.openGaps.enumerated().map { index, gap in
                Baseline.Entry(fingerprint: checked.wording.fingerprint(of: gap), position: SourcePosition(line: index + 3, column: 5))
            },
            file: "baseline.json"
        )
    }

    /// The gaps of `checked` the baseline leaves open, as `marker touchpoint channel`, and its diagnostics.
    static func apply(_ baseline: Baseline, to checked: Checked) -> (open: [String], diagnostics: [Diagnostic]) {
        var gaps = checked.report.gaps
        let diagnostics = baseline.apply(to: &gaps, wording: checked.wording)
        let open = gaps.filter(\.isOpen).map(checked.wording.describe).map { "\($0.marker) \($0.touchpoint ?? "-") \($0.channel ?? "-")" }
        return (open, diagnostics)
    }

    static let perChannel = #"{ "id": "ritual", "kind": "coverage", "per": "channel", "expect": { "ritual": { "present": true } } }"#

    @Test("a coverage gap on one channel does not accept the same gap on another channel")
    func channelTellsCoverageGapsApart() async throws {
        let before = try await check(markers: [Self.perChannel], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email" }"#,
        ])])
        let after = try await check(markers: [Self.perChannel], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email" }"#,
            #"{ "id": "talk", "stage": "discover", "channel": "chat" }"#,
        ])])
        let result = Self.apply(Self.baseline(of: before), to: after)
        #expect(result.open == ["ritual - chat"])
        #expect(result.diagnostics.isEmpty)
    }

    static let handoff = #"{ "id": "warm-handoff", "kind": "handoff", "expect": { "contextCarried": true } }"#

    @Test("a handoff gap from one touchpoint does not accept the same gap from another")
    func senderTellsHandoffGapsApart() async throws {
        let before = try await check(markers: [Self.handoff], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email", "next": ["visit"] }"#,
            #"{ "id": "visit", "stage": "choose", "channel": "store" }"#,
            #"{ "id": "call", "stage": "discover", "channel": "phone" }"#,
        ])])
        let after = try await check(markers: [Self.handoff], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email", "next": ["visit"] }"#,
            #"{ "id": "visit", "stage": "choose", "channel": "store" }"#,
            #"{ "id": "call", "stage": "discover", "channel": "phone", "next": ["visit"] }"#,
        ])])
        #expect(after.report.openGaps.count == 2)
        let result = Self.apply(Self.baseline(of: before), to: after)
        #expect(result.open == ["warm-handoff visit store"])
        #expect(after.report.openGaps.map { after.wording.fingerprint(of: $0) }.sorted() == [
            "v2/b/j/visit/newcomers/warm-handoff/contextCarried/choose/store/equals from call",
            "v2/b/j/visit/newcomers/warm-handoff/contextCarried/choose/store/equals from mail",
        ])
    }

    @Test("fields are escaped before they are joined: 'a/b' then 'c' is not 'a' then 'b/c'")
    func fieldsDoNotCollide() async throws {
        let formal = #"{ "id": "formal", "expect": { "address": "formal" } }"#
        func journey(_ id: String, _ touchpoint: String) -> SourceFile {
            Fixture.journey(id, [#"{ "id": "\#(touchpoint)", "stage": "discover", "channel": "email", "experience": { "address": "informal" } }"#])
        }
        let first = try await check(markers: [formal], journeys: [journey("a/b", "c")])
        let second = try await check(markers: [formal], journeys: [journey("a", "b/c")])
        let one = first.wording.fingerprint(of: first.report.gaps[0]), other = second.wording.fingerprint(of: second.report.gaps[0])
        #expect(one == "v2/b/a%2Fb/c/newcomers/formal/address/discover/email/equals")
        #expect(other == "v2/b/a/b%2Fc/newcomers/formal/address/discover/email/equals")
        #expect(Self.apply(Self.baseline(of: first), to: second).open == ["formal b/c email"])
        // The first format joined the fields as they were, and could not tell them apart.
        #expect(first.wording.legacyFingerprint(of: first.report.gaps[0]) == second.wording.legacyFingerprint(of: second.report.gaps[0]))
    }

    @Test("each entry accepts one gap, and entries that accept none are reported where they are written")
    func entriesAreCounted() async throws {
        let formal = #"{ "id": "formal", "expect": { "address": "formal" } }"#
        let checked = try await check(markers: [formal], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "informal" } }"#,
        ])])
        let fingerprint = checked.wording.fingerprint(of: checked.report.gaps[0])
        let baseline = Baseline(
            entries: [
                Baseline.Entry(fingerprint: fingerprint, position: SourcePosition(line: 3, column: 5)),
                Baseline.Entry(fingerprint: fingerprint, position: SourcePosition(line: 4, column: 5)),
                Baseline.Entry(fingerprint: "v2/b/gone/x/newcomers/formal/address/discover/email/equals", position: SourcePosition(line: 5, column: 5)),
            ],
            file: "baseline.json"
        )
        let result = Self.apply(baseline, to: checked)
        #expect(result.open.isEmpty)
        // The second copy of the fingerprint and the entry of a fixed gap accepted nothing.
        #expect(result.diagnostics.map(\.code) == [.staleBaselineEntry, .staleBaselineEntry])
        #expect(result.diagnostics.map(\.location.description) == ["baseline.json:4:5", "baseline.json:5:5"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("a version 1 baseline still accepts its gaps, and is reported as one to rewrite")
    func versionOneBaseline() async throws {
        let formal = #"{ "id": "formal", "expect": { "address": "formal" } }"#
        let checked = try await check(markers: [formal], journeys: [Fixture.journey("j", [
            #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "informal" } }"#,
        ])])
        let legacy = checked.wording.legacyFingerprint(of: checked.report.gaps[0])
        #expect(legacy == "b/j/mail/newcomers/formal/address/discover")
        let baseline = Baseline(entries: [Baseline.Entry(fingerprint: legacy, position: SourcePosition(line: 3, column: 5))], file: "old.json", version: 1)
        let result = Self.apply(baseline, to: checked)
        #expect(result.open.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.outdatedBaseline])
        #expect(result.diagnostics.first?.message.contains("rewrite it with `throughline check --write-baseline old.json`") == true)
    }
}
