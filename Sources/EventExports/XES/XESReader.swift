import Foundation

/// Limits that keep a hostile XES file from taking unbounded memory.
public struct XESOptions: Sendable, Equatable {
    /// The deepest nesting of elements.
    public var maximumDepth: Int
    /// The longest single tag, comment or declaration, in bytes.
    public var maximumMarkupLength: Int
    /// The most decoded attribute bytes one event (or one trace) holds.
    public var maximumAttributeBytes: Int

    public init(maximumDepth: Int = 64, maximumMarkupLength: Int = 1 << 20, maximumAttributeBytes: Int = 4 << 20) {
        self.maximumDepth = max(1, maximumDepth)
        self.maximumMarkupLength = min(max(16, maximumMarkupLength), Int(Int32.max))
        self.maximumAttributeBytes = min(max(1, maximumAttributeBytes), Int(Int32.max))
    }
}

/// A problem in an XES file, where it is. A fatal one (malformed XML)
/// ends the reading; the others skip one attribute or event.
public struct XESIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// Line and column (Unicode scalars, 1-based).
    public let location: ExportLocation
    public let isFatal: Bool

    public var description: String { "\(location): \(message)" }
}

public enum XESOutput: Sendable {
    case event(XESEvent)
    case issue(XESIssue)
}

/// A streaming reader of XES (IEEE 1849-2016) event logs, fed chunks of
/// any size.
///
/// It reads the subset of XML that XES uses: elements, attributes in
/// single or double quotes, the five predefined entities (`&lt;` `&gt;`
/// `&amp;` `&quot;` `&apos;`) and character references (`&#233;`,
/// `&#xE9;`), comments, processing instructions and the XML declaration
/// (whose encoding must be UTF-8). A DOCTYPE and CDATA sections are
/// refused with a message, so no entity can be defined and none can
/// expand; text between elements is ignored.
///
/// `<log>` holds `<trace>`s, a trace holds `<event>`s; each event is
/// handed over when it closes, with its attributes and the trace
/// attributes written before it. Attributes are the elements `string`,
/// `date`, `int`, `float`, `boolean` and `id` with a `key` and a `value`;
/// the attributes nested inside them, lists, containers, log attributes,
/// `extension`, `global` and `classifier` are skipped.
///
/// Malformed XML is a fatal ``XESIssue`` at its line and column; nesting,
/// tag length and attribute bytes per event are bounded (``XESOptions``).
public struct XESReader: Sendable {
    public let options: XESOptions
    /// Events delivered so far.
    public private(set) var eventCount = 0

    private enum Role: Sendable {
        case log, trace, event
        /// An attribute being read: its children are skipped.
        case attribute
        /// An element whose content is skipped.
        case skipped
    }

    private struct OpenElement: Sendable {
        let name: [UInt8]
        let role: Role
        let location: ExportLocation
    }

    private var buffer: [UInt8] = []
    /// The next byte to read in `buffer`.
    private var position = 0
    /// The line and column of `buffer[position]`.
    private var textPosition = TextPosition()
    /// Where the search for the end of the current markup resumes, and in
    /// which quote it was.
    private var searchFrom = 0
    private var searchQuote: UInt8 = 0
    private var stack: [OpenElement] = []
    private var sawRoot = false
    private var sawRootEnd = false
    private var failed = false
    private var checkedByteOrderMark = false

    private var traceNumber = 0
    private var traceAttributes = XESAttributes()
    private var eventAttributes = XESAttributes()
    private var eventLocation = ExportLocation(line: 1, column: 1)
    private var eventIsTooLarge = false
    private var traceIsTooLarge = false

    public init(_ options: XESOptions = XESOptions()) {
        self.options = options
    }

    /// Reads the next chunk.
    public mutating func read(_ chunk: [UInt8], _ handle: (XESOutput) -> Void) {
        guard !failed else { return }
        if position > 0, position >= buffer.count / 2 || position > 1 << 16 {
            buffer.removeSubrange(0..<position)
            searchFrom -= position
            position = 0
        }
        buffer.append(contentsOf: chunk)
        parse(isFinal: false, handle)
    }

    /// Ends the input: reports elements still open.
    public mutating func finish(_ handle: (XESOutput) -> Void) {
        guard !failed else { return }
        parse(isFinal: true, handle)
        guard !failed else { return }
        if let open = stack.last {
            fail("the file ends inside <\(Quoted.word(open.name))>, opened at \(open.location)", at: position, handle)
        } else if !sawRoot {
            fail("no <log> element: this is not an XES file", at: position, handle)
        }
    }

