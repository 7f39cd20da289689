/// Export text shown in a message: at most 40 characters, control and
/// bidirectional characters and line breaks written as escapes, so no
/// cell can break a line of a report or reorder what a terminal shows.
/// Every reader's messages and every report quote export text through it.
public enum Quoted {
    public static let longest = 40

    /// Bytes of export text, of which only the first are decoded: the
    /// characters kept take at most four bytes each, so a cell or a name
    /// of any length costs the same.
    public static func word<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        word(String(decoding: bytes.prefix(4 * longest + 4), as: UTF8.self))
    }

    /// - Parameter longest: characters kept before `…`; nil keeps them all.
    public static func word(_ text: String, longest: Int? = Quoted.longest) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == longest {
                result += "…"
                break
            }
            count += 1
            let properties = scalar.properties
            if properties.generalCategory == .control || properties.isBidiControl || properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
