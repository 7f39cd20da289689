/// Fields joined into one fingerprint, unambiguously: `/` between fields,
/// and `%` and `/` inside a field escaped as `%25` and `%2F`, so that no
/// two different lists of fields give the same text (`a/b` + `c` is
/// `a%2Fb/c`, `a` + `b/c` is `a/b%2Fc`).
///
/// ```swift
/// FingerprintFields.joined(["aurele", "first-purchase", "50% off"])   // "aurele/first-purchase/50%25 off"
/// ```
public enum FingerprintFields {
    public static func joined(_ fields: [String]) -> String {
        fields.map(escaped).joined(separator: "/")
    }

    private static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "/") }) else { return field }
        var escaped = ""
        for character in field.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "/": escaped += "%2F"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
