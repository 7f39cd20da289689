import JourneyModel
import Testing

@testable import LivedCases

/// Each class of departure, from rows written by hand, against the plan
/// browse → mail → store → call (`Shop.visit`).
@Suite("Matching lived cases to their plan")
struct CaseMatchingTests {
    /// A row of case `C1` for segment Silver (regulars) at minute `minutes` after 2026-03-02T09:00Z.
    static func row(_ activity: String, minutes: Int, case id: String = "C1", channel: String = "", tier: String = "Silver") -> String {
        let time = 1_772_442_000 + minutes * 60  // 2026-03-02T09:00:00Z
        let instant = EventInstantText.iso(seconds: time)
        return "\(id),\(instant),\(activity),\(channel),\(tier),,,,,"
    }

    static let day = 24 * 60

    @Test("A case lived as planned: every touchpoint completed, in sequence, nothing ad hoc")
    func asPlanned() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        let (matched, _) = try Shop.matched([
            Self.row("Browsed", minutes: 0), Self.row("Mail sent", minutes: 30),
            Self.row("Store visit", minutes: 30 + Self.day), Self.row("Call", minutes: 30 + 2 * Self.day),
        ], compiled: compiled)
        #expect(compiled.journeys[matched.journey].id == "visit")
        #expect(matched.statuses(in: journey) == ["browse": .completed, "mail": .completed, "store": .completed, "call": .completed])
        #expect(matched.adHoc.isEmpty)
        #expect(matched.steps.allSatisfy { $0.inSequence && !$0.late && !$0.otherChannel })
        #expect(!matched.hasDeparture)
    }

    @Test("A touchpoint skipped on the way to one lived is missing; those after the last lived are not reached")
    func missingAndNotReached() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        let (matched, _) = try Shop.matched([Self.row("Browsed", minutes: 0), Self.row("Store visit", minutes: 60)], compiled: compiled)
        #expect(matched.statuses(in: journey) == ["browse": .completed, "mail": .missing, "store": .completed, "call": .notReached])
    }

    @Test("Lived out of the planned order: the longest run in order is kept, the rest is out of sequence")
    func outOfSequence() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        // Lived: browse, store, mail, call. Ranks (stage, depth): browse (0,0), store (1,0), mail (0,1), call (2,0).
        // Two runs of three keep their order; patience sorting keeps browse, mail, call: the store came early.
        let (matched, _) = try Shop.matched([
            Self.row("Browsed", minutes: 0), Self.row("Store visit", minutes: 10), Self.row("Mail sent", minutes: 20), Self.row("Call", minutes: 30),
        ], compiled: compiled)
        #expect(matched.statuses(in: journey) == ["browse": .completed, "mail": .completed, "store": .outOfSequence, "call": .completed])
    }

    @Test("Unmapped activities and touchpoints of another journey are ad hoc; activities mapped to null are left out")
    func adHocAndIgnored() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        let (matched, observed) = try Shop.matched([
            Self.row("Browsed", minutes: 0), Self.row("Complaint", minutes: 5), Self.row("Status", minutes: 6),
            Self.row("Mail sent", minutes: 10), Self.row("Ticket", minutes: 20),
        ], compiled: compiled)
        #expect(compiled.journeys[matched.journey].id == "visit")
        #expect(matched.adHoc.count == 2)
        #expect(matched.adHoc.map { observed.events[$0].row } == [3, 6])
        #expect(observed.name(of: observed.events[matched.adHoc[0]]) == Array("Complaint".utf8))
        #expect(matched.steps.map { journey.touchpoints[$0.touchpoint].id } == ["browse", "mail"])
    }

    @Test("A touchpoint lived on another channel than planned, and one lived later than its `after`")
    func otherChannelAndLate() async throws {
        let (compiled, _) = try await Shop.load()
        // mail is planned PT1H after browse, on email: lived 3 hours later, on the web.
        // store is planned P2D after mail: lived 1 day later, on time.
        let (matched, _) = try Shop.matched([
            Self.row("Browsed", minutes: 0), Self.row("Mail sent", minutes: 180, channel: "web"), Self.row("Store visit", minutes: 180 + Self.day),
        ], compiled: compiled)
        #expect(matched.steps.map(\.otherChannel) == [false, true, false])
        #expect(matched.steps.map(\.late) == [false, true, false])
        #expect(matched.hasDeparture)
    }

    @Test("A touchpoint lived again is a repeat, not out of sequence")
    func repeats() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        let (matched, _) = try Shop.matched([
            Self.row("Browsed", minutes: 0), Self.row("Mail sent", minutes: 10), Self.row("Browsed", minutes: 20), Self.row("Store visit", minutes: 30),
        ], compiled: compiled)
        #expect(matched.steps.map(\.isFirst) == [true, true, false, true])
        #expect(matched.statuses(in: journey) == ["browse": .completed, "mail": .completed, "store": .completed, "call": .notReached])
    }

    @Test("The journey lived most is chosen, ties to the smaller id")
    func journeyChoice() async throws {
        let (compiled, _) = try await Shop.load()
        let (mostly, _) = try Shop.matched([Self.row("Ticket", minutes: 0), Self.row("Call", minutes: 10)], compiled: compiled)
        #expect(compiled.journeys[mostly.journey].id == "repair")
        // `call` is in both journeys: one event each; "repair" < "visit".
        let (tied, _) = try Shop.matched([Self.row("Call", minutes: 0)], compiled: compiled)
        #expect(compiled.journeys[tied.journey].id == "repair")
        let (visit, _) = try Shop.matched([Self.row("Browsed", minutes: 0), Self.row("Call", minutes: 10)], compiled: compiled)
        #expect(compiled.journeys[visit.journey].id == "visit")
    }

    @Test("Cases without a segment, or living no touchpoint of their segment's journeys, are not matched")
    func unmatched() async throws {
        let (compiled, _) = try await Shop.load()
        let (cases, _) = try Shop.cases([
            Self.row("Browsed", minutes: 0, case: "A", tier: ""), Self.row("Complaint", minutes: 0, case: "B"),
        ], compiled: compiled)
        let matcher = CaseMatcher(compiled)
        let reasons = cases.map { observed -> UnmatchedReason? in
            if case .unmatched(let reason) = matcher.match(observed) { return reason }
            return nil
        }
        #expect(reasons == [.noSegment, .noJourney])
    }

    @Test("A case matched into one kept from a longer case keeps nothing of it")
    func matchedIntoAKeptCase() async throws {
        let (compiled, result) = try await Shop.load()
        let journey = try #require(result.workspace.journeys.first { $0.id == "visit" })
        let (cases, _) = try Shop.cases([
            // A: out of order, late, on another channel, with an ad hoc event.
            Self.row("Store visit", minutes: 0, case: "A"), Self.row("Browsed", minutes: 10, case: "A"),
            Self.row("Complaint", minutes: 20, case: "A"), Self.row("Mail sent", minutes: 200, case: "A", channel: "web"),
            Self.row("Call", minutes: 300, case: "A"),
            // B: browse, then the store; the mail between them is missing.
            Self.row("Browsed", minutes: 0, case: "B"), Self.row("Store visit", minutes: 60, case: "B"),
        ], compiled: compiled)
        let matcher = CaseMatcher(compiled)
        var kept = MatchedCase()
        #expect(matcher.match(cases[0], into: &kept) == nil)
        #expect(kept.steps.count == 4)
        #expect(kept.adHoc.count == 1)
        #expect(matcher.match(cases[1], into: &kept) == nil)
        #expect(kept.steps.map { journey.touchpoints[$0.touchpoint].id } == ["browse", "store"])
        #expect(kept.steps.map(\.isFirst) == [true, true])
        #expect(kept.steps.map(\.late) == [false, false])
        #expect(kept.steps.map(\.otherChannel) == [false, false])
        #expect(kept.steps.map(\.inSequence) == [true, true])
        #expect(kept.adHoc.isEmpty)
        #expect(kept.statuses(in: journey) == ["browse": .completed, "mail": .missing, "store": .completed, "call": .notReached])
    }

    @Test("The same activity at the same time twice is one event, counted as a duplicate")
    func duplicates() async throws {
        let (compiled, _) = try await Shop.load()
        let (cases, reading) = try Shop.cases([
            Self.row("Browsed", minutes: 0), Self.row("Browsed", minutes: 0), Self.row("Mail sent", minutes: 0), Self.row("Browsed", minutes: 0),
        ], compiled: compiled)
        #expect(reading.counts.events == 4)
        let observed = try #require(cases.first)
        #expect(observed.events.count == 2)
        #expect(observed.duplicates == 2)
        #expect(observed.duplicateRows.sorted() == [3, 5])
    }

    @Test("Longest subsequences that never decrease, by hand")
    func longestNonDecreasing() {
        #expect(CaseMatcher.longestNonDecreasing([]) == [])
        #expect(CaseMatcher.longestNonDecreasing([5]) == [0])
        #expect(CaseMatcher.longestNonDecreasing([0, 1, 2, 3]) == [0, 1, 2, 3])
        #expect(CaseMatcher.longestNonDecreasing([3, 2, 1, 0]) == [3])
        #expect(CaseMatcher.longestNonDecreasing([0, 2, 2, 1, 3]) == [0, 1, 2, 4])
        #expect(CaseMatcher.longestNonDecreasing([1, 1, 0, 1]) == [0, 1, 3])
        #expect(CaseMatcher.longestNonDecreasing([2, 0, 1, 3, 1, 2]) == [1, 2, 4, 5])
        // Already in order, equal ranks included: every position.
        #expect(CaseMatcher.longestNonDecreasing([1, 1, 2, 5, 5]) == [0, 1, 2, 3, 4])
    }

    @Test("a case in order, then one out of order, into the same buffers: each gets its own subsequence")
    func longestNonDecreasingReused() {
        var result: [Int] = [], buffers = MatchedCase.Buffers()
        CaseMatcher.longestNonDecreasing([0, 0, 1], into: &result, buffers: &buffers)
        #expect(result == [0, 1, 2])
        // 2 then 1: the lower tail, position 1, replaces the first.
        CaseMatcher.longestNonDecreasing([2, 1], into: &result, buffers: &buffers)
        #expect(result == [1])
        CaseMatcher.longestNonDecreasing([4], into: &result, buffers: &buffers)
        #expect(result == [0])
    }
}

/// ISO 8601 text for whole seconds since 1970 (UTC), for rows written in tests.
enum EventInstantText {
    static func iso(seconds: Int) -> String {
        let days = seconds / 86_400, secondOfDay = seconds % 86_400
        // Civil from days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}
