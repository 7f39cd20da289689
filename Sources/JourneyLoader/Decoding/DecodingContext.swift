import JSONCReader
import JourneyModel

/// What decoding one file needs at hand: its document, a cursor that turns
/// offsets into positions cheaply in document order, and the diagnostics
/// found so far.
///
/// The typed accessors report a located `wrong-type` diagnostic and return
/// nil when a value is not what the format expects, so decoders read as a
/// list of fields rather than a thicket of error handling.
struct DecodingContext {
    let file: String
    /// The document whose values are being read: the file's, or that of
    /// the streamed element at hand.
    private(set) var document: JSONCDocument
    private var cursor: LineMap.Cursor
    private(set) var diagnostics: [Diagnostic] = []
    /// Text values read so far in this file: a journey repeats its brand's
    /// promise line or signature on touchpoint after touchpoint, and one
    /// shared copy of each is all the model needs. Keyed by bytes, not by
    /// `String` equality, so that a value never takes the spelling of a
    /// canonically equivalent one (`matches` reads the scalars as written).
    private var texts: [ExactText: String] = [:]
    /// Durations read so far in this file, by text: `PT1H` once.
    private var durations: [String: ISODuration] = [:]
    /// What did-you-mean may still do for this file: a file chooses both how
    /// many names are known and how many unknown ones it writes.
    private var suggestionBudget: DidYouMean.Budget
    /// Known names, prepared for did-you-mean the first time one is missed,
    /// so that a thousand unknown names do not prepare them a thousand times.
    private var knownNames: [KnownNames: DidYouMean.Candidates] = [:]

    /// Which list of known names an unknown one was looked up in. Within
    /// one file each is one list: the vocabulary of the brand it is read in,
    /// the journey's touchpoints.
    enum KnownNames: Hashable {
        /// The names the diagnostic's code is about: channels for
        /// `unknown-channel`, touchpoints for `dangling-next`.
        case names(DiagnosticCode)
        /// The words of an enumeration or scale attribute.
        case words(attribute: String)
    }

    init(file: String, document: JSONCDocument) {
        self.file = file
        self.document = document
        self.cursor = LineMap.Cursor(document.lineMap)
        self.suggestionBudget = .forFile(ofSize: document.bytes.count)
    }

    /// Goes on reading in `document`, a part of the same file: a streamed
    /// element, or the rest of the file after its streamed elements.
    /// Everything kept so far (diagnostics, shared texts, the
    /// did-you-mean budget) stays the file's.
    mutating func reading(_ document: JSONCDocument) {
        self.document = document
        cursor = LineMap.Cursor(document.lineMap)
    }

    /// `text`, or the byte-identical text already read from this file.
    mutating func shared(_ text: String) -> String {
        // Short texts live inside the string value itself: nothing to share.
        guard text.utf8.count > 15 else { return text }
        let key = ExactText(text)
        if let known = texts[key] { return known }
        texts[key] = text
        return text
    }

    /// The duration written as `text`, shared with the equal ones already
    /// read from this file; nil when `text` is not an ISO 8601 duration.
    mutating func duration(_ text: String) -> ISODuration? {
        if let known = durations[text] { return known }
        guard let duration = ISODuration(text) else { return nil }
        durations[text] = duration
        return duration
    }

    // MARK: Positions

    mutating func position(of offset: Int) -> SourcePosition {
        let position = cursor.position(of: offset)
        return SourcePosition(line: position.line, column: position.column)
    }

    mutating func position(of value: JSONCValue) -> SourcePosition { position(of: value.offset) }

    mutating func location(of value: JSONCValue) -> SourceLocation {
        SourceLocation(file: file, position: position(of: value))
    }

    mutating func location(of offset: Int) -> SourceLocation {
        SourceLocation(file: file, position: position(of: offset))
    }

    // MARK: Reporting

    mutating func report(
        _ code: DiagnosticCode,
        at value: JSONCValue,
        _ message: String,
        suggestion: String? = nil,
        related: [RelatedLocation] = []
    ) {
        report(code, atOffset: value.offset, message, suggestion: suggestion, related: related)
    }

