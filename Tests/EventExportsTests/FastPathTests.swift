import Testing
@testable import EventExports

/// The short ways most cells are read (plain numbers, UTC times with
/// milliseconds), checked against hand-worked values and against the
/// general reader they stand in for.
@Suite("Fast paths")
struct FastPathTests {
    static func plain(_ text: String, _ format: NumberFormat = .period) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { NumberFormat.plainValue($0, decimalSeparator: format.decimalSeparator) }
    }

    static let plainForms: [(String, Double)] = [
        ("38", 38), ("0", 0), ("+4", 4), ("-12.75", -12.75), ("007", 7), ("0.1", 0.1), ("2.675", 2.675),
        ("123456789012345", 123_456_789_012_345), ("1.00000000000001", 1.000_000_000_000_01), ("999999999999999", 999_999_999_999_999),
    ]

    @Test("plain numbers read without strtod", arguments: plainForms)
    func plainNumbers(_ text: String, _ expected: Double) throws {
        #expect(Self.plain(text) == expected)
        #expect(try NumberFormat.period.value(text) == expected)
    }

    @Test func minusZeroKeepsItsSign() {
        let value = Self.plain("-0")
        #expect(value == 0)
        #expect(value?.sign == .minus)
    }

    @Test func theCommaIsTheDecimalSeparatorOnlyWhenDeclared() throws {
        #expect(Self.plain("12,5", .comma) == 12.5)
        #expect(Self.plain("12,5", .period) == nil)
        #expect(Self.plain("12.5", .comma) == nil)
        // Read the general way: "12.5" with a decimal comma is a misplaced group separator.
        #expect(throws: NumberFormat.Failure.self) { try NumberFormat.comma.value("12.5") }
    }

    /// Shapes left to the general reader, which still reads them.
    static let generalForms: [(String, Double)] = [
        ("1234567890123456", 1_234_567_890_123_456), ("5.", 5), (".5", 0.5), (" 7", 7), ("35%", 0.35), ("1e3", 1000),
        ("1,234", 1234), ("0.0000000000000001", 1e-16), ("\u{2212}3", -3),
    ]

    @Test("other shapes go the general way", arguments: generalForms)
    func generalShapes(_ text: String, _ expected: Double) throws {
        #expect(Self.plain(text) == nil)
        #expect(try NumberFormat.period.value(text) == expected)
    }

    @Test func notNumbersAreRefusedByBothWays() {
        for text in ["", "-", "+", "1.2.3", "12a", "--1", "1-"] {
            #expect(Self.plain(text) == nil, "\(text)")
            #expect(throws: NumberFormat.Failure.self, "\(text)") { try NumberFormat.period.value(text) }
        }
    }

    /// Every decimal of up to 15 digits gives the Double `strtod` gives:
    /// a sample of mantissas and separator places, compared bit for bit.
    @Test func plainValuesAreThoseOfStrtod() throws {
        var state: UInt64 = 0x1234_5678
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 60) + 1  // 1 to 16
            var text = String((state >> 8) % 1_000_000_000_000_000)
            text = String(text.prefix(min(digits, 15)))
            let point = Int(state >> 40 & 0xF)
            if point > 0, point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if state & 1 == 1 { text = "-" + text }
            let fast = try #require(Self.plain(text), "\(text)")
            let reference = try #require(Double(text))
            #expect(fast.bitPattern == reference.bitPattern, "\(text)")
        }
    }

    // MARK: Times

    static func utc(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { TimestampFormat.utcMillisecondInstant($0)?.millisecondsSince1970 }
    }

    /// 2026-07-03T14:05:00Z is 1,783,087,500 s (worked out in TimestampTests).
    @Test func utcTimesWithMillisecondsAreReadAtFixedPlaces() throws {
        #expect(Self.utc("2026-07-03T14:05:00.250Z") == 1_783_087_500_250)
        #expect(Self.utc("2026-07-03 14:05:00.007Z") == 1_783_087_500_007)
        // 1970-01-01 is day 0; 23:59:59.999 is 86,399,999 ms into it.
        #expect(Self.utc("1970-01-01T23:59:59.999Z") == 86_399_999)
        // 2024-02-29 is day 19,782 (54 years of 365 days, 13 leap days 1972–2020, then 59 days of 2024),
        // which starts at 19,782 × 86,400,000 ms.
        let leapDay: Int64 = 1_709_164_800_000
        #expect(Self.utc("2024-02-29T00:00:00.000Z") == leapDay)
        #expect(try TimestampFormat.iso8601().instant("2026-07-03T14:05:00.250Z").millisecondsSince1970 == 1_783_087_500_250)
    }

    @Test func otherShapesAndImpossibleDatesGoTheGeneralWay() throws {
        let iso = TimestampFormat.iso8601()
        for text in ["2026-07-03T14:05:00.250+02:00", "2026-07-03T14:05:00Z", "2026-07-03T14:05:00.25Z", " 2026-07-03T14:05:00.250Z",
                     "2026-07-03T14:05:00,250Z", "2026-07-03t14:05:00.250Z"] {
            #expect(Self.utc(text) == nil, "\(text)")
            #expect(throws: Never.self) { try iso.instant(text) }
        }
        #expect(try iso.instant("2026-07-03T14:05:00.250+02:00").millisecondsSince1970 == 1_783_087_500_250 - 7_200_000)
        for text in ["2026-02-29T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-07-00T10:00:00.000Z", "2026-07-03T24:00:00.000Z",
                     "2026-07-03T23:60:00.000Z", "2026-07-03T23:00:60.000Z", "2026-07-03T23:00:00.0a0Z", "20x6-07-03T23:00:00.000Z"] {
            #expect(Self.utc(text) == nil, "\(text)")
            #expect(throws: TimestampError.self, "\(text)") { try iso.instant(text) }
        }
    }

    /// The careful reader alone, without the fixed-place shortcut in front of it.
    static func careful(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { try? TimestampFormat.iso8601().carefulInstant($0).millisecondsSince1970 }
    }

    /// Edge dates, worked out by hand: 9999-12-31T23:59:59Z is 253,402,300,799 s;
    /// 2000-02-29 is 59 days after 2000-01-01 (946,684,800 s), so 951,782,400 s.
    static let edgeTimes: [(String, Int64?)] = [
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999), ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.999Z", -1), ("2000-02-29T12:00:00.000Z", 951_782_400_000 + 43_200_000),
        ("2000-03-01 00:00:00.001Z", 951_782_400_000 + 86_400_000 + 1), ("2024-02-29T23:59:59.999Z", 1_709_164_800_000 + 86_399_999),
        ("1900-02-29T00:00:00.000Z", nil), ("2026-02-29T00:00:00.000Z", nil), ("2026-04-31T00:00:00.000Z", nil),
        ("2026-07-03T24:00:00.000Z", nil), ("2026-00-10T10:00:00.000Z", nil), ("2026-07-03T14:05:00.250z", nil),
        ("2026-07-03T14:05:00:250Z", nil), ("2026/07/03T14:05:00.250Z", nil), ("2026-07-03T14-05:00.250Z", nil),
    ]

    @Test("edge dates at fixed places", arguments: edgeTimes)
    func edgeDatesAtFixedPlaces(_ text: String, _ expected: Int64?) {
        #expect(Self.utc(text) == expected)
        if let expected { #expect(Self.careful(text) == expected) }
    }

    /// Every byte of a fixed-place time replaced by each of the 256 bytes:
    /// the shortcut gives the careful reader's instant or leaves the text to
    /// it, and leaves nothing of its own shape that the careful reader reads.
    @Test func everyByteChangedGivesTheCarefulReadersInstantOrNone() {
        for base in ["2026-07-03T14:05:00.250Z", "2024-02-29 23:59:59.999Z", "1999-12-31T09:19:29.909Z"] {
            let bytes = Array(base.utf8)
            for place in bytes.indices {
                for byte in 0...255 {
                    var text = bytes
                    text[place] = UInt8(byte)
                    let fast = text.withUnsafeBufferPointer { TimestampFormat.utcMillisecondInstant($0)?.millisecondsSince1970 }
                    guard let string = String(validating: text, as: UTF8.self) else {
                        #expect(fast == nil || ASCII.isDigit(UInt8(byte)), "\(base) byte \(place) = \(byte)")
                        continue
                    }
                    let careful = Self.careful(string)
                    if let fast {
                        #expect(fast == careful, "\(string)")
                    } else if place != 10, place != 19, place != 23, careful != nil, ASCII.isDigit(UInt8(byte)) || bytes[place] == UInt8(byte) {
                        Issue.record("\(string) is left to the careful reader")
                    }
                }
            }
        }
    }

    @Test func aPatternIsNeverReadAsISO() throws {
        let pattern = try TimestampFormat.pattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", in: LocalTimeZone(fixedOffsetSeconds: 3600))
        // Local time one hour east of UTC: an hour earlier than the same text read as UTC.
        #expect(try pattern.instant("2026-07-03T14:05:00.250Z").millisecondsSince1970 == 1_783_087_500_250 - 3_600_000)
    }
}
