import Testing
@testable import EventExports

/// XES event logs as process-mining tools write them, and the malformed
/// or hostile XML a reader must refuse without hanging or expanding.
@Suite("XES reader")
struct XESReaderTests {
    struct Reading: Equatable {
        /// Each event as "case|activity|timestamp|resource|lifecycle|trace#@line:column".
        var events: [String] = []
        var issues: [String] = []
    }

    static func read(_ bytes: [UInt8], chunkSize: Int? = nil, _ options: XESOptions = XESOptions()) -> Reading {
        var reading = Reading()
        var reader = XESReader(options)
        let handle: (XESOutput) -> Void = { output in
            switch output {
            case .event(let event):
                let parts = [event.caseID, event.activity, event.timestamp, event.resource, event.lifecycleTransition].map { $0 ?? "-" }
                reading.events.append(parts.joined(separator: "|") + "|\(event.trace)@\(event.location.line):\(event.location.column ?? 0)")
            case .issue(let issue):
                reading.issues.append((issue.isFatal ? "fatal " : "") + issue.description)
            }
        }
        let size = chunkSize ?? max(1, bytes.count)
        var start = 0
        while start < bytes.count {
            reader.read(Array(bytes[start..<min(start + size, bytes.count)]), handle)
            start += size
        }
        reader.finish(handle)
        return reading
    }

    static func read(_ text: String, chunkSize: Int? = nil) -> Reading { read(Array(text.utf8), chunkSize: chunkSize) }

    static let sample = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!-- exported by a help desk -->
        <log xes.version="1.0" xmlns="http://www.xes-standard.org/">
          <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
          <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
          <classifier name="Activity" keys="concept:name"/>
          <string key="concept:name" value="log name, not an event's"/>
          <trace>
            <string key="concept:name" value="C1"/>
            <string key="org:resource" value="Zoë &amp; Hugo"/>
            <event>
              <string key="concept:name" value="Ticket &lt;opened&gt;"/>
              <date key="time:timestamp" value="2026-07-03T14:05:00.000+02:00"/>
              <string key="lifecycle:transition" value='complete'/>
              <int key="minutes" value="45"/>
            </event>
            <event>
              <string key="concept:name" value="Reply &quot;sent&quot; &#233;&#x2713;"/>
              <string key="org:resource" value="Camille">
                <string key="meta" value="nested attributes are skipped"/>
              </string>
              <list key="tags"><values><string key="t" value="x"/></values></list>
            </event>
          </trace>
          <trace><string key="concept:name" value="C2"/><event><boolean key="vip" value="true"/></event></trace>
          <event><string key="concept:name" value="outside a trace"/></event>
        </log>

