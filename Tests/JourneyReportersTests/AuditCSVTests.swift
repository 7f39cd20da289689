import Foundation
import Testing
import CharterAudit
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("Audit CSV")
struct AuditCSVTests {
    let header = "brand,segment,priority,section,key,name,owner,score,met,applicable,weighted_met,weighted_applicable,status\r\n"

    @Test func oneRowPerSegmentSectionAndItem() async {
        let text = AuditCSV(part: .scores).render(await AuditFixtures.audit())
        #expect(text == header
            + "aurele,premium,true,overall,,\"Maison <Aurèle> & Fils · Premium & \"\"VIP\"\"\",,69.2,3,5,9,13,broken\r\n"
            + "aurele,premium,true,channel,store,\"Boutique | \"\"Paris\"\"\",Retail & <Stores>,66.7,2,3,6,9,broken\r\n"
            + "aurele,premium,true,channel,email,E-mail,\"CRM | \"\"Team\"\"\",75,1,2,3,4,at-risk\r\n"
            + "aurele,premium,true,marker,formal-address,We address customers | formally,,66.7,2,3,6,9,broken\r\n"
            + "aurele,premium,true,marker,warm-tone,warm-tone,,0,0,1,0,1,at-risk\r\n"
            + "aurele,premium,true,marker,named-advisor,named-advisor,,100,1,1,3,3,kept\r\n"
            + "aurele,premium,true,journey,first-purchase,First <purchase> & more,,69.2,3,5,9,13,broken\r\n"
            + "aurele,premium,true,matrix,formal-address×store,\"We address customers | formally × Boutique | \"\"Paris\"\"\",Retail & <Stores>,50,1,2,1,2,broken\r\n"
            + "aurele,premium,true,matrix,formal-address×email,We address customers | formally × E-mail,\"CRM | \"\"Team\"\"\",100,1,1,1,1,kept\r\n"
            + "aurele,premium,true,matrix,warm-tone×email,warm-tone × E-mail,\"CRM | \"\"Team\"\"\",0,0,1,0,1,at-risk\r\n"
            + "aurele,premium,true,matrix,named-advisor×store,\"named-advisor × Boutique | \"\"Paris\"\"\",Retail & <Stores>,100,1,1,1,1,kept\r\n"
            + "aurele,newcomers,false,overall,,Maison <Aurèle> & Fils · First-time <customers>,,60,2,4,6,10,broken\r\n"
            + "aurele,newcomers,false,channel,store,\"Boutique | \"\"Paris\"\"\",Retail & <Stores>,50,1,2,3,6,broken\r\n"
            + "aurele,newcomers,false,channel,email,E-mail,\"CRM | \"\"Team\"\"\",75,1,2,3,4,at-risk\r\n"
            + "aurele,newcomers,false,marker,formal-address,We address customers | formally,,66.7,2,3,6,9,broken\r\n"
            + "aurele,newcomers,false,marker,warm-tone,warm-tone,,0,0,1,0,1,at-risk\r\n"
            + "aurele,newcomers,false,journey,first-purchase,First <purchase> & more,,60,2,4,6,10,broken\r\n"
            + "aurele,newcomers,false,matrix,formal-address×store,\"We address customers | formally × Boutique | \"\"Paris\"\"\",Retail & <Stores>,50,1,2,1,2,broken\r\n"
            + "aurele,newcomers,false,matrix,formal-address×email,We address customers | formally × E-mail,\"CRM | \"\"Team\"\"\",100,1,1,1,1,kept\r\n"
            + "aurele,newcomers,false,matrix,warm-tone×email,warm-tone × E-mail,\"CRM | \"\"Team\"\"\",0,0,1,0,1,at-risk\r\n"
        )
    }

    @Test func everyRecordHasThirteenFieldsAndItsScoreFollowsItsCounts() async {
        let records = Self.parse(AuditCSV(part: .scores).render(await AuditFixtures.audit()))
        #expect(records.count == 21)
        for record in records { #expect(record.count == 13, "\(record)") }
        for record in records.dropFirst() {
            let weightedMet = Double(record[10])!, weightedApplicable = Double(record[11])!
            let expected = (weightedMet * 1000 / weightedApplicable).rounded() / 10
            #expect(Double(record[7]) == expected, "\(record)")
        }
    }

    @Test func matrixCellsWithoutChecksAreLeftOut() async {
        let records = Self.parse(AuditCSV(part: .scores).render(await AuditFixtures.audit()))
        let cells = records.filter { $0[3] == "matrix" }.map { "\($0[1]) \($0[4])" }
        #expect(cells == [
            "premium formal-address×store", "premium formal-address×email", "premium warm-tone×email", "premium named-advisor×store",
            "newcomers formal-address×store", "newcomers formal-address×email", "newcomers warm-tone×email",
        ])
    }

    @Test func noChannelColumnAndEmptyScores() async {
        var audit = await AuditFixtures.audit()
        audit.segments[1].matrix.columns.append(ScoreMatrix.noChannel)
        audit.segments[1].matrix.cells[0].append(Score(met: 1, applicable: 2, weightedMet: 1, weightedApplicable: 2))
        audit.segments[1].matrix.cells[1].append(Score())
        audit.segments[1].byJourney[0].score = Score()
        let records = Self.parse(AuditCSV(part: .scores).render(audit))
        #expect(records.contains(["aurele", "newcomers", "false", "matrix", "formal-address×(journey)",
                                  "We address customers | formally × Journeys as a whole", "", "50", "1", "2", "1", "2", "broken"]))
        #expect(records.contains(["aurele", "newcomers", "false", "journey", "first-purchase", "First <purchase> & more", "", "", "0", "0", "0", "0", "broken"]))
        #expect(!records.contains { $0[4] == "warm-tone×(journey)" })
    }

    @Test func guardsAgainstFormulas() async {
        var audit = await AuditFixtures.audit()
        audit.segments = [audit.segments[0]]
        audit.segments[0].brand = "=HYPERLINK(\"http://evil\")"
        audit.segments[0].byChannel[0].owner = "-1+1"
        audit.segments[0].byChannel[1].name = "@SUM(A1)"
        let text = AuditCSV(part: .scores).render(audit)
        let records = text.components(separatedBy: "\r\n")
        #expect(records[1].hasPrefix("\"'=HYPERLINK(\"\"http://evil\"\")\",premium,true,overall,"))
        #expect(records[2].hasSuffix(",channel,store,\"Boutique | \"\"Paris\"\"\",'-1+1,66.7,2,3,6,9,broken"))
        #expect(records[3].hasSuffix(",channel,email,'@SUM(A1),\"CRM | \"\"Team\"\"\",75,1,2,3,4,at-risk"))
    }

    @Test func emptyAuditIsTheHeader() {
        #expect(AuditCSV(part: .scores).render(AuditFixtures.empty) == header)
    }

    @Test func gapsPartHasOneRowPerDistinctGap() async {
        let text = AuditCSV().render(await AuditFixtures.audit())
        let records = text.components(separatedBy: "\r\n").dropLast()
        #expect(records.first == AuditCSV.gapHeader.joined(separator: ","))
        // formal-address at store-visit is one gap lived by both segments: one row naming them.
        // warm-tone at welcome-mail, likewise; the accepted named-advisor gap last.
        #expect(Array(records.dropFirst()) == [
            "aurele,error,open,\"premium, newcomers\",first-purchase,store-visit,store,choose,Retail & <Stores>,formal-address,"
                + "address = formal,informal,Set address to formal at store-visit.,,Journeys/aurele/first-purchase.journey.jsonc,10,34",
            "aurele,info,open,\"premium, newcomers\",first-purchase,welcome-mail,email,discover,\"CRM | \"\"Team\"\"\",warm-tone,"
                + "tone = warm,neutral,Set tone to warm at welcome-mail.,,Journeys/aurele/first-purchase.journey.jsonc,8,52",
            "aurele,error,accepted,premium,first-purchase,store-visit,store,choose,Retail & <Stores>,named-advisor,"
                + "personalisation ≥ advisor,named,Raise personalisation to at least advisor at store-visit.,"
                + "\"Advisors join in 2026 | \"\"soon\"\" & <later>\",Journeys/aurele/first-purchase.journey.jsonc,10,81",
        ])
    }

    @Test func gapsPartOfAnEmptyAuditIsItsHeader() {
        #expect(AuditCSV().render(AuditFixtures.empty) == AuditCSV.gapHeader.joined(separator: ",") + "\r\n")
    }

    @Test func deterministic() async {
        let audit = await AuditFixtures.audit()
        #expect(AuditCSV(part: .scores).render(audit) == AuditCSV(part: .scores).render(audit))
        #expect(AuditCSV(part: .scores).render(audit) == AuditCSV(part: .scores).render(await AuditFixtures.audit()))
    }

    /// RFC 4180 records, CRLF-separated, quoted fields with doubled quotes.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field); field = ""
            } else if scalar == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
