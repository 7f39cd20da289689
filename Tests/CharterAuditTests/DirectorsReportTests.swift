import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel
import Testing

@Suite("Status, headlines and comparison")
struct DirectorsReportTests {
    @Test("Status comes from the severity of open gaps first, the score second")
    func statusRule() {
        #expect(AuditStatus(worstOpen: .error, score: 99.9) == .broken)
        #expect(AuditStatus(worstOpen: .error, score: nil) == .broken)
        #expect(AuditStatus(worstOpen: .warning, score: 99.9) == .atRisk)
        #expect(AuditStatus(worstOpen: .info, score: 95) == .watch)
        #expect(AuditStatus(worstOpen: .info, score: 89.9) == .atRisk)
        #expect(AuditStatus(worstOpen: nil, score: 100) == .kept)
        #expect(AuditStatus(worstOpen: nil, score: 50) == .atRisk)
        #expect(AuditStatus.allCases.sorted() == [.broken, .atRisk, .watch, .kept])
    }

    @Test("Segments with an open error-level gap are broken, whatever their score")
    func segmentStatus() async {
        let (_, _, audit) = await AuditFixture.audit()
        // a: formal fails at t2 (error); b likewise.
        #expect(audit.segments.map(\.status) == [.broken, .broken])
        #expect(audit.segments[0].openCounts == SeverityCounts(errors: 1, warnings: 1, infos: 1))
        #expect(audit.segments[1].openCounts == SeverityCounts(errors: 1, warnings: 2, infos: 1))
    }

