import Foundation
import JourneyModel

/// What an id may hold, and when two ids are too alike to tell apart.
///
/// Ids are names people read in reviews and reports and type in other
/// files. A character that cannot be seen (a zero-width space, a soft
/// hyphen), that reorders what is shown (a bidirectional control) or that
/// a terminal acts on (a control character) would let two ids look the same
/// while being different, or make a diff show something else than what is
/// checked.
enum IdentifierRules {
    /// Why `scalar` cannot be part of an id, or nil when it can.
    static func problem(with scalar: Unicode.Scalar) -> String? {
        if scalar.isASCII {
            return scalar.value < 0x20 || scalar.value == 0x7F ? "a control character" : nil
        }
        let properties = scalar.properties
        let category = properties.generalCategory
        if properties.isBidiControl { return "a bidirectional control" }
        if category == .control { return "a control character" }
        if category == .lineSeparator || category == .paragraphSeparator { return "a line break" }
        if category == .format || properties.isDefaultIgnorableCodePoint { return "an invisible character" }
        return nil
    }

    /// The first character of `id` that an id cannot hold, and why.
    static func firstProblem(in id: String) -> (scalar: Unicode.Scalar, why: String)? {
        // Printable ASCII, by far the common case, needs no look-up.
        if id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for scalar in id.unicodeScalars {
            if let why = problem(with: scalar) { return (scalar, why) }
        }
        return nil
    }

    /// `U+200B ZERO WIDTH SPACE`, or `U+0007` for a character without a name.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.properties.name.map { "\(code) \($0)" } ?? code
    }

    /// `id` with every character it cannot hold written as `<U+200B>`, so
    /// that a message shows what is there and a terminal acts on none of it.
    static func visible(_ id: String) -> String {
        guard firstProblem(in: id) != nil else { return id }
        var shown = ""
        for scalar in id.unicodeScalars {
            if problem(with: scalar) == nil {
                shown.unicodeScalars.append(scalar)
            } else {
                shown += "<" + describe(scalar).prefix { $0 != " " } + ">"
            }
        }
        return shown
    }

    /// The message for an id that holds a character it cannot, or nil;
    /// `subject` says where the id is: "'id'", "the channel id".
    static func message(for id: String, subject: String) -> String? {
        guard let (scalar, why) = firstProblem(in: id) else { return nil }
        return "\(subject) holds \(why), \(describe(scalar)): '\(visible(id))'; "
            + "ids cannot hold control characters, bidirectional controls or invisible characters"
    }

    /// `id` folded the way readers fail to tell ids apart: compatibility
    /// forms (the ligature "ﬁ" is "fi", a full-width "Ｐ" is "P") and case.
    /// Compared as a `String`, so canonically equivalent results are equal.
    static func lookalikeKey(_ id: String) -> String {
        if let hasCapital = asciiHasCapital(id) {
            // Already folded, as most ids are: the id itself, not a copy.
            return hasCapital ? id.lowercased() : id
        }
        // Lowercasing can leave a compatibility form behind: normalise again.
        return id.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCompatibilityMapping
    }
}

extension IdentifierRules {
    /// Whether `key` is its own folded form, as every folded ASCII id is.
    static func isOwnLookalikeKey(_ key: String) -> Bool {
        if let hasCapital = asciiHasCapital(key) { return !hasCapital }
        return lookalikeKey(key) == key
    }

    /// Whether an ASCII `id` holds a capital letter; nil when it is not
    /// ASCII. One pass over its bytes: ids are folded for every
    /// touchpoint of a journey.
    private static func asciiHasCapital(_ id: String) -> Bool? {
        var id = id
        return id.withUTF8 { bytes -> Bool? in
            var hasCapital = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte &- UInt8(ascii: "A") < 26 { hasCapital = true }
            }
            return hasCapital
        }
    }
}

/// The ids of one kind in one scope (the channels of a brand, the
/// touchpoints of a journey), indexed by their folded form, so that ids that
/// differ only by case or compatibility forms are found in one pass.
struct LookalikeIndex {
    struct Entry {
        let id: String
        let location: SourceLocation
    }

    private var firstByKey: [String: Entry] = [:]

    /// The first id that looks like `id` without being the same id
    /// (canonically equivalent ids are duplicates, reported as such);
    /// nil when there is none, and `id` is then remembered.
    mutating func lookalike(of id: String, at location: SourceLocation) -> Entry? {
        let key = IdentifierRules.lookalikeKey(id)
        if let first = firstByKey[key] {
            return first.id == id ? nil : first
        }
        firstByKey[key] = Entry(id: id, location: location)
        return nil
    }

    /// A `confusable-id` warning at `location` when `id` looks like an
    /// earlier id of the index; `what` names the kind: "channel".
    mutating func check(_ id: String, what: String, at location: SourceLocation) -> Diagnostic? {
        guard let first = lookalike(of: id, at: location) else { return nil }
        return Self.warning(id, what: what, at: location, first: first.id, firstLocation: first.location)
    }

    /// The `confusable-id` warning for `id`, which looks like `first`.
    static func warning(_ id: String, what: String, at location: SourceLocation, first: String, firstLocation: SourceLocation) -> Diagnostic {
        Diagnostic(
            .confusableID, at: location,
            "\(what) '\(IdentifierRules.visible(id))' differs from \(what) '\(IdentifierRules.visible(first))' only by case or by the form of its letters; "
                + "readers cannot tell them apart: use one id, or ids that differ clearly",
            related: [RelatedLocation(firstLocation, "'\(IdentifierRules.visible(first))' is here")]
        )
    }
}
