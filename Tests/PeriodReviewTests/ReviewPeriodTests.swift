import JourneyModel
import Testing

@testable import PeriodReview

@Suite struct ReviewPeriodTests {
    @Test func quartersMonthsAndISOWeeks() throws {
        let q3 = try #require(ReviewPeriod("2026-Q3"))
        #expect((q3.start.description, q3.end.description) == ("2026-07-01", "2026-10-01"))
        #expect(q3.previous.description == "2026-Q2")
        #expect(ReviewPeriod("2026-Q1")?.previous.description == "2025-Q4")
        // 4 January 2026 is a Sunday: week 1 starts on Monday 29 December 2025.
        let week = try #require(ReviewPeriod("2026-W01"))
        #expect((week.start.description, week.end.description) == ("2025-12-29", "2026-01-05"))
        #expect(week.previous.description == "2025-W52")
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027 has 52.
        #expect(ReviewPeriod("2026-W53")?.start.description == "2026-12-28")
        #expect(ReviewPeriod("2027-W53") == nil)
        #expect(ReviewPeriod("2027-W01")?.previous.description == "2026-W53")
        #expect(ReviewPeriod("2026-12")?.end.description == "2027-01-01")
        #expect(ReviewPeriod("2026-01")?.previous.description == "2025-12")
        for bad in ["2026-Q5", "2026-13", "2026-W00", "26-Q1", "2026Q3", "2026-q3", "2026-7", ""] {
            #expect(ReviewPeriod(bad) == nil, "\(bad)")
        }
    }

    @Test func periodsOfAMeasureWithinTheReviewedOne() throws {
        let q3 = try #require(ReviewPeriod("2026-Q3"))
        // Thursdays from 2 July to 24 September 2026.
        #expect(q3.count(of: .week) == 13)
        #expect(q3.count(of: .month) == 3)
        #expect(q3.count(of: .quarter) == 1)
        #expect(ReviewPeriod("2026-07")?.count(of: .week) == 5)
        #expect(ReviewPeriod("2026-07")?.count(of: .quarter) == nil)
        // Wednesday 30 September 2026 belongs to the week of Thursday 1 October: Q4 for weekly counts.
        let september30 = try #require(CalendarDay(year: 2026, month: 9, day: 30)).daysSince1970
        #expect(q3.contains(day: september30, per: nil))
        #expect(!q3.contains(day: september30, per: .week))
        // Wednesday 1 July belongs to the week of Thursday 2 July.
        #expect(q3.contains(day: september30 - 91, per: .week))
    }

    @Test func calendarDaysRoundTrip() throws {
        for text in ["1970-01-01", "2000-02-29", "2026-07-01", "1969-12-31", "2200-12-31"] {
            let day = try #require(CalendarDay(text))
            #expect(CalendarDay(daysSince1970: day.daysSince1970) == day)
            #expect(day.description == text)
        }
        #expect(CalendarDay("2026-07-01")?.isoWeekday == 3)
        #expect(CalendarDay("1970-01-01")?.daysSince1970 == 0)
        #expect(CalendarDay("2026-02-29") == nil)
    }
}
