/// The words a spreadsheet column uses for yes and no, compared without
/// case and around spaces.
///
/// ```swift
/// BooleanWords.standard.value("Oui")   // true
/// BooleanWords.standard.value("")      // nil: no answer is not "no"
/// BooleanWords.checkmark.value("")     // false: an unticked box
/// ```
public struct BooleanWords: Sendable, Equatable {
    public let trueWords: Set<String>
    public let falseWords: Set<String>
    /// What an empty cell means; nil when it means no answer.
    public let empty: Bool?

    /// `true/false`, `yes/no`, `y/n`, `1/0`, `oui/non`, `vrai/faux`; empty is no answer.
    public static let standard = BooleanWords(
        true: ["true", "yes", "y", "1", "oui", "vrai"], false: ["false", "no", "n", "0", "non", "faux"]
    )
    /// A ticked box: `x`, `✓`, `✔` are true and an empty cell is false.
    public static let checkmark = BooleanWords(true: ["x", "✓", "✔"], false: [], empty: false)

    public init(true trueWords: [String], false falseWords: [String], empty: Bool? = nil) {
        self.trueWords = Set(trueWords.map(Self.folded))
        self.falseWords = Set(falseWords.map(Self.folded))
        self.empty = empty
    }

    /// True, false, or nil for a word in neither list (and for an empty
    /// cell, unless `empty` says otherwise).
    public func value(_ text: String) -> Bool? {
        let word = Self.folded(text)
        if word.isEmpty { return empty }
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        return nil
    }

    public func value(_ field: CSVField) -> Bool? { value(field.string) }

    private static func folded(_ text: String) -> String {
        CSVHeader.trimmed(text).lowercased()
    }
}
