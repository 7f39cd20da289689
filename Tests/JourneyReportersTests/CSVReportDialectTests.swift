import Testing
import CharterAudit
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("CSV reports for spreadsheets")
struct CSVReportDialectTests {
    typealias Fixture = ReporterFixtures

    static let excel = CSVDialect(separator: .semicolon, byteOrderMark: true)

    @Test("check: a byte order mark, then every record split by ';', cells with ';' quoted, commas left as they are")
    func checkSemicolons() {
        let gap = Fixture.gap(planned: "informal", message: "plans a; b, then =c")
        let text = CheckCSV(dialect: Self.excel).render(Fixture.result(gaps: [gap]))
        #expect(text.hasPrefix("\u{FEFF}kind;id;severity;file;line;column;brand;"))
        let records = text.split(separator: "\r\n")
        #expect(records.count == 2)
        #expect(records[1].hasPrefix("gap;formal-address;error;Journeys/aurele/first-purchase.journey.jsonc;12;20;aurele;"))
        #expect(records[1].contains(#";"plans a; b, then =c";"#))
        // Only the first record has the mark.
        #expect(text.unicodeScalars.filter { $0 == "\u{FEFF}" }.count == 1)
    }

    @Test("check: the default is RFC 4180, commas and no byte order mark")
    func checkDefault() {
        let text = CheckCSV().render(Fixture.result(gaps: [Fixture.gap(message: "a; b")]))
        #expect(text.hasPrefix("kind,id,severity,"))
        #expect(text.contains(",a; b,"))
    }

    @Test("a cell that a spreadsheet would run is guarded in either dialect, after invisible characters too")
    func formulasGuarded() {
        for dialect in [CSVDialect.standard, Self.excel] {
            let text = CheckCSV(dialect: dialect).render(Fixture.result(gaps: [
                Fixture.gap(message: "\u{00A0}\u{200B}=HYPERLINK(\"http://x\")"),
            ]))
            #expect(text.contains("\"'\u{00A0}\u{200B}=HYPERLINK(\"\"http://x\"\")\""), "\(text)")
        }
    }

    @Test("audit: the same dialect for both tables, through the same writer", arguments: AuditCSV.Part.allCases)
    func audit(part: AuditCSV.Part) async {
        let report = await AuditFixtures.audit()
        let header = part == .gaps ? AuditCSV.gapHeader : AuditCSV.header
        let text = AuditCSV(part: part, dialect: Self.excel).render(report)
        #expect(text.hasPrefix("\u{FEFF}" + header.joined(separator: ";") + "\r\n"))
        #expect(text.unicodeScalars.filter { $0 == "\u{FEFF}" }.count == 1)
        let plain = AuditCSV(part: part).render(report)
        #expect(plain.hasPrefix(header.joined(separator: ",") + "\r\n"))
        // The same records, split by ';' instead of ','.
        #expect(text.split(separator: "\r\n").count == plain.split(separator: "\r\n").count)
        #expect(text.split(separator: "\r\n").count > 1)
    }
}
