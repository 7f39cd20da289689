import EventExports
import JourneyLoader
import JourneyModel
import Testing

/// `*.source.jsonc`: an export of lived journeys read against a brand's
/// journeys. Every mistake is located in the source file.
@Suite("Source files")
struct SourceFileTests {
    static let sourcePath = "Observations/acme/tickets.source.jsonc"

    static let journey = Acme.journey(#"""
    { "id": "hello", "stage": "discover", "channel": "email", "next": ["visit"] },
    { "id": "visit", "stage": "buy", "channel": "store" }
    """#)

    /// A source with `body` inside its object, after the brand and data.
    static func source(_ body: String, data: String = "tickets.csv") -> String {
        """
        {
          "source": "tickets",
          "brand": "acme",
          "data": "\(data)",
          \(body)
        }
        """
    }

    static let columns = #""columns": { "case": "ticket", "time": "at", "activity": "event", "segment": "tier" }"#

    static func load(_ source: String) async -> LoadResult {
        await JourneyLoaderTests.load([
            (Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey), (sourcePath, source),
        ])
    }

    @Test("A complete source loads with every table resolved against the brand")
    func complete() async throws {
        let text = Self.source(#"""
          "name": "Help desk tickets",
          "format": { "type": "csv", "separator": ";", "decimal": "," },
          "time": { "pattern": "dd/MM/yyyy HH:mm", "zone": "Europe/Paris" },
          "columns": { "case": "ticket", "time": "at", "activity": "event", "channel": "via", "segment": "tier", "owner": "agent" },
          "activities": { "Mail sent": "hello", "Store visit": { "touchpoint": "visit", "journey": "first" }, "Status changed": null },
          "channels": { "E-mail": "email" },
          "segments": { "Gold": "premium", "Silver": "newcomers" },
          "attributes": {
            "responseTime": { "column": "first_reply_minutes" },
            "address": { "column": "greeting", "values": { "vous": "formal", "tu": "informal" } },
            "contextCarried": { "column": "history", "true": ["oui"], "false": ["non"] },
            "winProbability": { "column": "odds", "scale": 100 },
            "signature": { "column": "signed" }
          }
        """#)
        let result = await Self.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let source = try #require(result.sources.first)
        #expect(source.id == "tickets")
        #expect(source.brand == "acme")
        #expect(source.dataPath == "Observations/acme/tickets.csv")
        #expect(source.format == .csv(separator: .semicolon))
        #expect(source.numbers == .comma)
        #expect(try source.time.instant("03/07/2026 14:05").description == "2026-07-03T12:05:00.000Z")
        #expect(source.columns.owner?.name == "agent")
        // Sorted by the bytes of their names.
        #expect(source.activities.map(\.name) == ["Mail sent", "Status changed", "Store visit"])
        #expect(source.activities.map(\.target) == [
            .touchpoint("hello", journey: nil), .ignored, .touchpoint("visit", journey: "first"),
        ])
        #expect(source.channelWords == ["E-mail": 1])
        #expect(source.segmentWords == ["Gold": 1, "Silver": 0])
        let conversions = Dictionary(uniqueKeysWithValues: source.attributes.map { ($0.column.name, $0.conversion) })
        #expect(conversions["first_reply_minutes"] == .duration(secondsPerUnit: 60))
        #expect(conversions["greeting"] == .words(["vous": 0, "tu": 1]))
        #expect(conversions["odds"] == .number(scale: 100))
        #expect(conversions["signed"] == .text)
        if case .boolean(let words) = conversions["history"] {
            #expect(words.value("Oui") == true)
            #expect(words.value("non") == false)
        } else {
            Issue.record("history is not read as yes/no words")
        }
    }

    @Test("XES sources default to the standard keys")
    func xesDefaults() async throws {
        let result = await Self.load(Self.source(#""format": "xes", "segment": "premium", "activities": { "Mail": "hello" }"#, data: "log.xes"))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let source = try #require(result.sources.first)
        #expect(source.columns.caseID.name == "concept:name")
        #expect(source.columns.time.name == "time:timestamp")
        #expect(source.columns.owner?.name == "org:resource")
        #expect(source.segment == 1)
    }

    @Test("Unknown names are located where they are written, with a did-you-mean")
    func unknownNames() async {
        let text = Self.source(#"""
          \#(Self.columns),
          "journey": "frist",
          "activities": { "Mail sent": "helo" },
          "channels": { "Mail": "emial" },
          "segments": { "Gold": "premum" },
          "attributes": { "adress": { "column": "greeting" } }
        """#)
        let result = await Self.load(text)
        let path = Self.sourcePath
        let expected: [(DiagnosticCode, String, String)] = [
            (.unknownJourney, #""frist""#, "did you mean 'first'?"),
            (.unknownTouchpoint, #""helo""#, "did you mean 'hello'?"),
            (.unknownChannel, #""emial""#, "did you mean 'email'?"),
            (.unknownSegment, #""premum""#, "did you mean 'premium'?"),
            (.unknownAttribute, #""adress""#, "did you mean 'address'?"),
        ]
        for (code, needle, hint) in expected {
            let found = result.diagnostics(code)
            #expect(found.count == 1, "\(code): \(result.listing)")
            #expect(found.first?.location == location(of: needle, in: text, file: path))
            #expect(found.first?.message.hasSuffix(hint) == true, "\(found.first?.message ?? "")")
        }
        #expect(result.sources.isEmpty)
    }

    @Test("A data path that leaves the workspace is refused at the path")
    func confinedData() async {
        for data in ["/etc/passwd", "../../../outside.csv", "../../../../tmp/x.csv"] {
            let text = Self.source(#"\#(Self.columns), "activities": { "Mail": "hello" }"#, data: data)
            let result = await Self.load(text)
            let found = result.diagnostics(.dataOutsideWorkspace)
            #expect(found.count == 1, "\(data): \(result.listing)")
            #expect(found.first?.location == location(of: "\"\(data)\"", in: text, file: Self.sourcePath))
        }
        // Up to a folder shared by brands, inside the workspace: accepted.
        let shared = await Self.load(Self.source(#"\#(Self.columns), "activities": { "Mail": "hello" }"#, data: "../exports/./tickets.csv"))
        #expect(shared.diagnostics.isEmpty, "\(shared.listing)")
        #expect(shared.sources.first?.dataPath == "Observations/exports/tickets.csv")
    }

    @Test("Data paths resolve by their letters, confined to the workspace")
    func dataPathRules() {
        #expect(DataPath.resolve("a.csv", besides: "Observations/x/s.source.jsonc") == .success("Observations/x/a.csv"))
        #expect(DataPath.resolve("../../a.csv", besides: "Observations/x/s.source.jsonc") == .success("a.csv"))
        #expect(DataPath.resolve("a.csv", besides: "/work/ws/s.source.jsonc") == .success("/work/ws/a.csv"))
        #expect((try? DataPath.resolve("../a.csv", besides: "/work/ws/s.source.jsonc").get()) == nil)
        #expect((try? DataPath.resolve("sub/", besides: "s.source.jsonc").get()) == nil)
        #expect((try? DataPath.resolve("a\\b.csv", besides: "s.source.jsonc").get()) == nil)
        #expect((try? DataPath.resolve("", besides: "s.source.jsonc").get()) == nil)
    }

    @Test("A bad time pattern is located at the character at fault; an unknown zone at the zone")
    func timeMistakes() async {
        let text = Self.source(#"""
          \#(Self.columns), "activities": { "Mail": "hello" },
          "time": { "pattern": "dd/MM/yyyy HH:mm:ss.fff", "zone": "Europe/Pariss" }
        """#)
        let result = await Self.load(text)
        let found = result.diagnostics(.invalidValue)
        #expect(found.count == 1, "\(result.listing)")
        // The zone makes the time unusable: the pattern is not compiled, so its mistake waits for the next run.
        #expect(found.first?.location == location(of: #""Europe/Pariss""#, in: text, file: Self.sourcePath))
        #expect(found.first?.message.hasPrefix("unknown time zone 'Europe/Pariss'") == true)
        let patternOnly = Self.source(#"""
          \#(Self.columns), "activities": { "Mail": "hello" },
          "time": { "pattern": "dd/MM/yyyy HH:mm:ss.fff" }
        """#)
        let second = await Self.load(patternOnly)
        let pattern = second.diagnostics(.invalidValue)
        #expect(pattern.count == 1, "\(second.listing)")
        #expect(pattern.first?.location == location(of: "fff", in: patternOnly, file: Self.sourcePath))
        #expect(pattern.first?.message.contains("'fff' is not a pattern field") == true)
    }

    @Test("Missing fields, a source without segment, and conversions that cannot be made")
    func missingAndInvalid() async {
        let noSegment = Self.source(#""columns": { "case": "c", "time": "t", "activity": "a" }, "activities": { "Mail": "hello" }"#)
        let first = await Self.load(noSegment)
        #expect(first.diagnostics(.missingField).map(\.message) == [
            "a source needs a segment: a 'segment' column in 'columns', or a fixed 'segment' for every case",
        ])
        let noColumns = await Self.load(#"{ "source": "t", "brand": "acme", "segment": "premium" }"#)
        #expect(Set(noColumns.diagnostics(.missingField).map(\.message)) == [
            "a source file needs 'data'", "a source file needs 'activities'",
            "a csv source (which columns give the case, the time and the activity) needs 'columns'",
        ])
        let conversions = Self.source(#"""
          \#(Self.columns), "activities": { "Mail": "hello" },
          "format": { "separator": "ab", "decimal": ";" },
          "attributes": {
            "responseTime": { "column": "reply" },
            "address": { "column": "greeting", "values": { "vous": "formel" } },
            "winProbability": { "column": "odds", "scale": 0 }
          }
        """#)
        let third = await Self.load(conversions)
        let messages = third.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("a separator is one ASCII character") })
        #expect(messages.contains { $0.hasPrefix("the decimal separator is") })
        #expect(messages.contains { $0.hasPrefix("say what unit the column counts in") })
        #expect(messages.contains { $0.hasPrefix("'formel' is not a value of 'address'") })
        #expect(messages.contains { $0 == "'scale' multiplies each value; it cannot be 0" })
        #expect(third.sources.isEmpty)
    }

    /// Loads a brand with `count` extra text attributes (`extra0`, `extra1`…,
    /// after Acme's own) and a source mapping the ones in `mapped` to columns.
    static func loadWithExtraAttributes(_ count: Int, mapped: some Sequence<Int>) async -> LoadResult {
        let extra = (0..<count).map { #""extra\#($0)": { "type": "text" },"# }.joined()
        let brand = Acme.brand().replacingOccurrences(of: #""attributes": {"#, with: #""attributes": {\#(extra)"#)
        let attributes = mapped.map { #""extra\#($0)": { "column": "c\#($0)" }"# }.joined(separator: ", ")
        let source = Self.source(#"\#(Self.columns), "activities": { "Mail": "hello" }, "attributes": { \#(attributes) }"#)
        return await JourneyLoaderTests.load([(Acme.brandPath, brand), (Acme.journeyPath, journey), (sourcePath, source)])
    }

    @Test("A source maps at most 255 lived attributes, each among the brand's first 65,536")
    func attributeLimits() async throws {
        let most = await Self.loadWithExtraAttributes(300, mapped: 0..<255)
        #expect(most.diagnostics.isEmpty, "\(most.listing)")
        #expect(try #require(most.sources.first).attributes.count == 255)

        let tooMany = await Self.loadWithExtraAttributes(300, mapped: 0..<256)
        #expect(tooMany.diagnostics.map(\.message) == ["a source can map at most 255 lived attributes; this one maps 256"])
        #expect(tooMany.diagnostics.map(\.location.file) == [Self.sourcePath])
        #expect(tooMany.sources.isEmpty)

        // In the brand's order: extra65535 is its 65,536th attribute, extra65536 the next.
        let farOut = await Self.loadWithExtraAttributes(65_537, mapped: [65_535, 65_536])
        #expect(farOut.diagnostics.map(\.message) == [
            "'extra65536' is attribute 65537 of the brand; lived values can be read for its first 65536 attributes only",
        ])
        #expect(farOut.sources.isEmpty)
    }

    @Test("Source files are told by their name, or by a top-level \"source\" key")
    func fileKinds() async {
        #expect(FileKind(path: "Observations/a/x.source.jsonc") == .source)
        let sniffed = await JourneyLoaderTests.load([
            (Acme.brandPath, Acme.brand()), (Acme.journeyPath, Self.journey),
            ("Observations/acme/tickets.jsonc", Self.source(#"\#(Self.columns), "activities": { "Mail": "hello" }"#)),
        ])
        #expect(sniffed.diagnostics.isEmpty, "\(sniffed.listing)")
        #expect(sniffed.sources.map(\.id) == ["tickets"])
    }
}