    mutating func report(
        _ code: DiagnosticCode,
        atOffset offset: Int,
        _ message: String,
        suggestion: String? = nil,
        related: [RelatedLocation] = []
    ) {
        diagnostics.append(Diagnostic(code, at: location(of: offset), message, suggestion: suggestion, related: related))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The brand a journey or source file names in its root's `brand`, with
    /// its look-ups; nil, after a diagnostic, when it is missing, not a
    /// string or not a brand given (`what` is "a journey file"…).
    mutating func namedBrand(of root: JSONCValue, in brands: [String: BrandLookups], what: String) -> (id: String, lookups: BrandLookups)? {
        guard let brandValue = root["brand"] else {
            reportMissing("brand", in: root, what: what)
            return nil
        }
        guard let brandID = string(brandValue, for: "brand") else { return nil }
        guard let lookups = brands[brandID] else {
            reportUnknown(
                .unknownBrand, at: brandValue, name: brandID, what: "brand", known: brands.keys.sorted(),
                context: brands.isEmpty ? " (no brand file was given or found)" : ""
            )
            return nil
        }
        return (brandID, lookups)
    }

    /// An unknown name where a known one was expected, with a did-you-mean.
    /// `known` is read only when the file has not needed it before.
    mutating func reportUnknown(
        _ code: DiagnosticCode,
        at value: JSONCValue,
        name: String,
        what: String,
        known: @autoclosure () -> [String],
        context: String = ""
    ) {
        reportUnknown(code, atOffset: value.offset, name: name, what: what, known: known(), context: context)
    }

    mutating func reportUnknown(
        _ code: DiagnosticCode,
        atOffset offset: Int,
        name: String,
        what: String,
        known: @autoclosure () -> [String],
        context: String = ""
    ) {
        let (suggestion, names) = closest(to: name, in: .names(code), known: known)
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? Self.listing(names)
        report(code, atOffset: offset, "unknown \(what) '\(name)'\(context)\(hint)", suggestion: suggestion)
    }

    /// The known name closest to `name`, within this file's budget, and the
    /// known names. Lists named by a code the loader uses for small fixed
    /// lists (`invalid-value`: kinds, severities) are not kept: two such
    /// lists may share the code.
    mutating func closest(to name: String, in list: KnownNames, known: () -> [String]) -> (String?, [String]) {
        let candidates: DidYouMean.Candidates
        if let prepared = knownNames[list] {
            candidates = prepared
        } else {
            candidates = DidYouMean.Candidates(known())
            switch list {
            case .names(.invalidValue), .names(.unknownField): break
            case .names, .words: knownNames[list] = candidates
            }
        }
        return (candidates.closest(to: name, budget: &suggestionBudget), candidates.names)
    }

    /// A key the format does not define for this object.
    mutating func reportUnknownField(_ member: JSONCMember, in what: String, known: [String]) {
        let key = member.key
        let suggestion = DidYouMean.closest(to: key, in: known)
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? Self.listing(known, label: "known keys")
        report(.unknownField, atOffset: member.keyOffset, "unknown key '\(key)' in \(what)\(hint)", suggestion: suggestion)
    }

    mutating func reportMissing(_ key: String, in object: JSONCValue, what: String) {
        report(.missingField, at: object, "\(what) needs '\(key)'")
    }

    /// `; expected one of: a, b, c` for short lists, so the author sees the choices.
    static func listing(_ known: [String], label: String = "expected one of") -> String {
        guard !known.isEmpty else { return "" }
        let shown = known.prefix(12).joined(separator: ", ")
        return "; \(label): \(shown)\(known.count > 12 ? ", …" : "")"
    }

    // MARK: Typed values

    mutating func expectKind(_ kind: JSONCKind, _ value: JSONCValue, for field: String) -> Bool {
        if value.kind == kind || (kind == .true && value.kind == .false) { return true }
        report(.wrongType, at: value, "expected \(kind) for '\(field)', found \(value.kind)")
        return false
    }

    mutating func string(_ value: JSONCValue, for field: String) -> String? {
        guard expectKind(.string, value, for: field), let text = value.string else { return nil }
        return text
    }

    /// A string that names something: not empty, no surrounding spaces.
    mutating func label(_ value: JSONCValue, for field: String) -> String? {
        guard let text = string(value, for: field) else { return nil }
        guard !text.isEmpty else {
            report(.invalidValue, at: value, "'\(field)' cannot be empty")
            return nil
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            report(.invalidValue, at: value, "'\(field)' has spaces around '\(text.trimmingSpaces)'", suggestion: text.trimmingSpaces)
            return nil
        }
        return text
    }

    /// An id: a label that holds no control, bidirectional or invisible
    /// character (see ``IdentifierRules``). Such an id is reported and
    /// still used, so that what refers to it is not reported as well.
    mutating func identifier(_ value: JSONCValue, for field: String) -> String? {
        guard let text = label(value, for: field) else { return nil }
        if let message = IdentifierRules.message(for: text, subject: "'\(field)'") {
            report(.invalidValue, at: value, message)
        }
        return text
    }

    /// The id that an object's key gives an entry (`"channels": { "store": … }`),
    /// held to the same rules as ``identifier(_:for:)`` but kept after a
    /// diagnostic unless empty; `what` names the entry: "channel".
    mutating func identifier(_ member: JSONCMember, what: String) -> String? {
        let text = member.key
        guard !text.isEmpty else {
            report(.invalidValue, atOffset: member.keyOffset, "a \(what) needs a non-empty name")
            return nil
        }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first.properties.isWhitespace || last.properties.isWhitespace {
            report(.invalidValue, atOffset: member.keyOffset, "the \(what) id '\(IdentifierRules.visible(text))' has spaces around '\(IdentifierRules.visible(text.trimmingSpaces))'", suggestion: text.trimmingSpaces)
        } else if let message = IdentifierRules.message(for: text, subject: "the \(what) id") {
            report(.invalidValue, atOffset: member.keyOffset, message)
        }
        return text
    }

    mutating func bool(_ value: JSONCValue, for field: String) -> Bool? {
        guard expectKind(.true, value, for: field) else { return nil }
        return value.bool
    }

    /// A finite number, with a warning where the file's digits cannot be held exactly.
    mutating func number(_ value: JSONCValue, for field: String) -> Double? {
        guard expectKind(.number, value, for: field), let number = value.number else { return nil }
        switch number.fidelity {
        case .exact:
            break
        case .rounded:
            report(.impreciseNumber, at: value, "\(number.text) has more digits than a number can hold exactly; it is read as \(AttributeDefinition.render(number.double))")
        case .underflow:
            report(.impreciseNumber, at: value, "\(number.text) is too small to hold; it is read as 0")
        case .overflow:
            report(.invalidValue, at: value, "\(number.text) is too large for a number")
            return nil
        }
        return number.double
    }

    /// A whole number of at least `minimum`: counts and thresholds.
    mutating func count(_ value: JSONCValue, for field: String, minimum: Int = 0) -> Int? {
        guard expectKind(.number, value, for: field), let number = value.number else { return nil }
        guard let integer = number.int, integer >= minimum else {
            report(.invalidValue, at: value, "'\(field)' must be a whole number of at least \(minimum), found \(number.text)")
            return nil
        }
        return integer
    }

    mutating func object(_ value: JSONCValue, for field: String) -> JSONCValue? {
        expectKind(.object, value, for: field) ? value : nil
    }

    mutating func array(_ value: JSONCValue, for field: String) -> JSONCValue.Elements? {
        expectKind(.array, value, for: field) ? value.elements : nil
    }

    /// An array of strings, or a single string standing for a one-element array.
    mutating func strings(_ value: JSONCValue, for field: String) -> [(String, JSONCValue)]? {
        if value.kind == .string, let text = value.string { return [(text, value)] }
        guard let elements = array(value, for: field) else { return nil }
        var result: [(String, JSONCValue)] = []
        for element in elements {
            if let text = string(element, for: field) { result.append((text, element)) }
        }
        return result
    }
}

/// A text hashed and compared by its UTF-8 bytes, where `String` would
/// equate canonically equivalent spellings such as "é" and "e\u{301}".
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (left: Self, right: Self) -> Bool {
        left.text.utf8.elementsEqual(right.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
