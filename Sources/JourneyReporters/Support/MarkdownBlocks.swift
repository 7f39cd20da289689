import JSONWriter

/// Writes Markdown blocks (headings, paragraphs, tables) with a blank line
/// between them and a line break after the last, the layout
/// `blocks.joined(separator: "\n\n") + "\n"` gives, without holding them
/// all. It holds the output while it writes and hands it back at the end.
struct MarkdownBlocks {
    private var output: ReportOutput
    private var isFirst = true

    init(into output: consuming ReportOutput) {
        self.output = output
    }

    mutating func write(_ block: String) {
        if !isFirst { output.write("\n\n") }
        output.write(block)
        isFirst = false
    }

    /// One more line of the block being written (a table row), so that a
    /// long table goes out row by row instead of being joined first.
    mutating func writeLine(inBlock line: String) {
        output.write("\n")
        output.write(line)
    }

    /// Ends the last block and hands back the output.
    consuming func finish() -> ReportOutput {
        output.writeLine("")
        return output
    }
}
