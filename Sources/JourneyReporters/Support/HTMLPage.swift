import JourneyModel

/// What the HTML reports share: a self-contained page whose content
/// security policy allows nothing but its own inline style, so a report
/// opened from a CI artifact can load or run nothing, and the badge that
/// marks a severity.
enum HTMLPage {
    /// The lines up to `</head>`; `style` is the page's CSS.
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

    /// `<span class="badge error">error</span>`: each page's CSS colours it.
    static func severityBadge(_ severity: Severity) -> String {
        "<span class=\"badge \(severity.rawValue)\">\(severity.rawValue)</span>"
    }
}