    @Test("A headline merges the same gap across segments into one action naming them")
    func headline() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let headline = try #require(audit.brands.first)
        #expect(audit.brands.count == 1)
        #expect(headline.status == .broken)
        // Distinct gaps: formal at t2 (a, b), warm at t3 (a, b), warm at t2 (b only), kpis at s2 (a, b).
        #expect(headline.openCounts == SeverityCounts(errors: 1, warnings: 2, infos: 1))
        #expect(headline.actions.map(\.item.marker) == ["formal", "warm", "warm", "kpis"])
        #expect(headline.actions.map(\.segments) == [["a", "b"], ["a", "b"], ["b"], ["a", "b"]])
        #expect(headline.actions.map(\.item.touchpoint) == ["t2", "t3", "t2", nil])
        #expect(headline.actions.map(\.owner) == ["Retail", "Retail", "Retail", nil])
        #expect(headline.breaches.map(\.item.touchpoint) == ["t2", "t3", "t2"])
        #expect(headline.segments.map(\.segment) == ["a", "b"])
    }

    @Test("A journey-level group is ranked by its severity like any channel's, not put last")
    func journeyGroupsRankBySeverity() async throws {
        let brand = AuditFixture.brand
            .replacingOccurrences(of: #""id": "formal", "name": "Formal address", "severity": "error""#, with: #""id": "formal", "name": "Formal address", "severity": "info""#)
            .replacingOccurrences(of: #""id": "warm", "severity": "warning""#, with: #""id": "warm", "severity": "info""#)
            .replacingOccurrences(of: #""id": "kpis", "kind": "stage-kpis", "severity": "info""#, with: #""id": "kpis", "kind": "stage-kpis", "severity": "warning""#)
        let load = await WorkspaceLoader.load([
            SourceFile(path: "shop.brand.jsonc", text: brand), SourceFile(path: "j.journey.jsonc", text: AuditFixture.journey),
        ])
        #expect(load.diagnostics.isEmpty)
        let audit = Auditor.audit(load.workspace, report: await Checker.check(load.workspace))
        // a: the store's two info gaps weigh 1 + 1; the missing KPIs of s2, a warning, weigh 2 and come first.
        #expect(audit.segments[0].actions.map(\.channel) == [nil, "store"])
        #expect(audit.segments[0].actions.map(\.worst) == [.warning, .info])
    }

    @Test("Each journey of a segment is mapped: stages, lanes, handoffs and the worst gap of each touchpoint")
    func journeyMap() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let passage = try #require(audit.segments[0].journeys.first)
        #expect(passage.stages == ["s1", "s2"])
        #expect(passage.channels == ["web", "store"])
        #expect(passage.steps.map(\.touchpoint) == ["t1", "t2", "t3"])
        #expect(passage.steps.map(\.worstOpen) == [nil, .error, .warning])
        #expect(passage.steps.map(\.openGaps) == [0, 1, 1])
        #expect(passage.kpis.map(\.stage) == ["s1"])
        #expect(passage.kpis.first?.kpis.map(\.name) == ["Visits", "Fit"])
        #expect(passage.kpis.first?.kpis.map(\.kind) == [.quantitative, .qualitative])
    }

    @Test("The charter version is a digest of the files' bytes: any change shows")
    func digest() {
        let one = AuditContext.digest(of: [Array("{}".utf8)])
        #expect(one.count == 16 && one.allSatisfy(\.isHexDigit))
        #expect(one == AuditContext.digest(of: [Array("{}".utf8)]))
        #expect(one != AuditContext.digest(of: [Array("{ }".utf8)]))
        // Lengths enter the digest: moving a byte from one file to the next changes it.
        #expect(AuditContext.digest(of: [[1, 2], [3]]) != AuditContext.digest(of: [[1], [2, 3]]))
    }

    @Test("--compare: score and status deltas, gaps new and fixed by fingerprint, segments new and gone")
    func comparison() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let a = audit.segments[0]
        let kept = try #require(a.gaps.first { $0.marker == "formal" })
        let json = """
        { "auditFormat": 2, "context": { "date": "2026-06-30" },
          "segments": [
            { "brand": "shop", "segment": "a", "score": 50, "status": "at-risk",
              "byChannel": [ { "channel": "store", "score": 60, "status": "at-risk" }, { "channel": "web", "score": 100, "status": "kept" } ],
              "byMarker": [ { "marker": "formal", "score": 66.7, "status": "broken" } ],
              "gaps": [ { "brand": "shop", "journey": "j", "marker": "formal", "fingerprint": "\(kept.fingerprint)" },
                        { "brand": "shop", "journey": "j", "marker": "gone", "severity": "error", "message": "was broken", "fingerprint": "v2/gone" } ] },
            { "brand": "shop", "segment": "old", "score": 80, "gaps": [] } ] }
        """
        let (snapshot, problems) = AuditSnapshot.read(Array(json.utf8), path: "before.json")
        #expect(problems.isEmpty)
        let comparison = AuditComparison.compare(audit, with: try #require(snapshot), file: "before.json")
        #expect(comparison.previousDate == "2026-06-30" && comparison.exactMatching)
        #expect(comparison.segments.map(\.label) == ["shop/a", "shop/b", "shop/old"])
        let first = comparison.segments[0]
        // a scores 9 of 15 weighted checks now (formal 6/9, warm 2/4, kpis 1/2): 60%, up 10 points; at risk → broken.
        #expect(a.score.percent == 60)
        #expect(first.scoreDelta == 10)
        #expect(first.before?.status == .atRisk && first.after?.status == .broken)
        // Of a's three open gaps, formal at t2 was there before; warm at t3 and kpis are new.
        #expect(first.newGaps.map(\.marker) == ["warm", "kpis"])
        #expect(first.fixedGaps.map(\.message) == ["was broken"])
        // The store moved (60 → 50) and is now broken; the web did not; warm and kpis are new markers.
        #expect(first.channels.map(\.key) == ["store"])
        #expect(first.channels.first?.scoreDelta == -10)
        #expect(first.markers.map(\.key) == ["warm", "kpis"])
        // b was not in the previous audit; old is gone.
        #expect(comparison.segments[1].before == nil && comparison.segments[1].newGaps.count == 4)
        #expect(comparison.segments[2].after == nil)
    }

    @Test("An audit without fingerprints (format 1) is matched on the gaps' fields")
    func looseComparison() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let json = """
        { "segments": [ { "brand": "shop", "segment": "a", "score": 60,
            "gaps": [ { "brand": "shop", "journey": "j", "touchpoint": "t2", "segment": "a", "marker": "formal",
                        "attribute": "address", "stage": "s1", "channel": "store" } ] } ] }
        """
        let snapshot = try #require(AuditSnapshot.read(Array(json.utf8), path: "v1.json").snapshot)
        let comparison = AuditComparison.compare(audit, with: snapshot, file: "v1.json")
        #expect(!comparison.exactMatching)
        #expect(comparison.segments[0].newGaps.map(\.marker) == ["warm", "kpis"])
        #expect(comparison.segments[0].fixedGaps.isEmpty)
    }

    @Test("A previous audit that is not one gives located diagnostics and no snapshot")
    func unreadableSnapshots() {
        func problems(_ text: String) -> [String] {
            let (snapshot, diagnostics) = AuditSnapshot.read(Array(text.utf8), path: "p.json")
            #expect(snapshot == nil)
            return diagnostics.map { "\($0.location): \($0.code.rawValue): \($0.message)" }
        }
        #expect(problems("{\n  \"segments\": [ 1, ]x") == [
            "p.json:2:21: syntax: expected ',' or '}' after an object member, found 'x'; --compare expects the output of `throughline audit --format json`",
        ])
        #expect(problems("[]") == ["p.json:1:1: wrong-type: expected an audit (an object with 'segments'), found an array"])
        #expect(problems("{ \"gaps\": [] }") == ["p.json:1:1: missing-field: 'segments' is missing: --compare expects the output of `throughline audit --format json`"])
        #expect(problems("{ \"segments\": [ { \"segment\": \"a\" }, { \"brand\": 3, \"segment\": \"b\" } ] }") == [
            "p.json:1:17: missing-field: 'brand' is missing",
            "p.json:1:48: wrong-type: 'brand' should be a string, found a number",
        ])
        // A million bad entries give a bounded list.
        let many = "{ \"segments\": [" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "] }"
        #expect(problems(many).count == 20)
    }
}