    // MARK: - Markup

    private mutating func parse(isFinal: Bool, _ handle: (XESOutput) -> Void) {
        if !checkedByteOrderMark {
            guard buffer.count >= 3 || isFinal else { return }
            checkedByteOrderMark = true
            // A byte order mark takes no column.
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                position = 3
                searchFrom = 3
            }
        }
        while position < buffer.count, !failed {
            if buffer[position] != ASCII.lessThan {
                guard skipText(isFinal: isFinal, handle) else { return }
                continue
            }
            guard let end = markupEnd(isFinal: isFinal, handle) else { return }
            let markup = position..<end
            markupRead(markup, handle)
            guard !failed else { return }
            consume(upTo: end)
        }
    }

    private mutating func consume(upTo end: Int) {
        buffer.withUnsafeBufferPointer { bytes in
            textPosition.advance(over: UnsafeBufferPointer(rebasing: bytes[position..<end]))
        }
        position = end
        searchFrom = end
        searchQuote = 0
    }

    /// Skips text up to the next `<`, checking its UTF-8; false when more
    /// bytes are needed.
    private mutating func skipText(isFinal: Bool, _ handle: (XESOutput) -> Void) -> Bool {
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            return memchr(base + position, Int32(ASCII.lessThan), bytes.count - position).map {
                UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
            }
        }
        var end = found ?? buffer.count
        if found == nil, !isFinal {
            // Keep a character cut by the chunk's end for the next chunk.
            var back = 0
            while end > position, back < 3, buffer[end - 1] & 0xC0 == 0x80 {
                end -= 1
                back += 1
            }
            if end > position, buffer[end - 1] >= 0xC0 { end -= 1 }
        }
        guard end > position else { return false }
        // Outside the root, the first byte that is not a space is the fault,
        // wherever the chunks end (an invalid byte after it is not reached).
        if sawRootEnd || !sawRoot,
            let text = buffer[position..<end].firstIndex(where: { $0 != ASCII.space && $0 != ASCII.tab && $0 != ASCII.lineFeed && $0 != ASCII.carriageReturn })
        {
            fail("text outside the <log> element", at: text, handle)
            return false
        }
        let invalid = buffer.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: $0[position..<end])) }
        if let invalid {
            fail("invalid UTF-8", at: position + invalid, handle)
            return false
        }
        consume(upTo: end)
        return found != nil || isFinal
    }

    /// The index just past the markup that starts at `position`, or nil
    /// when it is not complete yet (or is refused).
    private mutating func markupEnd(isFinal: Bool, _ handle: (XESOutput) -> Void) -> Int? {
        let available = buffer.count - position
        func starts(with text: String) -> Bool? {
            let prefix = Array(text.utf8)
            if available < prefix.count {
                return buffer[position...].elementsEqual(prefix.prefix(available)) ? nil : false
            }
            return buffer[position..<(position + prefix.count)].elementsEqual(prefix)
        }
        var terminator: [UInt8] = [ASCII.greaterThan]
        var quotesMatter = true
        switch (starts(with: "<!--"), starts(with: "<?"), starts(with: "<!")) {
        case (true, _, _):
            terminator = Array("-->".utf8)
            quotesMatter = false
        case (_, true, _):
            terminator = Array("?>".utf8)
            quotesMatter = false
        case (nil, _, _), (_, nil, _):
            if isFinal { fail("the file ends inside markup", at: position, handle) }
            return nil
        case (false, false, true):
            if starts(with: "<![CDATA[") == true {
                fail("CDATA sections are not read: XES keeps values in value=\"…\"", at: position, handle)
            } else if starts(with: "<!DOCTYPE") == true {
                fail("a DOCTYPE is refused: XES needs none, and no entity but the five predefined ones is read", at: position, handle)
            } else if starts(with: "<![CDATA[") == nil || starts(with: "<!DOCTYPE") == nil, !isFinal {
                return nil
            } else {
                fail("'<!' starts neither a comment nor anything XES uses", at: position, handle)
            }
            return nil
        default:
            break
        }
        var index = max(searchFrom, position + 1)
        var quote = searchQuote
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let byte = bytes[index]
                if quotesMatter {
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == ASCII.quote || byte == ASCII.apostrophe {
                        quote = byte
                    } else if byte == ASCII.greaterThan {
                        return index + 1
                    }
                } else if byte == terminator[terminator.count - 1], index + 1 - terminator.count > position,
                          bytes[(index + 1 - terminator.count)...index].elementsEqual(terminator) {
                    return index + 1
                }
                index += 1
            }
            return nil
        }
        if let found {
            guard found - position <= options.maximumMarkupLength else {
                fail("markup longer than \(options.maximumMarkupLength) bytes, the most allowed", at: position, handle)
                return nil
            }
            return found
        }
        searchFrom = index
        searchQuote = quote
        if buffer.count - position > options.maximumMarkupLength {
            fail("markup longer than \(options.maximumMarkupLength) bytes, the most allowed", at: position, handle)
        } else if isFinal {
            fail(quotesMatter ? "the tag that starts here is never closed with '>'" : "the comment or declaration that starts here is never closed", at: position, handle)
        }
        return nil
    }

    private mutating func markupRead(_ range: Range<Int>, _ handle: (XESOutput) -> Void) {
        let bytes = buffer
        let invalid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: $0[range])) }
        if let invalid {
            fail("invalid UTF-8", at: range.lowerBound + invalid, handle)
            return
        }
        switch bytes[range.lowerBound + 1] {
        case ASCII.exclamationMark:
            return  // a comment
        case ASCII.questionMark:
            declarationRead(bytes[range], handle)
        case ASCII.slash:
            endTagRead(bytes, range, handle)
        default:
            do throws(MarkupFailure) {
                let tag = try TagParser.parse(bytes, range)
                startTagRead(tag, at: range.lowerBound, handle)
            } catch {
                fail(error.message, at: error.offset, handle)
            }
        }
    }

    private mutating func declarationRead(_ text: ArraySlice<UInt8>, _ handle: (XESOutput) -> Void) {
        let content = String(decoding: text, as: UTF8.self)
        guard content.hasPrefix("<?xml "), let range = content.range(of: "encoding=") else { return }
        let rest = content[range.upperBound...].dropFirst()
        let encoding = rest.prefix { $0 != "\"" && $0 != "'" }.lowercased()
        if encoding != "utf-8", encoding != "utf8" {
            fail("the file declares the encoding '\(Quoted.word(encoding))'; only UTF-8 is read", at: text.startIndex, handle)
        }
    }

    // MARK: - Elements

    private mutating func startTagRead(_ tag: TagParser.Tag, at offset: Int, _ handle: (XESOutput) -> Void) {
        guard stack.count < options.maximumDepth else {
            fail("elements are nested more than \(options.maximumDepth) levels deep here, the most allowed", at: offset, handle)
            return
        }
        let location = locate(offset)
        let name = tag.name
        let parent = stack.last?.role
        let role: Role
        switch parent {
        case nil:
            guard !sawRoot else {
                fail("a second root element after </log>", at: offset, handle)
                return
            }
            guard name == Array("log".utf8) else {
                fail("the root element is <\(Quoted.word(name))>, not <log>: this is not an XES file", at: offset, handle)
                return
            }
            sawRoot = true
            role = .log
        case .log?:
            if name == Array("trace".utf8) {
                traceNumber += 1
                traceAttributes = XESAttributes()
                traceIsTooLarge = false
                role = .trace
            } else if name == Array("event".utf8) {
                role = .event
            } else {
                role = .skipped
            }
        case .trace?:
            if name == Array("event".utf8) {
                role = .event
            } else if let type = name.withUnsafeBufferPointer({ XESAttributeType(elementName: $0) }) {
                attributeRead(tag, type: type, into: .trace, at: location, handle)
                role = .attribute
            } else {
                role = .skipped
            }
        case .event?:
            if let type = name.withUnsafeBufferPointer({ XESAttributeType(elementName: $0) }) {
                attributeRead(tag, type: type, into: .event, at: location, handle)
                role = .attribute
            } else {
                role = .skipped
            }
        case .attribute?, .skipped?:
            role = .skipped
        }
        if role == .event {
            eventAttributes.removeAll()
            eventLocation = location
            eventIsTooLarge = false
        }
        if tag.isEmpty {
            elementClosed(role, handle)
        } else {
            stack.append(OpenElement(name: name, role: role, location: location))
        }
    }

    private enum AttributeOwner { case trace, event }

    private mutating func attributeRead(
        _ tag: TagParser.Tag, type: XESAttributeType, into owner: AttributeOwner, at location: ExportLocation,
        _ handle: (XESOutput) -> Void
    ) {
        guard let key = tag.value(of: "key"), let value = tag.value(of: "value") else {
            handle(.issue(XESIssue(message: "an attribute element needs a key and a value; it is skipped", location: location, isFatal: false)))
            return
        }
        switch owner {
        case .trace:
            guard !traceIsTooLarge else { return }
            if traceAttributes.byteCount + key.count + value.count > options.maximumAttributeBytes {
                traceIsTooLarge = true
                handle(.issue(XESIssue(
                    message: "the trace's attributes are larger than \(options.maximumAttributeBytes) bytes, the most allowed; the rest are skipped",
                    location: location, isFatal: false
                )))
                return
            }
            traceAttributes.append(type: type, key: key, value: value)
        case .event:
            guard !eventIsTooLarge else { return }
            if eventAttributes.byteCount + key.count + value.count > options.maximumAttributeBytes {
                eventIsTooLarge = true
                eventAttributes.removeAll()
                return
            }
            eventAttributes.append(type: type, key: key, value: value)
        }
    }

    private mutating func endTagRead(_ bytes: [UInt8], _ range: Range<Int>, _ handle: (XESOutput) -> Void) {
        var nameEnd = range.lowerBound + 2
        while nameEnd < range.upperBound - 1, TagParser.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        let name = Array(bytes[(range.lowerBound + 2)..<nameEnd])
        var rest = nameEnd
        while rest < range.upperBound - 1, TagParser.isSpace(bytes[rest]) { rest += 1 }
        guard !name.isEmpty, rest == range.upperBound - 1 else {
            fail("a closing tag is written </name>", at: range.lowerBound, handle)
            return
        }
        guard let open = stack.last else {
            fail("</\(Quoted.word(name))> closes nothing", at: range.lowerBound, handle)
            return
        }
        guard open.name == name else {
            fail(
                "</\(Quoted.word(name))> does not close <\(Quoted.word(open.name))>, opened at \(open.location)",
                at: range.lowerBound, handle
            )
            return
        }
        stack.removeLast()
        elementClosed(open.role, handle)
    }

    private mutating func elementClosed(_ role: Role, _ handle: (XESOutput) -> Void) {
        switch role {
        case .event:
            if eventIsTooLarge {
                handle(.issue(XESIssue(
                    message: "the event's attributes are larger than \(options.maximumAttributeBytes) bytes, the most allowed; it is skipped",
                    location: eventLocation, isFatal: false
                )))
            } else {
                eventCount += 1
                let inTrace = stack.last?.role == .trace
                handle(.event(XESEvent(
                    attributes: eventAttributes, traceAttributes: inTrace ? traceAttributes : XESAttributes(),
                    trace: inTrace ? traceNumber : 0, location: eventLocation
                )))
            }
            eventAttributes.removeAll()
        case .log:
            sawRootEnd = true
        case .trace, .attribute, .skipped:
            break
        }
    }

    // MARK: - Positions and failures

    private func locate(_ offset: Int) -> ExportLocation {
        let position = buffer.withUnsafeBufferPointer { bytes in
            textPosition.after(UnsafeBufferPointer(rebasing: bytes[self.position..<min(max(offset, self.position), bytes.count)]))
        }
        return ExportLocation(line: position.line, column: position.column)
    }

    private mutating func fail(_ message: String, at offset: Int, _ handle: (XESOutput) -> Void) {
        guard !failed else { return }
        failed = true
        handle(.issue(XESIssue(message: message, location: locate(offset), isFatal: true)))
    }
}

