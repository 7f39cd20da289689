/// The opening of every HTML report: a self-contained page whose content
/// security policy allows nothing but its own inline style, so a report
/// opened from a CI artifact can load or run nothing.
enum HTMLPage {
    static func head(title: String, style: String) -> [String] {
        [
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"throughline\">",
            "<title>\(MarkupEscaping.text(title))</title>",
            "<style>\n\(style)</style>",
            "</head>",
        ]
    }
}

/// Lines written to a stream as they are appended, each followed by a line
/// break: a section of a large report is written while it is made, in the
/// same words as when it was gathered in an array.
struct LineSink<Target: TextOutputStream> {
    private var target: Target

    init(into target: Target) {
        self.target = target
    }

    mutating func append(_ line: String) {
        target.write(line + "\n")
    }

    static func += (sink: inout LineSink, lines: [String]) {
        for line in lines { sink.append(line) }
    }

    /// Hands back the target.
    func finish() -> Target { target }
}
