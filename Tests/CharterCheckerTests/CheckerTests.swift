import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

@Suite("The checker as a whole")
struct CheckerTests {
    @Test("tallies come by brand, then segment; gaps by file, line and column, each naming its brand")
    func severalBrands() async throws {
        let formal = #"{ "id": "formal", "expect": { "address": "formal" } }"#
        let checked = try await check(files: [
            SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: [formal])),
            SourceFile(path: "Brands/a.brand.jsonc", text: Fixture.brand(id: "a", markers: [formal])),
            Fixture.journey("jb", segments: ["newcomers", "premium"], [
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" } }"#,
            ]),
            Fixture.journey("ja", brand: "a", segments: ["premium"], [
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "informal" } }"#,
            ]),
        ])
        #expect(checked.report.tallies.map { "\($0.brand)/\($0.segment)" } == ["a/1", "b/0", "b/1"])
        #expect(checked.report.tallies.map { $0.matrix[0] } == [
            channels(email: n(1, 0)), channels(chat: n(1, 0)), channels(chat: n(1, 0)),
        ])
        #expect(checked.described.map { "\($0.brand) \($0.segment ?? "-") \($0.location)" } == [
            "a premium Journeys/ja.journey.jsonc:3:89",
            "b newcomers Journeys/jb.journey.jsonc:3:86",
            "b premium Journeys/jb.journey.jsonc:3:86",
        ])
    }

    /// Every marker kind, two segments, a suppression and an unused one.
    static let markers = [
        #"{ "id": "formal", "severity": "error", "expect": { "address": "formal" } }"#,
        #"{ "id": "one-signature", "kind": "consistent", "attribute": "signature", "across": "journeys" }"#,
        #"{ "id": "kpis", "kind": "stage-kpis" }"#,
        #"{ "id": "warm-handoff", "kind": "handoff", "expect": { "contextCarried": true } }"#,
        #"{ "id": "rising-score", "kind": "progression", "attribute": "score" }"#,
        #"{ "id": "ritual", "kind": "coverage", "per": "stage", "expect": { "ritual": true } }"#,
        #"{ "id": "call-first", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting" }"#,
    ]

    static let files = [
        SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: markers)),
        Fixture.journey("j-a", segments: ["newcomers", "premium"], [
            #"{ "id": "t1", "stage": "discover", "channel": "email", "experience": { "address": "informal", "signature": "The B team", "score": 10, "activity": "meeting" }, "next": ["t2"] }"#,
            #"{ "id": "t2", "stage": "choose", "channel": "chat", "experience": { "address": "formal", "signature": "Cheers", "score": 5, "ritual": true }, "bySegment": { "premium": { "score": 20 } } }"#,
        ]),
        Fixture.journey(
            "j-b", segments: ["premium"],
            [
                #"{ "id": "t1", "stage": "discover", "channel": "store", "experience": { "address": "informal", "signature": "The B team", "activity": "call" }, "suppress": [{ "marker": "formal", "reason": "The boutique greets regulars by name" }] }"#,
                #"{ "id": "t2", "stage": "buy", "channel": "phone", "experience": { "contextCarried": true, "activity": "meeting" }, "suppress": [{ "marker": "rising-score", "reason": "Scores are not kept by phone" }] }"#,
            ],
            extra: [#""kpis": { "discover": [{ "name": "Visits", "kind": "quantitative" }, { "name": "Welcome", "kind": "qualitative" }] },"#]
        ),
    ]

    /// A report as text, every fact and word of it, to compare two runs.
    static func fingerprint(_ checked: Checked) -> [String] {
        let report = checked.report
        return report.gaps.map { "\($0)" }
            + checked.described.map { "\($0.location) \($0.message) | \($0.expected) | \($0.planned) | \($0.action) | \($0.related)" }
            + report.tallies.map { "\($0.brand)/\($0.segment): \($0.matrix) \($0.byJourney)" }
            + report.diagnostics.map { "\($0)" }
    }

    @Test("the same files in any order, checked any number of times, give the same report")
    func determinism() async throws {
        let checkedReference = try await check(files: Self.files, allowingDiagnostics: true)
        let reference = checkedReference.report
        // newcomers: formal j-a/t1, one-signature j-a/t2, kpis j-a discover and choose, warm-handoff t1 → t2,
        // rising-score j-a/t2, ritual j-a discover, call-first j-a/t1 (a meeting before any call).
        // premium adds: formal j-a/t1, j-b/t1 (suppressed), j-b/t2; one-signature j-a/t2; kpis j-b buy (those of
        // j-a carry no segment: the same gaps); warm-handoff t1 → t2; ritual j-a discover, j-b discover and buy;
        // call-first j-a/t1. The rising score is met for premium (10, then 20), so j-b's suppression is unused.
        #expect(reference.gaps.count == 18)
        #expect(reference.openGaps.count == 17)
        #expect(reference.diagnostics.map(\.code) == [.unusedSuppression])
        #expect(checkedReference.described == checkedReference.described.sorted(by: GapOrder.precedes))

        let orders = [
            Self.files,
            Array(Self.files.reversed()),
            [Self.files[1], Self.files[0], Self.files[2]],
            [Self.files[2], Self.files[0], Self.files[1]],
        ]
        for order in orders {
            for _ in 0..<5 {
                let checked = try await check(files: order, allowingDiagnostics: true)
                #expect(Self.fingerprint(checked) == Self.fingerprint(checkedReference))
            }
        }
    }
}
