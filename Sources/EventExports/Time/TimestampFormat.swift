/// Why a timestamp could not be read, and at which byte of it.
public struct TimestampError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        case empty
        /// Something else than what the format expects at that point.
        case expected(String)
        /// A date the calendar does not have (`2026-02-30`, month 13).
        case invalidDate(year: Int, month: Int, day: Int)
        /// A time of day the clock does not have (hour 25, minute 60).
        case invalidTime(hour: Int, minute: Int, second: Int)
        /// An offset beyond ±23:59.
        case invalidOffset
        case trailingText
    }

    public let problem: Problem
    /// The byte of the text where it was found.
    public let offset: Int

    public var description: String {
        switch problem {
        case .empty: "no timestamp"
        case .expected(let what): "expected \(what) at character \(offset + 1)"
        case .invalidDate(let year, let month, let day): "\(year)-\(month)-\(day) is not a date of the calendar"
        case .invalidTime(let hour, let minute, let second): "\(hour):\(minute):\(second) is not a time of day"
        case .invalidOffset: "the offset at character \(offset + 1) is beyond ±23:59"
        case .trailingText: "unexpected text after the timestamp at character \(offset + 1)"
        }
    }
}

/// How a column writes its timestamps: ISO 8601, or a declared pattern in
/// a time zone. One value per column, made once and used for every row.
///
/// ISO 8601 accepts `2026-07-03T14:05:00Z`, `2026-07-03T14:05:00.250+02:00`,
/// `…-0530`, `…+02`, `2026-07-03 14:05` (a space for the `T`), seconds and
/// fractions optional (`.` or `,`, up to 9 digits, read to the millisecond,
/// extra digits dropped), `Z` or ` UTC` or an offset, optionally after one
/// space, and a date alone (midnight). A time without a zone is local time
/// in the format's zone (UTC unless given).
///
/// A pattern is made of `yyyy` (4-digit year), `MM` or `M` (month, 2 or 1–2
/// digits), `dd` or `d` (day), `HH` or `H` (hour, 0–23), `mm` (minute),
/// `ss` (second), `SSS` (milliseconds) and literal text: any character that
/// is not a letter, or letters in single quotes (`'T'`; `''` is a quote).
/// It needs a year, a month and a day; the time defaults to midnight.
///
/// Every form checks the calendar: `2026-02-30`, hour 24 or 25, minute 60
/// and second 60 are errors. Spaces around the text are ignored.
///
/// ```swift
/// let paris = try TimestampFormat.pattern("dd/MM/yyyy HH:mm", in: LocalTimeZone(identifier: "Europe/Paris")!)
/// try paris.instant("03/07/2026 14:05").description   // "2026-07-03T12:05:00.000Z"
/// ```
public struct TimestampFormat: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case iso8601
        case pattern([PatternToken])
    }

    enum PatternToken: Sendable, Equatable {
        case year, month, monthShort, day, dayShort, hour, hourShort, minute, second, millisecond
        case literal([UInt8])
    }

    let kind: Kind
    /// Where times without an offset are.
    public let zone: LocalTimeZone

    /// ISO 8601; local times (no `Z`, no offset) are in `zone`.
    public static func iso8601(localTimesIn zone: LocalTimeZone = .utc) -> TimestampFormat {
        TimestampFormat(kind: .iso8601, zone: zone)
    }

    /// The parts of a declared pattern, in order; nil for ISO 8601. For
    /// engines that parse the same text themselves (`conform --emit-sql`).
    public var patternParts: [PatternPart]? {
        guard case .pattern(let tokens) = kind else { return nil }
        return tokens.map { token in
            switch token {
            case .year: .year
            case .month: .month(padded: true)
            case .monthShort: .month(padded: false)
            case .day: .day(padded: true)
            case .dayShort: .day(padded: false)
            case .hour: .hour(padded: true)
            case .hourShort: .hour(padded: false)
            case .minute: .minute
            case .second: .second
            case .millisecond: .millisecond
            case .literal(let bytes): .literal(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// One part of a declared pattern: `yyyy`, `MM` or `M`, `dd` or `d`,
    /// `HH` or `H`, `mm`, `ss`, `SSS`, or literal text.
    public enum PatternPart: Sendable, Equatable {
        case year, minute, second, millisecond
        case month(padded: Bool), day(padded: Bool), hour(padded: Bool)
        case literal(String)
    }

    /// A declared pattern for local times in `zone`.
    public static func pattern(_ pattern: String, in zone: LocalTimeZone) throws(TimestampPatternError) -> TimestampFormat {
        TimestampFormat(kind: .pattern(try Self.compile(pattern)), zone: zone)
    }

    // MARK: Reading

    public func instant(_ text: String) throws(TimestampError) -> EventInstant {
        var text = text
        let result: Result<EventInstant, TimestampError> = text.withUTF8 { bytes in
            do throws(TimestampError) { return .success(try instant(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public func instant(_ field: CSVField) throws(TimestampError) -> EventInstant {
        let result: Result<EventInstant, TimestampError> = field.withUnsafeBytes { bytes in
            do throws(TimestampError) { return .success(try instant(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Reads the timestamp in `bytes` (UTF-8 text), with no copy.
    public func instant(_ bytes: UnsafeBufferPointer<UInt8>) throws(TimestampError) -> EventInstant {
        if case .iso8601 = kind, let instant = Self.utcMillisecondInstant(bytes) { return instant }
        return try carefulInstant(bytes)
    }

    /// Every form the format reads, and the error for any other text: kept
    /// out of line, so that a time read at fixed places costs no more than
    /// that reading.
    @inline(never)
    func carefulInstant(_ bytes: UnsafeBufferPointer<UInt8>) throws(TimestampError) -> EventInstant {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == ASCII.space { start += 1 }
        while end > start, bytes[end - 1] == ASCII.space { end -= 1 }
        guard start < end else { throw TimestampError(problem: .empty, offset: start) }
        var scanner = DigitScanner(bytes: bytes, index: start, end: end)
        let fields: TimestampFields
        switch kind {
        case .iso8601: fields = try scanner.readISO8601()
        case .pattern(let tokens): fields = try scanner.read(tokens)
        }
        guard scanner.index == end else { throw TimestampError(problem: .trailingText, offset: scanner.index) }
        return try fields.instant(in: zone, offset: start)
    }

    /// The instant of the shape most exports write, `yyyy-MM-ddTHH:mm:ss.SSSZ`
    /// (exactly 24 bytes, `T` or a space, `Z`), read at fixed places; nil for
    /// any other text, or a date or time the calendar does not have, which
    /// the general reader then reads or words as an error.
    ///
    /// The 24 bytes are read as three little-endian words, and every digit
    /// and mark of each word is checked at once: a byte is a digit when,
    /// less `0`, both it and it plus 6 stay below 16.
    @inline(__always)
    static func utcMillisecondInstant(_ bytes: UnsafeBufferPointer<UInt8>) -> EventInstant? {
        guard bytes.count == 24, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let dateWord = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))  // yyyy-MM-
        let clockWord = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))  // ddTHH:mm
        let secondsWord = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))  // :ss.SSSZ
        // Digit bytes of each word, and the marks expected in the others
        // (the date-time separator, `T` or a space, checked on its own).
        let firstDigits: UInt64 = 0x00FF_FF00_FFFF_FFFF, firstMarks: UInt64 = 0x2D00_002D_0000_0000
        let secondDigits: UInt64 = 0xFFFF_00FF_FF00_FFFF, secondMarks: UInt64 = 0x0000_3A00_0000_0000
        let thirdDigits: UInt64 = 0x00FF_FFFF_00FF_FF00, thirdMarks: UInt64 = 0x5A00_0000_2E00_003A
        let secondMarkBytes: UInt64 = 0x0000_FF00_0000_0000
        guard dateWord & ~firstDigits == firstMarks, clockWord & secondMarkBytes == secondMarks, secondsWord & ~thirdDigits == thirdMarks,
              bytes[10] == UInt8(ascii: "T") || bytes[10] == ASCII.space
        else { return nil }
        @inline(__always) func digitValues(_ word: UInt64, _ digits: UInt64) -> UInt64? {
            let values = (word ^ 0x3030_3030_3030_3030) & digits
            let sixes = 0x0606_0606_0606_0606 & digits
            return (values | (values &+ sixes)) & 0xF0F0_F0F0_F0F0_F0F0 & digits == 0 ? values : nil
        }
        guard let date = digitValues(dateWord, firstDigits), let clock = digitValues(clockWord, secondDigits),
              let seconds = digitValues(secondsWord, thirdDigits)
        else { return nil }
        // Byte i of a word's pairs is 10 × digit i + digit i + 1: at most
        // 99, so no byte carries into the next, and one multiply gives every
        // two-digit number of the word.
        @inline(__always) func pairs(_ values: UInt64) -> UInt64 { values &* 10 &+ values &>> 8 }
        @inline(__always) func byte(_ word: UInt64, _ place: UInt64) -> Int64 { Int64(word &>> (8 &* place) & 0xFF) }
        let datePairs = pairs(date), clockPairs = pairs(clock), secondsPairs = pairs(seconds)
        let year = byte(datePairs, 0) * 100 + byte(datePairs, 2)
        let month = byte(datePairs, 5)
        let day = byte(clockPairs, 0)
        let hour = byte(clockPairs, 3)
        let minute = byte(clockPairs, 6)
        let second = byte(secondsPairs, 1)
        let millisecond = byte(seconds, 4) * 100 + byte(secondsPairs, 5)
        guard month >= 1, month <= 12, day >= 1, day <= CivilCalendar.daysInMonth(month, of: year), hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = CivilCalendar.daysSince1970(year: year, month: month, day: day)
        return EventInstant(millisecondsSince1970: (days * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + millisecond)
    }

    // MARK: Patterns

    static func compile(_ pattern: String) throws(TimestampPatternError) -> [PatternToken] {
        let characters = Array(pattern)
        var tokens: [PatternToken] = []
        var index = 0
        func appendLiteral(_ text: String) {
            if case .literal(let previous) = tokens.last {
                tokens[tokens.count - 1] = .literal(previous + Array(text.utf8))
            } else {
                tokens.append(.literal(Array(text.utf8)))
            }
        }
        while index < characters.count {
            let character = characters[index]
            var run = 1
            while index + run < characters.count, characters[index + run] == character { run += 1 }
            let token: PatternToken?
            switch (character, run) {
            case ("y", 4): token = .year
            case ("M", 2): token = .month
            case ("M", 1): token = .monthShort
            case ("d", 2): token = .day
            case ("d", 1): token = .dayShort
            case ("H", 2): token = .hour
            case ("H", 1): token = .hourShort
            case ("m", 2): token = .minute
            case ("s", 2): token = .second
            case ("S", 3): token = .millisecond
            case ("'", _):
                // Quoted literal text; '' is a quote.
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    appendLiteral("'")
                    index += 2
                    continue
                }
                guard let close = characters[(index + 1)...].firstIndex(of: "'") else {
                    throw TimestampPatternError(message: "the quoted text that starts here is never closed with \"'\"", offset: index)
                }
                appendLiteral(String(characters[(index + 1)..<close]))
                index = close + 1
                continue
            default:
                guard !character.isLetter else {
                    throw TimestampPatternError(
                        message: "'\(String(repeating: character, count: run))' is not a pattern field; use yyyy MM M dd d HH H mm ss SSS, and quote letters meant as text ('T')",
                        offset: index
                    )
                }
                token = nil
            }
            if let token {
                tokens.append(token)
            } else {
                appendLiteral(String(repeating: character, count: run))
            }
            index += run
        }
        let has: (PatternToken...) -> Bool = { wanted in tokens.contains { wanted.contains($0) } }
        guard has(.year), has(.month, .monthShort), has(.day, .dayShort) else {
            throw TimestampPatternError(message: "a pattern needs a year (yyyy), a month (MM or M) and a day (dd or d)", offset: 0)
        }
        return tokens
    }
}

/// A pattern that cannot be used, and where in it.
public struct TimestampPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// The character of the pattern, 0-based.
    public let offset: Int
    public var description: String { "character \(offset + 1) of the pattern: \(message)" }
}

/// The parts of a timestamp as read, before the calendar is checked.
struct TimestampFields {
    var year: Int64 = 0
    var month: Int64 = 1
    var day: Int64 = 1
    var hour: Int64 = 0
    var minute: Int64 = 0
    var second: Int64 = 0
    var millisecond: Int64 = 0
    /// Seconds east of UTC when the text gives an offset; nil for local time.
    var offset: Int64?

    func instant(in zone: LocalTimeZone, offset textStart: Int) throws(TimestampError) -> EventInstant {
        guard month >= 1, month <= 12, day >= 1, day <= CivilCalendar.daysInMonth(month, of: year) else {
            throw TimestampError(problem: .invalidDate(year: Int(year), month: Int(month), day: Int(day)), offset: textStart)
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw TimestampError(problem: .invalidTime(hour: Int(hour), minute: Int(minute), second: Int(second)), offset: textStart)
        }
        let days = CivilCalendar.daysSince1970(year: year, month: month, day: day)
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        let seconds = if let offset { local - offset } else { zone.secondsSince1970(local: local) }
        return EventInstant(millisecondsSince1970: seconds * 1000 + millisecond)
    }
}

/// Reads digits and punctuation from a timestamp's bytes.
struct DigitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int

    private func error(_ what: String) -> TimestampError {
        TimestampError(problem: .expected(what), offset: index)
    }

    @inline(__always)
    private func peek() -> UInt8? { index < end ? bytes[index] : nil }

    /// Exactly `count` digits; an error points at the first of them.
    @inline(__always)
    mutating func digits(_ count: Int, _ what: String) throws(TimestampError) -> Int64 {
        var value: Int64 = 0
        let start = index
        for _ in 0..<count {
            guard index < end, ASCII.isDigit(bytes[index]) else { throw TimestampError(problem: .expected(what), offset: start) }
            value = value * 10 + Int64(bytes[index] - ASCII.zero)
            index += 1
        }
        return value
    }

    /// One or two digits.
    mutating func shortNumber(_ what: String) throws(TimestampError) -> Int64 {
        let first = try digits(1, what)
        if let next = peek(), ASCII.isDigit(next) {
            index += 1
            return first * 10 + Int64(next - ASCII.zero)
        }
        return first
    }

    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: String) throws(TimestampError) {
        guard peek() == byte else { throw error(what) }
        index += 1
    }

    /// The digit at `offset` as a number, or 10 and more for any other byte.
    @inline(__always)
    private func digit(at offset: Int) -> Int64 { Int64(bytes[offset] &- ASCII.zero) }

    mutating func readISO8601() throws(TimestampError) -> TimestampFields {
        var fields = TimestampFields()
        // The common shape `yyyy-MM-ddTHH:mm:ss`, read at fixed places.
        if end - index >= 19, bytes[index + 4] == ASCII.minus, bytes[index + 7] == ASCII.minus,
           bytes[index + 10] == UInt8(ascii: "T") || bytes[index + 10] == ASCII.space,
           bytes[index + 13] == ASCII.colon, bytes[index + 16] == ASCII.colon
        {
            let start = index
            func two(_ offset: Int) -> Int64 {
                let tens = digit(at: start + offset)
                let units = digit(at: start + offset + 1)
                return tens < 10 && units < 10 ? tens * 10 + units : -1
            }
            let century = two(0), yearOfCentury = two(2), month = two(5), day = two(8)
            let hour = two(11), minute = two(14), second = two(17)
            if century >= 0, yearOfCentury >= 0, month >= 0, day >= 0, hour >= 0, minute >= 0, second >= 0 {
                fields.year = century * 100 + yearOfCentury
                fields.month = month
                fields.day = day
                fields.hour = hour
                fields.minute = minute
                fields.second = second
                index += 19
                if let mark = peek(), mark == ASCII.dot || mark == ASCII.comma {
                    index += 1
                    fields.millisecond = try fraction()
                }
                try readZone(into: &fields)
                return fields
            }
        }
        fields.year = try digits(4, "a 4-digit year")
        try expect(ASCII.minus, "'-' after the year")
        fields.month = try digits(2, "a 2-digit month")
        try expect(ASCII.minus, "'-' after the month")
        fields.day = try digits(2, "a 2-digit day")
        guard let separator = peek() else { return fields }
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == ASCII.space else {
            throw error("'T' or a space between the date and the time")
        }
        index += 1
        fields.hour = try digits(2, "a 2-digit hour")
        try expect(ASCII.colon, "':' after the hour")
        fields.minute = try digits(2, "2-digit minutes")
        if peek() == ASCII.colon {
            index += 1
            fields.second = try digits(2, "2-digit seconds")
            if let mark = peek(), mark == ASCII.dot || mark == ASCII.comma {
                index += 1
                fields.millisecond = try fraction()
            }
        }
        try readZone(into: &fields)
        return fields
    }

    /// 1 to 9 digits of a second, read to the millisecond.
    private mutating func fraction() throws(TimestampError) -> Int64 {
        var milliseconds: Int64 = 0
        var count = 0
        while let byte = peek(), ASCII.isDigit(byte) {
            guard count < 9 else { throw error("at most 9 digits of fraction") }
            if count < 3 { milliseconds = milliseconds * 10 + Int64(byte - ASCII.zero) }
            count += 1
            index += 1
        }
        guard count > 0 else { throw error("digits after the decimal mark") }
        for _ in count..<max(count, 3) { milliseconds *= 10 }
        return milliseconds
    }

    /// `Z`, ` UTC`, `±hh`, `±hhmm`, `±hh:mm`, optionally after one space; or nothing.
    private mutating func readZone(into fields: inout TimestampFields) throws(TimestampError) {
        guard index < end else { return }
        let zoneStart = index
        if bytes[index] == ASCII.space { index += 1 }
        guard let sign = peek() else { throw error("a time zone after the space") }
        switch sign {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
            fields.offset = 0
        case UInt8(ascii: "U"), UInt8(ascii: "G"):
            // UTC or GMT.
            let word = end - index >= 3 ? Array(bytes[index..<(index + 3)]) : []
            guard word == Array("UTC".utf8) || word == Array("GMT".utf8) else { throw error("Z, UTC or an offset such as +02:00") }
            index += 3
            fields.offset = 0
        case ASCII.plus, ASCII.minus:
            index += 1
            let hours = try digits(2, "a 2-digit offset hour")
            var minutes: Int64 = 0
            if peek() == ASCII.colon {
                index += 1
                minutes = try digits(2, "2-digit offset minutes")
            } else if let next = peek(), ASCII.isDigit(next) {
                minutes = try digits(2, "2-digit offset minutes")
            }
            guard hours <= 23, minutes <= 59 else { throw TimestampError(problem: .invalidOffset, offset: zoneStart) }
            let offset = hours * 3600 + minutes * 60
            fields.offset = sign == ASCII.minus ? -offset : offset
        default:
            index = zoneStart
            throw error("Z, UTC or an offset such as +02:00")
        }
    }

    mutating func read(_ tokens: [TimestampFormat.PatternToken]) throws(TimestampError) -> TimestampFields {
        var fields = TimestampFields()
        for token in tokens {
            switch token {
            case .year: fields.year = try digits(4, "a 4-digit year")
            case .month: fields.month = try digits(2, "a 2-digit month")
            case .monthShort: fields.month = try shortNumber("a month")
            case .day: fields.day = try digits(2, "a 2-digit day")
            case .dayShort: fields.day = try shortNumber("a day")
            case .hour: fields.hour = try digits(2, "a 2-digit hour")
            case .hourShort: fields.hour = try shortNumber("an hour")
            case .minute: fields.minute = try digits(2, "2-digit minutes")
            case .second: fields.second = try digits(2, "2-digit seconds")
            case .millisecond: fields.millisecond = try digits(3, "3-digit milliseconds")
            case .literal(let text):
                for byte in text {
                    guard peek() == byte else { throw error("'\(String(decoding: text, as: UTF8.self))'") }
                    index += 1
                }
            }
        }
        return fields
    }
}
