import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("CSV")
struct CheckCSVTests {
    let header = "kind,id,severity,file,line,column,brand,journey,touchpoint,segment,channel,stage,expected,planned,message,suppressed_reason\r\n"

    @Test func headerAndOneRowPerFinding() {
        let text = CheckCSV().render(ReporterFixtures.mixed)
        let file = ReporterFixtures.journeyFile
        #expect(text == header
            + "diagnostic,unknown-channel,error,\(file),5,18,,,,,,,,,unknown channel 'emial'; did you mean 'email'?,\r\n"
            + "gap,formal-address,error,\(file),12,20,aurele,first-purchase,welcome-mail,newcomers,email,discover,address = formal,informal,\"welcome-mail (email, discover) plans address = informal; 'We always address customers formally' expects address = formal\",\r\n"
            + "gap,one-signature,warning,\(file),14,36,aurele,first-purchase,store-visit,premium,store,choose,one signature,two,store-visit plans another signature,\r\n"
            + "gap,warm-tone,info,\(file),8,52,aurele,first-purchase,welcome-mail,newcomers,email,discover,tone = warm,neutral,welcome-mail plans tone = neutral,\r\n"
            + "gap,named-advisor,error,\(file),13,83,aurele,first-purchase,welcome-mail,premium,email,discover,personalisation ≥ advisor,named,store-visit plans personalisation = named,Advisors join in 2026\r\n"
        )
    }

    @Test func quotesAndGuardsFields() {
        let gap = ReporterFixtures.gap(
            touchpoint: "=HYPERLINK(\"http://evil\")", segment: "+cmd", channel: "@SUM(A1)", stage: "-2",
            expected: "say \"formal\", please", planned: "line one\nline two",
            message: "\tstarts with a tab",
            suppression: SuppressionNote(reason: "\r= risky", location: SourceLocation(file: "f", line: 1, column: 1))
        )
        let rows = CheckCSV().render(ReporterFixtures.result(gaps: [gap]))
        #expect(rows == header
            + "gap,formal-address,error,\(ReporterFixtures.journeyFile),12,20,aurele,first-purchase,"
            + "\"'=HYPERLINK(\"\"http://evil\"\")\",'+cmd,'@SUM(A1),'-2,"
            // Guarded first, then the tab and the line breaks shown: no value breaks its record.
            + "\"say \"\"formal\"\", please\",line one\\u{A}line two,'\\u{9}starts with a tab,'\\u{D}= risky\r\n"
        )
    }

    @Test func emptyResultIsTheHeader() {
        #expect(CheckCSV().render(ReporterFixtures.empty) == header)
    }

    @Test func everyRecordHasSixteenFields() async {
        let loaded = await ReporterFixtures.loaded()
        let records = CheckCSV().render(loaded).components(separatedBy: "\r\n").dropLast()
        #expect(records.count == 1 + loaded.diagnostics.count + Array(loaded.gaps).count)
        // No field of the example holds a quote, so commas outside quotes split fields.
        for record in records {
            var fields = 1
            var quoted = false
            for character in record {
                if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields += 1 }
            }
            #expect(fields == 16)
        }
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckCSV().render(loaded) == CheckCSV().render(loaded))
    }
}