        """

    static let expectedEvents = [
        "C1|Ticket <opened>|2026-07-03T14:05:00.000+02:00|Zoë & Hugo|complete|1@11:5",
        "C1|Reply \"sent\" é✓|-|Camille|-|1@17:5",
        "C2|-|-|-|-|2@25:49",
        "-|outside a trace|-|-|-|0@26:3",
    ]

    @Test func eventsCarryTheirAttributesAndTheirTraces() {
        let reading = Self.read(Self.sample)
        #expect(reading.issues.isEmpty)
        #expect(reading.events == Self.expectedEvents)
    }

    @Test func attributesKeepTheirTypesAndValuesInOrder() throws {
        var reader = XESReader()
        var events: [XESEvent] = []
        reader.read(Array(Self.sample.utf8)) { if case .event(let event) = $0 { events.append(event) } }
        reader.finish { _ in }
        #expect(events.count == 4)
        #expect(events[0].attributes.map { "\($0.type.rawValue) \($0.key)=\($0.value)" } == [
            "string concept:name=Ticket <opened>", "date time:timestamp=2026-07-03T14:05:00.000+02:00",
            "string lifecycle:transition=complete", "int minutes=45",
        ])
        #expect(events[0].traceAttributes.map(\.key) == ["concept:name", "org:resource"])
        #expect(events[1].attributes.map(\.key) == ["concept:name", "org:resource"])
        #expect(events[2].attribute(forKey: "vip")?.type == .boolean)
        #expect(events[2].value(forKey: "concept:name") == "C2")
        #expect(try TimestampFormat.iso8601().instant(events[0].timestamp ?? "").millisecondsSince1970 == 1_783_080_300_000)
    }

    @Test("every chunk size gives the same events", arguments: [1, 2, 3, 7, 64, 1000])
    func chunks(_ size: Int) {
        #expect(Self.read(Self.sample, chunkSize: size) == Self.read(Self.sample))
    }

    @Test func aByteOrderMarkIsSkippedAndTakesNoColumn() {
        let reading = Self.read([0xEF, 0xBB, 0xBF] + Array("<log><trace><event/></trace></log>".utf8), chunkSize: 1)
        #expect(reading.events == ["-|-|-|-|-|1@1:13"])
        #expect(reading.issues.isEmpty)
    }

    // MARK: Malformed XML

    static let malformed: [(String, String)] = [
        ("<log><trace></log>", "fatal line 1, column 13: </log> does not close <trace>, opened at line 1, column 6"),
        ("<log><trace>", "fatal line 1, column 13: the file ends inside <trace>, opened at line 1, column 6"),
        ("<log>\n  <event", "fatal line 2, column 3: the tag that starts here is never closed with '>'"),
        ("<log><!-- never closed", "fatal line 1, column 6: the comment or declaration that starts here is never closed"),
        ("<log><string key=\"a\" value=\"x\"/></lo>", "fatal line 1, column 33: </lo> does not close <log>, opened at line 1, column 1"),
        ("<log></log><log/>", "fatal line 1, column 12: a second root element after </log>"),
        ("<trace/>", "fatal line 1, column 1: the root element is <trace>, not <log>: this is not an XES file"),
        ("", "fatal line 1, column 1: no <log> element: this is not an XES file"),
        ("hello", "fatal line 1, column 1: text outside the <log> element"),
        ("  \n hello", "fatal line 2, column 2: text outside the <log> element"),
        ("<log/>\n \t x", "fatal line 2, column 4: text outside the <log> element"),
        ("<log a=\"1\" a=\"2\"/>", "fatal line 1, column 12: the attribute 'a' is written twice"),
        ("<log a=1/>", "fatal line 1, column 8: an attribute value is written in quotes"),
        ("<log a=\"1\"b=\"2\"/>", "fatal line 1, column 11: expected a space between attributes, found 'b'"),
        ("<log><trace><string key=\"k\" value=\"a<b\"/></trace></log>", "fatal line 1, column 37: '<' in the value of the attribute 'k' must be written &lt;"),
        ("<log><trace><string key=\"k\" value=\"AT&T\"/></trace></log>", "fatal line 1, column 38: '&' starts no entity in the value of the attribute 'k'; write a literal & as &amp;"),
        ("<log><trace><string key=\"k\" value=\"&#0;\"/></trace></log>", "fatal line 1, column 36: the value of the attribute 'k' holds a character reference to a character XML does not allow"),
        // The key names the value wherever it is written; any other attribute is named as itself.
        ("<log><trace><string value=\"&x;\" key=\"k\"/></trace></log>", "fatal line 1, column 28: the value of the attribute 'k' holds an entity other than the five predefined ones (&lt; &gt; &amp; &quot; &apos;), and no other is read"),
        ("<log xes.version=\"&x;\"/>", "fatal line 1, column 19: the XML attribute 'xes.version' holds an entity other than the five predefined ones (&lt; &gt; &amp; &quot; &apos;), and no other is read"),
        ("<log><![CDATA[x]]></log>", "fatal line 1, column 6: CDATA sections are not read: XES keeps values in value=\"…\""),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><log/>", "fatal line 1, column 1: the file declares the encoding 'iso-8859-1'; only UTF-8 is read"),
        ("<log></log>\n<", "fatal line 2, column 1: the file ends inside markup"),
        ("<log><1a/></log>", "fatal line 1, column 7: expected an element name after '<'"),
    ]

    @Test("malformed XML is a fatal located issue", arguments: malformed)
    func malformedXML(_ text: String, _ message: String) {
        #expect(Self.read(text).issues == [message])
        #expect(Self.read(text, chunkSize: 1).issues == [message])
    }

    @Test("Text outside the root is reported before an invalid byte after it, in any chunks")
    func textOutsideBeforeInvalidUTF8() {
        let bytes = Array(" dossier\tboutique\n".utf8) + [0x91] + Array("\n<log/>".utf8)
        for size in [1, 3, 8, 1 << 20] {
            #expect(Self.read(bytes, chunkSize: size).issues == ["fatal line 1, column 2: text outside the <log> element"])
        }
        let inside = Array("<log><trace>".utf8) + [0x91] + Array("</trace></log>".utf8)
        #expect(Self.read(inside).issues == ["fatal line 1, column 13: invalid UTF-8"])
    }

    @Test func anAttributeWithoutKeyOrValueIsSkippedAndReadingGoesOn() {
        let reading = Self.read("<log><trace><string key=\"concept:name\"/><event><string value=\"x\"/></event></trace></log>")
        #expect(reading.issues == [
            "line 1, column 13: an attribute element needs a key and a value; it is skipped",
            "line 1, column 48: an attribute element needs a key and a value; it is skipped",
        ])
        #expect(reading.events == ["-|-|-|-|-|1@1:41"])
    }

    // MARK: Hostile input

    @Test func billionLaughsCannotExpandBecauseNoEntityCanBeDefined() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <log><trace><string key="concept:name" value="&lol2;"/></trace></log>
            """
        #expect(Self.read(laughs).issues == [
            "fatal line 2, column 1: a DOCTYPE is refused: XES needs none, and no entity but the five predefined ones is read",
        ])
        let undeclared = "<log><trace><string key=\"concept:name\" value=\"&lol9;\"/></trace></log>"
        #expect(Self.read(undeclared).issues == [
            "fatal line 1, column 47: the value of the attribute 'concept:name' holds an entity other than the five predefined ones (&lt; &gt; &amp; &quot; &apos;), and no other is read",
        ])
    }

    @Test("An entity in a value is refused without a byte of the value in the message: it may be a case id")
    func entityMessageKeepsTheValueOut() {
        let reading = Self.read("<log><trace><string key=\"concept:name\" value=\"Pierre&Dupon;\"/></trace></log>")
        #expect(reading.issues == [
            "fatal line 1, column 53: the value of the attribute 'concept:name' holds an entity other than the five predefined ones (&lt; &gt; &amp; &quot; &apos;), and no other is read",
        ])
        #expect(!reading.issues.joined().contains("Dupon"))
        #expect(!reading.issues.joined().contains("Pierre"))
    }

    @Test("Element names in messages are cut to 40 characters and escaped, however long the tag")
    func longNamesAreCut() {
        let long = String(repeating: "a", count: 900_000)
        let cut = String(repeating: "a", count: 40) + "…"
        #expect(Self.read("<log><trace></" + long + "></trace></log>").issues == [
            "fatal line 1, column 13: </\(cut)> does not close <trace>, opened at line 1, column 6",
        ])
        #expect(Self.read("<log><" + long + ">").issues == ["fatal line 1, column 900008: the file ends inside <\(cut)>, opened at line 1, column 6"])
        #expect(Self.read("<" + long + "/>").issues == ["fatal line 1, column 1: the root element is <\(cut)>, not <log>: this is not an XES file"])
        #expect(Self.read("</" + long + ">").issues == ["fatal line 1, column 1: </\(cut)> closes nothing"])
        // A name's bytes outside ASCII are name bytes: a bidirectional override is shown escaped.
        #expect(Self.read("<log></x\u{202E}y>").issues == ["fatal line 1, column 6: </x\\u{202E}y> does not close <log>, opened at line 1, column 1"])
        // Two names of 400,000 characters keep the tag within the markup limit.
        let half = String(long.prefix(400_000))
        #expect(Self.read("<log a=\"1\" \(half)=\"2\" \(half)=\"3\"/>").issues == ["fatal line 1, column 400017: the attribute '\(cut)' is written twice"])
    }

    @Test func deepNestingIsRefusedAtTheLimit() {
        let deep = "<log>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</log>"
        #expect(Self.read(deep, chunkSize: 4096).issues == [
            "fatal line 1, column 195: elements are nested more than 64 levels deep here, the most allowed",
        ])
    }

    @Test func aHugeTagIsRefusedWithoutBufferingItAll() {
        let huge = "<log><trace><string key=\"k\" value=\"" + String(repeating: "x", count: 5_000_000) + "\"/></trace></log>"
        #expect(Self.read(huge, chunkSize: 65_536).issues == [
            "fatal line 1, column 13: markup longer than 1048576 bytes, the most allowed",
        ])
    }

    @Test func anEventTooLargeIsSkippedAndTheNextRead() {
        let value = String(repeating: "y", count: 60_000)
        let attributes = (0..<100).map { "<string key=\"k\($0)\" value=\"\(value)\"/>" }.joined()
        let text = "<log><trace><event>" + attributes + "</event><event><string key=\"concept:name\" value=\"ok\"/></event></trace></log>"
        let reading = Self.read(text, chunkSize: 100_000)
        #expect(reading.issues == ["line 1, column 13: the event's attributes are larger than 4194304 bytes, the most allowed; it is skipped"])
        #expect(reading.events.count == 1)
        #expect(reading.events.first?.hasPrefix("-|ok|") == true)
    }

    @Test func invalidUTF8IsFatalAtItsPlace() {
        let bytes = Array("<log>\n<trace><string key=\"k\" value=\"".utf8) + [0xC3, 0x28] + Array("\"/></trace></log>".utf8)
        #expect(Self.read(bytes).issues == ["fatal line 2, column 31: invalid UTF-8"])
        #expect(Self.read(Array("<log>".utf8) + [0xFF] + Array("</log>".utf8), chunkSize: 1).issues == ["fatal line 1, column 6: invalid UTF-8"])
    }

    @Test func aLongRunOfCommentsAndWhitespaceStaysLinearInTinyChunks() {
        let text = "<log>" + String(repeating: "<!-- a comment > with > signs -->\n   ", count: 20_000) + "<trace><event/></trace></log>"
        let reading = Self.read(text, chunkSize: 3)
        #expect(reading.issues.isEmpty)
        #expect(reading.events == ["-|-|-|-|-|1@20001:11"])
    }
}