struct MarkupFailure: Error {
    let message: String
    let offset: Int
}

/// Parses one start tag: its name, its attributes with entities decoded.
enum TagParser {
    struct Tag {
        let name: [UInt8]
        var attributes: [(name: [UInt8], value: [UInt8])]
        let isEmpty: Bool

        func value(of name: String) -> [UInt8]? {
            let wanted = Array(name.utf8)
            return attributes.first { $0.name == wanted }?.value
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lineFeed || byte == ASCII.carriageReturn
    }

    /// Letters, digits, `_ : - .` and any byte of a non-ASCII character.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), ASCII.zero...ASCII.nine,
            UInt8(ascii: "_"), ASCII.colon, ASCII.minus, ASCII.dot, 0x80...0xFF:
            true
        default:
            false
        }
    }

    static func parse(_ bytes: [UInt8], _ range: Range<Int>) throws(MarkupFailure) -> Tag {
        var index = range.lowerBound + 1
        var end = range.upperBound - 1  // at '>'
        var isEmpty = false
        if end > index, bytes[end - 1] == ASCII.slash {
            isEmpty = true
            end -= 1
        }
        let nameStart = index
        while index < end, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, !ASCII.isDigit(bytes[nameStart]), bytes[nameStart] != ASCII.minus, bytes[nameStart] != ASCII.dot else {
            throw MarkupFailure(message: "expected an element name after '<'", offset: nameStart)
        }
        var tag = Tag(name: Array(bytes[nameStart..<index]), attributes: [], isEmpty: isEmpty)
        var names = Set<[UInt8]>()
        // Values are decoded once the tag is read, so that a value's fault
        // can name the attribute's key, wherever the key is written.
        var written: [(name: [UInt8], value: Range<Int>)] = []
        while true {
            let beforeSpace = index
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end else { break }
            guard index > beforeSpace else {
                throw MarkupFailure(message: "expected a space between attributes, found \(ASCII.describe(bytes[index]))", offset: index)
            }
            let attributeStart = index
            while index < end, isNameByte(bytes[index]) { index += 1 }
            guard index > attributeStart else {
                throw MarkupFailure(message: "expected an attribute name, found \(ASCII.describe(bytes[index]))", offset: index)
            }
            let name = Array(bytes[attributeStart..<index])
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == ASCII.equals else {
                throw MarkupFailure(message: "expected '=' after the attribute name", offset: index)
            }
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == ASCII.quote || bytes[index] == ASCII.apostrophe else {
                throw MarkupFailure(message: "an attribute value is written in quotes", offset: index)
            }
            let quote = bytes[index]
            index += 1
            let valueStart = index
            while index < end, bytes[index] != quote { index += 1 }
            guard index < end else { throw MarkupFailure(message: "the attribute value is never closed", offset: valueStart - 1) }
            let value = valueStart..<index
            index += 1
            guard names.insert(name).inserted else {
                throw MarkupFailure(message: "the attribute '\(Quoted.word(name))' is written twice", offset: attributeStart)
            }
            written.append((name, value))
        }
        tag.attributes.reserveCapacity(written.count)
        for (name, value) in written {
            let decoded = try decodeEntities(bytes, value) { subject(name, bytes, written) }
            tag.attributes.append((name, decoded))
        }
        return tag
    }

    /// An attribute as a message names it: an XES value by its key
    /// (`the value of the attribute 'concept:name'`), anything else by its
    /// XML name.
    private static func subject(_ name: [UInt8], _ bytes: [UInt8], _ written: [(name: [UInt8], value: Range<Int>)]) -> String {
        if name == Array("value".utf8), let key = written.first(where: { $0.name == Array("key".utf8) }),
           let text = try? decodeEntities(bytes, key.value, subject: { "" }) {
            return "the value of the attribute '\(Quoted.word(text))'"
        }
        return "the XML attribute '\(Quoted.word(name))'"
    }

    /// The five predefined entities and character references; anything
    /// else after `&` is an error, and `<` is not allowed in a value. A
    /// fault names the attribute (`subject`), never the value's text: a
    /// value may be a case id or a person's name, which `--redact` hides.
    static func decodeEntities(_ bytes: [UInt8], _ range: Range<Int>, subject: () -> String) throws(MarkupFailure) -> [UInt8] {
        guard bytes[range].contains(where: { $0 == ASCII.ampersand || $0 == ASCII.lessThan }) else { return Array(bytes[range]) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ASCII.lessThan {
                throw MarkupFailure(message: "'<' in \(subject()) must be written &lt;", offset: index)
            }
            guard byte == ASCII.ampersand else {
                decoded.append(byte)
                index += 1
                continue
            }
            var semicolon = index + 1
            while semicolon < range.upperBound, semicolon - index <= 12, bytes[semicolon] != ASCII.semicolon { semicolon += 1 }
            guard semicolon < range.upperBound, bytes[semicolon] == ASCII.semicolon else {
                throw MarkupFailure(message: "'&' starts no entity in \(subject()); write a literal & as &amp;", offset: index)
            }
            let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "lt": decoded.append(ASCII.lessThan)
            case "gt": decoded.append(ASCII.greaterThan)
            case "amp": decoded.append(ASCII.ampersand)
            case "quot": decoded.append(ASCII.quote)
            case "apos": decoded.append(ASCII.apostrophe)
            default:
                guard name.hasPrefix("#") else {
                    throw MarkupFailure(
                        message: "\(subject()) holds an entity other than the five predefined ones (&lt; &gt; &amp; &quot; &apos;), and no other is read",
                        offset: index
                    )
                }
                let isHex = name.hasPrefix("#x")
                guard let value = UInt32(name.dropFirst(isHex ? 2 : 1), radix: isHex ? 16 : 10),
                      let scalar = Unicode.Scalar(value), value != 0,
                      value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D
                else {
                    throw MarkupFailure(message: "\(subject()) holds a character reference to a character XML does not allow", offset: index)
                }
                decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = semicolon + 1
        }
        return decoded
    }
}
