/// Paths as URI references, for SARIF's `artifactLocation.uri`.
///
/// A relative path stays relative (resolved against `%SRCROOT%` by readers);
/// an absolute one becomes a `file://` URI. Characters that RFC 3986 does not
/// allow in a path, and `:` (which would read as a scheme in a relative
/// reference), are percent-encoded as UTF-8.
///
/// ```swift
/// URIReference.path("Journeys/my journey.journey.jsonc")  // Journeys/my%20journey.journey.jsonc
/// URIReference.isAbsolute("/srv/x.jsonc")                   // true → file:///srv/x.jsonc
/// ```
public enum URIReference {
    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// The path as a URI reference: `file://` for absolute paths.
    public static func reference(for path: String) -> String {
        isAbsolute(path) ? "file://" + encode(path) : encode(path)
    }

    /// Percent-encodes all but unreserved characters, sub-delimiters, `@` and `/`.
    public static func encode(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            if isAllowed(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output.append("%")
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return output
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "@"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }
}
