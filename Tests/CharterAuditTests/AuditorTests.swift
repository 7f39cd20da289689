import CharterAudit
import CharterChecker
import JourneyModel
import Testing

/// Scores, matrix, gaps and action plan of the fixture, computed by hand in
/// each test's comments.
@Suite("Auditor")
struct AuditorTests {
    @Test("Priority segments come first; each lists the journeys and touchpoints it goes through")
    func segments() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        #expect(audit.segments.map(\.segment) == ["a", "b"])
        #expect(audit.segments.map(\.priority) == [true, false])
        let first = try #require(audit.segments.first)
        #expect(first.brandName == "Shop")
        #expect(first.segmentName == "Alpha")
        #expect(first.journeys.map(\.journey) == ["j"])
        #expect(first.journeys.map(\.file) == ["j.journey.jsonc"])
        #expect(first.journeys.map(\.touchpoints) == [["t1", "t2", "t3"]])
    }

    @Test("The overall score weighs each check by its marker's severity")
    func overall() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        // a: formal 2/3 (×3), warm 1/2 (×2), kpis 1/2 (×1) → (6 + 2 + 1) / (9 + 4 + 2) = 9/15 = 60%.
        let a = audit.segments[0].score
        #expect(a == Score(met: 4, applicable: 7, weightedMet: 9, weightedApplicable: 15))
        #expect(a.percent == 60)
        #expect(a.formatted == "60%")
        // b: formal 2/3 (×3), warm 0/2 (×2), kpis 1/2 (×1) → 7/15 = 46.7%.
        let b = audit.segments[1].score
        #expect(b == Score(met: 3, applicable: 7, weightedMet: 7, weightedApplicable: 15))
        #expect(b.percent == 46.7)
    }

    @Test("The report counts every check of every segment")
    func checkCount() async {
        let (_, report, _) = await AuditFixture.audit()
        // a: 7 checks, 4 met; b: 7 checks, 3 met.
        #expect(report.checkCount == CheckCount(applicable: 14, met: 7))
    }

    @Test("Other weights give other scores, from the same counts")
    func customWeights() async throws {
        let (_, _, audit) = await AuditFixture.audit(weights: SeverityWeights(error: 1, warning: 1, info: 1))
        // Unweighted: a meets 4 of 7 checks.
        #expect(audit.segments[0].score.percent == 57.1)
        #expect(audit.weights == SeverityWeights(error: 1, warning: 1, info: 1))
    }

    @Test("Scores per channel, per marker and per journey")
    func breakdowns() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let a = audit.segments[0]
        // web: formal 1/1 (×3) → 100%; store: formal 1/2 (×3) + warm 1/2 (×2) → 5/10 = 50%.
        // Worst first: the store has the open error-level gap (t2's address), the web none.
        #expect(a.byChannel.map(\.channel) == ["store", "web"])
        #expect(a.byChannel.map(\.owner) == ["Retail", "Web team"])
        #expect(a.byChannel.map { $0.score.percent } == [50, 100])
        #expect(a.byChannel.map(\.status) == [.broken, .kept])
        #expect(a.byMarker.map(\.marker) == ["formal", "warm", "kpis"])
        #expect(a.byMarker.map { $0.score.percent } == [66.7, 50, 50])
        #expect(a.byMarker.map(\.title) == ["Formal address", "warm", "kpis"])
        // formal has an open error gap; warm a warning; kpis an info gap but 50%, below 90%.
        #expect(a.byMarker.map(\.status) == [.broken, .atRisk, .atRisk])
        #expect(a.byJourney.map(\.journey) == ["j"])
        #expect(a.byJourney.first?.score == a.score)
    }

    @Test("The marker × channel matrix is unweighted, with a column for checks about no channel")
    func matrix() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let matrix = audit.segments[0].matrix
        // Columns and rows worst first, as the tables by channel and by marker.
        #expect(matrix.columns == ["store", "web", ScoreMatrix.noChannel])
        #expect(matrix.rows == ["formal", "warm", "kpis"])
        let percents = matrix.cells.map { $0.map(\.percent) }
        #expect(percents == [[50, 100, nil], [50, nil, nil], [nil, nil, 50]])
        #expect(matrix.status(row: 0, column: 0) == .broken)
        #expect(matrix.status(row: 0, column: 1) == .kept)
        #expect(matrix.status(row: 1, column: 0) == .atRisk)
        #expect(matrix.status(row: 1, column: 1) == nil)
        // kpis is info-level, but its cell scores 50%, below 90%: at risk, as the marker is.
        #expect(matrix.status(row: 2, column: 2) == .atRisk)
        #expect(matrix.status(row: 2, column: 2) == audit.segments[0].byMarker[2].status)
    }

    @Test("Gaps come worst first, with the journey's KPI gap in every segment")
    func gaps() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let a = audit.segments[0].gaps
        #expect(a.map(\.marker) == ["formal", "warm", "kpis"])
        #expect(a.map(\.touchpoint) == ["t2", "t3", nil])
        #expect(a.map(\.segment) == ["a", "a", nil])
        let b = audit.segments[1].gaps
        #expect(b.map(\.marker) == ["formal", "warm", "warm", "kpis"])
        #expect(b.map(\.touchpoint) == ["t2", "t2", "t3", nil])
    }

    @Test("The action plan groups by channel, heaviest first, with what to change where")
    func actions() async throws {
        let (_, _, audit) = await AuditFixture.audit()
        let plan = audit.segments[0].actions
        #expect(plan.map(\.channel) == ["store", nil])
        #expect(plan.map(\.owner) == ["Retail", nil])
        #expect(plan.map(\.channelName) == ["Store", "Journeys as a whole"])
        let store = try #require(plan.first)
        #expect(store.score?.percent == 50)
        #expect(store.items.map(\.action) == [
            "Set address to formal at t2.",
            "Set tone to warm at t3.",
        ])
        #expect(store.items.map(\.severity) == [.error, .warning])
        #expect(store.items.first?.location == SourceLocation(file: "j.journey.jsonc", line: 3, column: 81))
        #expect(plan.last?.items.map(\.action) == ["Declare 1 quantitative and 1 qualitative KPI for stage 's2' in the 'kpis' of journey 'j'."])
    }

    @Test("--segment keeps the segments asked for, by id or brand/id")
    func selection() async {
        #expect(await AuditFixture.audit(segments: ["b"]).2.segments.map(\.segment) == ["b"])
        #expect(await AuditFixture.audit(segments: ["shop/a"]).2.segments.map(\.segment) == ["a"])
        #expect(await AuditFixture.audit(segments: ["zzz"]).2.segments.isEmpty)
    }
}

@Suite("Score")
struct ScoreTests {
    @Test("Rounds to one decimal, half away from zero; nothing applicable is n/a")
    func rounding() {
        #expect(Score(met: 1, applicable: 3, weightedMet: 1, weightedApplicable: 3).percent == 33.3)
        #expect(Score(met: 2, applicable: 3, weightedMet: 2, weightedApplicable: 3).percent == 66.7)
        #expect(Score(met: 1, applicable: 8, weightedMet: 1, weightedApplicable: 8).percent == 12.5)
        #expect(Score(met: 1, applicable: 16, weightedMet: 1, weightedApplicable: 16).percent == 6.3)
        #expect(Score().percent == nil)
        #expect(Score().formatted == "n/a")
        #expect(Score(met: 3, applicable: 4, weightedMet: 3, weightedApplicable: 4).formatted == "75%")
        #expect(Score(met: 1, applicable: 3, weightedMet: 1, weightedApplicable: 3).formatted == "33.3%")
    }

    @Test("Weights by severity")
    func weights() {
        let weights = SeverityWeights.standard
        #expect([weights[.error], weights[.warning], weights[.info]] == [3, 2, 1])
    }
}
