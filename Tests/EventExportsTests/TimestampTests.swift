import Testing
@testable import EventExports

/// Every timestamp form exports write, read to the exact instant. The
/// expected numbers are worked out by hand:
///
/// - 2026-01-01 is day 20,454 after 1970-01-01 (56 years of 365 days and
///   14 leap days, 1972 to 2024); 2026-07-03 is 183 days later, day 20,637,
///   which starts at 20,637 × 86,400 = 1,783,036,800 s;
/// - 14:05 is 50,700 s into the day: 2026-07-03T14:05:00Z is 1,783,087,500 s.
@Suite("Timestamps")
struct TimestampTests {
    static let july3At1405UTC: Int64 = 1_783_087_500_000
    static let paris = LocalTimeZone(identifier: "Europe/Paris")!

    static func milliseconds(_ text: String, _ format: TimestampFormat = .iso8601()) throws -> Int64 {
        try format.instant(text).millisecondsSince1970
    }

    static func problem(_ text: String, _ format: TimestampFormat = .iso8601()) -> TimestampError? {
        do {
            _ = try format.instant(text)
            return nil
        } catch {
            return error
        }
    }

    // MARK: ISO 8601

    static let isoForms: [(String, Int64)] = [
        ("2026-07-03T14:05:00Z", july3At1405UTC),
        ("2026-07-03t14:05:00z", july3At1405UTC),
        ("2026-07-03T14:05Z", july3At1405UTC),
        ("2026-07-03T14:05:00+02:00", july3At1405UTC - 7_200_000),
        ("2026-07-03T14:05:00+0200", july3At1405UTC - 7_200_000),
        ("2026-07-03T14:05:00+02", july3At1405UTC - 7_200_000),
        ("2026-07-03T14:05:00-0530", july3At1405UTC + 19_800_000),
        ("2026-07-03T14:05:00-05:30", july3At1405UTC + 19_800_000),
        ("2026-07-03T14:05:00.250Z", july3At1405UTC + 250),
        ("2026-07-03T14:05:00.25Z", july3At1405UTC + 250),
        ("2026-07-03T14:05:00.2Z", july3At1405UTC + 200),
        ("2026-07-03T14:05:00,250Z", july3At1405UTC + 250),
        ("2026-07-03T14:05:00.123456789Z", july3At1405UTC + 123),
        ("2026-07-03T14:05:00.000+02:00", july3At1405UTC - 7_200_000),
        ("2026-07-03 14:05", july3At1405UTC),
        ("2026-07-03 14:05:00", july3At1405UTC),
        ("2026-07-03 14:05:00 +02:00", july3At1405UTC - 7_200_000),
        ("2026-07-03 14:05:00 UTC", july3At1405UTC),
        ("2026-07-03 14:05:00 GMT", july3At1405UTC),
        ("  2026-07-03T14:05:00Z ", july3At1405UTC),
        ("2026-07-03", 1_783_036_800_000),
        // 2000-01-01 is day 10,957; 2000-02-29 is 59 days later.
        ("2000-02-29T00:00:00Z", 951_782_400_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.500Z", -500),
    ]

    @Test("ISO 8601 forms", arguments: isoForms)
    func iso8601(_ text: String, _ expected: Int64) throws {
        #expect(try Self.milliseconds(text) == expected)
    }

    @Test func localISOTimesAreInTheFormatsZone() throws {
        let paris = TimestampFormat.iso8601(localTimesIn: Self.paris)
        // July: CEST, UTC+2.
        #expect(try Self.milliseconds("2026-07-03T14:05:00", paris) == Self.july3At1405UTC - 7_200_000)
        #expect(try Self.milliseconds("2026-07-03 14:05", paris) == Self.july3At1405UTC - 7_200_000)
        // A date alone is local midnight: 2026-07-02T22:00Z.
        #expect(try Self.milliseconds("2026-07-03", paris) == 1_783_036_800_000 - 7_200_000)
        // An explicit offset wins over the zone.
        #expect(try Self.milliseconds("2026-07-03T14:05:00Z", paris) == Self.july3At1405UTC)
        let kolkata = TimestampFormat.iso8601(localTimesIn: LocalTimeZone(identifier: "Asia/Kolkata")!)
        #expect(try Self.milliseconds("2026-07-03 14:05", kolkata) == Self.july3At1405UTC - 19_800_000)
        let fixed = TimestampFormat.iso8601(localTimesIn: LocalTimeZone(fixedOffsetSeconds: -3 * 3600))
        #expect(try Self.milliseconds("2026-07-03 14:05", fixed) == Self.july3At1405UTC + 10_800_000)
    }

    static let invalidForms: [(String, TimestampError.Problem)] = [
        ("2026-02-29", .invalidDate(year: 2026, month: 2, day: 29)),
        ("1900-02-29", .invalidDate(year: 1900, month: 2, day: 29)),
        ("2026-02-30T10:00Z", .invalidDate(year: 2026, month: 2, day: 30)),
        ("2026-04-31", .invalidDate(year: 2026, month: 4, day: 31)),
        ("2026-13-01", .invalidDate(year: 2026, month: 13, day: 1)),
        ("2026-00-10", .invalidDate(year: 2026, month: 0, day: 10)),
        ("2026-07-00", .invalidDate(year: 2026, month: 7, day: 0)),
        ("2026-07-03T25:00Z", .invalidTime(hour: 25, minute: 0, second: 0)),
        ("2026-07-03T24:00Z", .invalidTime(hour: 24, minute: 0, second: 0)),
        ("2026-07-03T14:60Z", .invalidTime(hour: 14, minute: 60, second: 0)),
        ("2026-07-03T14:05:60Z", .invalidTime(hour: 14, minute: 5, second: 60)),
        ("2026-07-03T14:05+24:00", .invalidOffset),
        ("2026-07-03T14:05+02:60", .invalidOffset),
        ("", .empty),
        ("   ", .empty),
        ("2026-7-3", .expected("a 2-digit month")),
        ("26-07-03", .expected("a 4-digit year")),
        ("2026/07/03", .expected("'-' after the year")),
        ("2026-07-03X14:05", .expected("'T' or a space between the date and the time")),
        ("2026-07-03T14", .expected("':' after the hour")),
        ("2026-07-03T14:05:00.Z", .expected("digits after the decimal mark")),
        ("2026-07-03T14:05:00.1234567891Z", .expected("at most 9 digits of fraction")),
        ("2026-07-03T14:05:00 PST", .expected("Z, UTC or an offset such as +02:00")),
        ("2026-07-03T14:05:00Z junk", .trailingText),
        ("2026-07-03T14:05:00+02:00:00", .trailingText),
    ]

    @Test("calendar-invalid and malformed timestamps are errors", arguments: invalidForms)
    func invalid(_ text: String, _ expected: TimestampError.Problem) {
        #expect(Self.problem(text)?.problem == expected)
    }

    @Test func errorsSayWhereInTheText() {
        #expect(Self.problem("2026-7-3")?.description == "expected a 2-digit month at character 6")
        #expect(Self.problem("2026-07-03T14:05Zjunk")?.offset == 17)
        #expect(Self.problem("2026-02-30")?.description == "2026-2-30 is not a date of the calendar")
    }

    // MARK: Daylight saving time in Europe/Paris

    /// 2026-03-29 is day 20,541 (1,774,742,400 s at midnight UTC). At
    /// 01:00Z (1,774,746,000) Paris goes from UTC+1 to UTC+2: local 02:00
    /// to 03:00 does not exist.
    @Test func theSpringGapIsMovedForwardByItsLength() throws {
        let format = try TimestampFormat.pattern("yyyy-MM-dd HH:mm", in: Self.paris)
        let midnightUTC: Int64 = 1_774_742_400
        #expect(try Self.milliseconds("2026-03-29 01:59", format) == (midnightUTC + 59 * 60) * 1000)  // 00:59Z
        #expect(try Self.milliseconds("2026-03-29 02:00", format) == (midnightUTC + 3600) * 1000)  // as 03:00, 01:00Z
        #expect(try Self.milliseconds("2026-03-29 02:30", format) == (midnightUTC + 5400) * 1000)  // as 03:30, 01:30Z
        #expect(try Self.milliseconds("2026-03-29 03:00", format) == (midnightUTC + 3600) * 1000)  // 01:00Z
        #expect(try Self.milliseconds("2026-03-29 03:30", format) == (midnightUTC + 5400) * 1000)  // 01:30Z
        #expect(try Self.milliseconds("2026-03-29 12:00", format) == (midnightUTC + 10 * 3600) * 1000)  // 10:00Z
    }

    /// 2026-10-25 is day 20,751 (1,792,886,400 s). At 01:00Z (1,792,890,000)
    /// Paris goes back from UTC+2 to UTC+1: local 02:00 to 03:00 happens twice.
    @Test func theAutumnOverlapTakesTheEarlierInstant() throws {
        let format = try TimestampFormat.pattern("dd/MM/yyyy HH:mm", in: Self.paris)
        let midnightUTC: Int64 = 1_792_886_400
        #expect(try Self.milliseconds("25/10/2026 01:59", format) == (midnightUTC - 60) * 1000)  // 23:59Z the day before
        #expect(try Self.milliseconds("25/10/2026 02:00", format) == midnightUTC * 1000)  // 00:00Z, not 01:00Z
        #expect(try Self.milliseconds("25/10/2026 02:30", format) == (midnightUTC + 1800) * 1000)  // 00:30Z, not 01:30Z
        #expect(try Self.milliseconds("25/10/2026 03:00", format) == (midnightUTC + 2 * 3600) * 1000)  // 02:00Z
    }

    @Test func offsetsAtInstantsFollowTheTable() {
        // One second before and at the spring change.
        #expect(Self.paris.offset(atSecondsSince1970: 1_774_745_999) == 3600)
        #expect(Self.paris.offset(atSecondsSince1970: 1_774_746_000) == 7200)
        #expect(Self.paris.offset(atSecondsSince1970: 1_792_890_000) == 3600)
        #expect(LocalTimeZone.utc.offset(atSecondsSince1970: 1_774_746_000) == 0)
        #expect(LocalTimeZone(identifier: "Nowhere/Atlantis") == nil)
        #expect(LocalTimeZone(fixedOffsetSeconds: -19_800).identifier == "UTC-05:30")
    }

    // MARK: Patterns

    @Test func declaredPatternsReadLocalTimeInTheirZone() throws {
        let french = try TimestampFormat.pattern("dd/MM/yyyy HH:mm", in: Self.paris)
        #expect(try Self.milliseconds("03/07/2026 14:05", french) == Self.july3At1405UTC - 7_200_000)
        let withSeconds = try TimestampFormat.pattern("yyyy-MM-dd'T'HH:mm:ss.SSS", in: Self.paris)
        #expect(try Self.milliseconds("2026-07-03T14:05:00.250", withSeconds) == Self.july3At1405UTC - 7_200_000 + 250)
        // US style, 1–2 digits, New York in July is UTC−4: 09:05 EDT is 13:05Z.
        let american = try TimestampFormat.pattern("M/d/yyyy H:mm", in: LocalTimeZone(identifier: "America/New_York")!)
        #expect(try Self.milliseconds("7/3/2026 9:05", american) == 1_783_036_800_000 + 13 * 3_600_000 + 5 * 60_000)
        #expect(try Self.milliseconds("07/03/2026 09:05", american) == 1_783_036_800_000 + 13 * 3_600_000 + 5 * 60_000)
        let dateOnly = try TimestampFormat.pattern("dd.MM.yyyy", in: .utc)
        #expect(try Self.milliseconds("03.07.2026", dateOnly) == 1_783_036_800_000)
        let quoted = try TimestampFormat.pattern("yyyy''MM''dd 'at' HH'h'mm", in: .utc)
        #expect(try Self.milliseconds("2026'07'03 at 14h05", quoted) == Self.july3At1405UTC)
    }

    @Test func patternsCheckTheCalendarAndTheirLiterals() throws {
        let french = try TimestampFormat.pattern("dd/MM/yyyy HH:mm", in: Self.paris)
        #expect(Self.problem("30/02/2026 10:00", french)?.problem == .invalidDate(year: 2026, month: 2, day: 30))
        #expect(Self.problem("03/07/2026 25:00", french)?.problem == .invalidTime(hour: 25, minute: 0, second: 0))
        #expect(Self.problem("03-07-2026 14:05", french)?.problem == .expected("'/'"))
        #expect(Self.problem("03/07/2026 14:05:00", french)?.problem == .trailingText)
        #expect(Self.problem("3/07/2026 14:05", french)?.problem == .expected("a 2-digit day"))
    }

    @Test("patterns that cannot be used are refused with their place", arguments: [
        ("dd/MM/yy", "character 7 of the pattern: 'yy' is not a pattern field; use yyyy MM M dd d HH H mm ss SSS, and quote letters meant as text ('T')"),
        ("yyyy-MM-ddTHH:mm", "character 11 of the pattern: 'T' is not a pattern field; use yyyy MM M dd d HH H mm ss SSS, and quote letters meant as text ('T')"),
        ("HH:mm", "character 1 of the pattern: a pattern needs a year (yyyy), a month (MM or M) and a day (dd or d)"),
        ("yyyy-MM-dd'T", "character 11 of the pattern: the quoted text that starts here is never closed with \"'\""),
    ])
    func badPatterns(_ pattern: String, _ message: String) {
        #expect(throws: TimestampPatternError.self) { try TimestampFormat.pattern(pattern, in: .utc) }
        do {
            _ = try TimestampFormat.pattern(pattern, in: .utc)
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: Instants

    @Test func instantsPrintAsUTC() {
        #expect(EventInstant(millisecondsSince1970: Self.july3At1405UTC + 250).description == "2026-07-03T14:05:00.250Z")
        #expect(EventInstant(millisecondsSince1970: -500).description == "1969-12-31T23:59:59.500Z")
        #expect(EventInstant(millisecondsSince1970: 951_782_400_000).description == "2000-02-29T00:00:00.000Z")
        #expect(EventInstant(millisecondsSince1970: 0) < EventInstant(millisecondsSince1970: 1))
    }

    /// Thirty days hath September, April, June and November; February has
    /// 29 in 2024 and 2000, 28 in 2026 and 1900 (a century not a multiple of 400).
    @Test func monthsHaveTheCalendarsDays() {
        let common: [Int64] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let leap: [Int64] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for year: Int64 in [2026, 1900, 2100, 1] { #expect((1...12).map { CivilCalendar.daysInMonth($0, of: year) } == common, "\(year)") }
        for year: Int64 in [2024, 2000, 1972, 0] { #expect((1...12).map { CivilCalendar.daysInMonth($0, of: year) } == leap, "\(year)") }
    }

    @Test func dayNumbersAndDatesAreInversesAcrossFourHundredYearCycles() {
        #expect(CivilCalendar.daysSince1970(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.daysSince1970(year: 2000, month: 1, day: 1) == 10_957)
        #expect(CivilCalendar.daysSince1970(year: 0, month: 3, day: 1) == -719_468)
        var days: Int64 = -800_000
        while days < 800_000 {
            let date = CivilCalendar.date(fromDaysSince1970: days)
            #expect(CivilCalendar.daysSince1970(year: date.year, month: date.month, day: date.day) == days)
            days += 997
        }
    }

    @Test func aCSVFieldIsReadInPlace() throws {
        var reader = CSVReader(.noHeader)
        var instants: [Int64] = []
        reader.read(Array("2026-07-03T14:05:00Z,x\n2026-07-03,y\n".utf8)) { event in
            if case .record(let record) = event, let instant = try? TimestampFormat.iso8601().instant(record[0]) {
                instants.append(instant.millisecondsSince1970)
            }
        }
        #expect(instants == [Self.july3At1405UTC, 1_783_036_800_000])
    }
}
