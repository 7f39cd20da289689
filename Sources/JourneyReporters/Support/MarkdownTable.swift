/// The rows of a GitHub-flavoured Markdown table, from cells already
/// escaped (``MarkdownEscaping``).
///
/// ```swift
/// MarkdownTable.header(["Channel", "Score"], rightAligned: [1])
/// // ["| Channel | Score |", "| --- | ---: |"]
/// MarkdownTable.row(["Chat (chat)", ""])   // | Chat (chat) |   |
/// ```
enum MarkdownTable {
    /// The header row, then the row that aligns each column.
    static func header(_ cells: [String], rightAligned: Set<Int> = []) -> [String] {
        [row(cells), "| " + cells.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |"]
    }

    /// `| a | b |`; an empty cell holds a space, so that the row keeps its columns.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }

    /// A `####` heading, then the table: a section of a report.
    static func titled(_ title: String, header cells: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        (["#### \(title)", ""] + header(cells, rightAligned: rightAligned) + rows.map(row)).joined(separator: "\n")
    }
}
