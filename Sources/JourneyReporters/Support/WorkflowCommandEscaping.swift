/// Escaping for GitHub Actions workflow commands
/// (`::error file=…,line=…::message`), as the runner and `@actions/core` do.
///
/// The runner reads one command per line and splits properties on `,` and
/// the property list from the message on `::`, so line breaks must never
/// reach the output and property values must not hold `,` or `:`. `%` is
/// escaped first so that the runner's unescaping gives back the original.
///
/// ```swift
/// WorkflowCommandEscaping.data("100% sure\nreally")     // 100%25 sure%0Areally
/// WorkflowCommandEscaping.property("a:b,c")             // a%3Ab%2Cc
/// ```
public enum WorkflowCommandEscaping {
    /// For the message after `::`: `%`, CR and LF.
    public static func data(_ text: String) -> String {
        escape(text, property: false)
    }

    /// For property values: `%`, CR, LF, `:` and `,`.
    public static func property(_ text: String) -> String {
        escape(text, property: true)
    }

    private static func escape(_ text: String, property: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output.append("%25")
            case "\r": output.append("%0D")
            case "\n": output.append("%0A")
            case ":" where property: output.append("%3A")
            case "," where property: output.append("%2C")
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
