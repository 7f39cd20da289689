/// Writes Markdown blocks (headings, paragraphs, tables) to a stream with a
/// blank line between them and a line break after the last, the layout
/// `blocks.joined(separator: "\n\n") + "\n"` gives, without holding them all.
struct MarkdownBlocks<Target: TextOutputStream> {
    private(set) var target: Target
    private var isFirst = true

    init(into target: Target) {
        self.target = target
    }

    mutating func write(_ block: String) {
        target.write(isFirst ? block : "\n\n" + block)
        isFirst = false
    }

    /// Ends the last block and hands back the target.
    mutating func finish() -> Target {
        target.write("\n")
        return target
    }
}
