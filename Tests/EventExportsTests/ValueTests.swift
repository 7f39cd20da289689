import Testing
@testable import EventExports

/// Numbers, yes/no words and durations in the forms exports write them.
@Suite("Values")
struct ValueTests {
    static let commaForms: [(String, Double)] = [
        ("1 234,5", 1234.5), ("1.234,5", 1234.5), ("1\u{A0}234,5", 1234.5), ("1\u{202F}234\u{202F}567,25", 1_234_567.25),
        ("1'234,5", 1234.5), ("-12,75", -12.75), ("\u{2212}3", -3), ("+4", 4), ("0,5", 0.5), (",5", 0.5), ("42", 42),
        ("35%", 0.35), ("35 %", 0.35), ("12,5 %", 0.125), ("1,5E3", 1500), ("  7  ", 7),
    ]

    @Test("decimal comma", arguments: commaForms)
    func comma(_ text: String, _ expected: Double) throws {
        #expect(try NumberFormat.comma.value(text) == expected)
    }

    static let periodForms: [(String, Double)] = [
        ("1,234.5", 1234.5), ("1 234.5", 1234.5), ("1,234,567", 1_234_567), ("1’234.5", 1234.5), ("-0.25", -0.25),
        ("35%", 0.35), ("100%", 1), ("1e-3", 0.001), ("2700", 2700),
    ]

    @Test("decimal period", arguments: periodForms)
    func period(_ text: String, _ expected: Double) throws {
        #expect(try NumberFormat.period.value(text) == expected)
    }

    static let invalidForms: [(NumberFormat, String, NumberFormat.Failure)] = [
        // With a period for decimals, "1,5" would be fifteen: refused.
        (.period, "1,5", .init(problem: .misplacedGroupSeparator, offset: 1)),
        (.period, "1,2345", .init(problem: .misplacedGroupSeparator, offset: 1)),
        (.period, "12,34,567", .init(problem: .misplacedGroupSeparator, offset: 5)),
        (.period, "1234,567", .init(problem: .misplacedGroupSeparator, offset: 4)),
        (.comma, "1.234.56", .init(problem: .misplacedGroupSeparator, offset: 5)),
        (.comma, "1.234 567", .init(problem: .misplacedGroupSeparator, offset: 5)),
        (.period, "1.234,5", .init(problem: .unexpectedCharacter, offset: 5)),
        (.comma, "12abc", .init(problem: .unexpectedCharacter, offset: 2)),
        (.comma, "abc", .init(problem: .noDigits, offset: 0)),
        (.comma, "", .init(problem: .empty, offset: 0)),
        (.comma, "%", .init(problem: .noDigits, offset: 0)),
        (.period, "1e", .init(problem: .unexpectedCharacter, offset: 2)),
        (.period, "1e999", .init(problem: .unexpectedCharacter, offset: 0)),
    ]

    @Test("numbers that are not", arguments: invalidForms)
    func invalidNumbers(_ format: NumberFormat, _ text: String, _ expected: NumberFormat.Failure) {
        #expect(throws: expected) { try format.value(text) }
    }

    @Test func onlyPeriodAndCommaSeparateDecimals() {
        #expect(NumberFormat(decimalSeparator: ",") == .comma)
        #expect(NumberFormat(decimalSeparator: ".") == .period)
        #expect(NumberFormat(decimalSeparator: ";") == nil)
    }

    // MARK: Booleans

    @Test func standardWordsInAnyCaseAndSpacing() {
        let words = BooleanWords.standard
        for text in ["true", "TRUE", "Yes", "y", "1", " oui ", "Vrai"] { #expect(words.value(text) == true, "\(text)") }
        for text in ["false", "No", "N", "0", "non", "FAUX"] { #expect(words.value(text) == false, "\(text)") }
        for text in ["", "  ", "maybe", "2", "x"] { #expect(words.value(text) == nil, "\(text)") }
    }

    @Test func aCheckmarkColumnReadsAnEmptyCellAsFalse() {
        #expect(BooleanWords.checkmark.value("x") == true)
        #expect(BooleanWords.checkmark.value("X") == true)
        #expect(BooleanWords.checkmark.value("✓") == true)
        #expect(BooleanWords.checkmark.value("") == false)
        #expect(BooleanWords.checkmark.value("no") == nil)
    }

    @Test func declaredWords() {
        let words = BooleanWords(true: ["ja", "Sí"], false: ["nein"], empty: false)
        #expect(words.value("JA") == true)
        #expect(words.value("sí") == true)
        #expect(words.value("nein") == false)
        #expect(words.value("") == false)
        #expect(words.value("yes") == nil)
    }

    // MARK: Durations

    @Test func durationsInTheirUnitToMilliseconds() {
        #expect(DurationUnit.minutes.milliseconds(45) == 2_700_000)
        #expect(DurationUnit.hours.milliseconds(1.5) == 5_400_000)
        #expect(DurationUnit.days.milliseconds(2) == 172_800_000)
        #expect(DurationUnit.weeks.milliseconds(1) == 604_800_000)
        #expect(DurationUnit.seconds.milliseconds(0.0004) == 0)
        #expect(DurationUnit.milliseconds.milliseconds(250) == 250)
        #expect(DurationUnit.minutes.milliseconds(-3) == -180_000)
        #expect(DurationUnit.minutes.milliseconds(.infinity) == nil)
        #expect(DurationUnit.weeks.milliseconds(1e15) == nil)
    }

    @Test func aColumnNameSaysItsUnit() {
        #expect(DurationUnit(columnName: "first_reply_minutes") == .minutes)
        #expect(DurationUnit(columnName: "Handle time (s)") == nil)
        #expect(DurationUnit(columnName: "handle_time_s") == .seconds)
        #expect(DurationUnit(columnName: "wait-ms") == .milliseconds)
        #expect(DurationUnit(columnName: "resolution hours") == .hours)
        #expect(DurationUnit(columnName: "days") == nil)
        #expect(DurationUnit(columnName: "minutes_count") == nil)
    }

    @Test func aCSVFieldReadsAsNumberAndWord() throws {
        var reader = CSVReader(CSVOptions(separator: .semicolon, hasHeader: false))
        var read: [String] = []
        reader.read(Array("1 234,5;oui;45\n".utf8)) { event in
            guard case .record(let record) = event else { return }
            let number = try? NumberFormat.comma.value(record[0])
            let flag = BooleanWords.standard.value(record[1])
            let duration = (try? NumberFormat.comma.value(record[2])).flatMap(DurationUnit.minutes.milliseconds)
            read.append("\(number ?? -1) \(flag ?? false) \(duration ?? -1)")
        }
        #expect(read == ["1234.5 true 2700000"])
    }
}
