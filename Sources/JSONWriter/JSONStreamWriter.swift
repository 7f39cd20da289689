/// Writes JSON as it goes, with exactly the layout of
/// ``JSONOutput/rendered()``, into a ``ReportOutput``: a report of a
/// hundred thousand gaps is written out while it is made, never held whole,
/// as a tree or as text.
///
/// Containers are opened and closed around values built one at a time;
/// a key is given inside an object and omitted inside an array. The writer
/// holds the output while it writes and hands it back when it finishes.
///
/// ```swift
/// var writer = JSONStreamWriter(into: consume output)
/// writer.beginObject()
/// writer.beginArray("gaps")
/// for gap in gaps { writer.write(.string(gap.marker)) }
/// writer.end()
/// writer.write("count", .integer(gaps.count))
/// output = writer.finish()   // the same text as the tree's rendered()
/// ```
public struct JSONStreamWriter {
    private var output: ReportOutput
    /// The containers open, innermost last: whether each is an object, and
    /// whether it has an entry yet (which decides the comma and `{}`).
    private var open: [(isObject: Bool, isEmpty: Bool)] = []

    public init(into output: consuming ReportOutput) {
        self.output = output
    }

    /// Opens an object: the value of `key` in the enclosing object, an
    /// element of the enclosing array when `key` is nil, or the document.
    public mutating func beginObject(_ key: String? = nil) {
        startEntry(key)
        output.pending.append(UInt8(ascii: "{"))
        open.append((isObject: true, isEmpty: true))
    }

    /// Opens an array, placed like ``beginObject(_:)``.
    public mutating func beginArray(_ key: String? = nil) {
        startEntry(key)
        output.pending.append(UInt8(ascii: "["))
        open.append((isObject: false, isEmpty: true))
    }

    /// Closes the innermost open object or array.
    public mutating func end() {
        guard let container = open.popLast() else { return }
        if !container.isEmpty { newline(indent: open.count) }
        output.pending.append(container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        output.flushIfFull()
    }

    /// Writes a whole value as the member `key` of the enclosing object.
    public mutating func write(_ key: String, _ value: JSONOutput) {
        write(key: key, value)
    }

    /// Writes a whole value as an element of the enclosing array, or as the document.
    public mutating func write(_ value: JSONOutput) {
        write(key: nil, value)
    }

    private mutating func write(key: String?, _ value: JSONOutput) {
        startEntry(key)
        value.write(to: &output.pending, indent: open.count)
        output.flushIfFull()
    }

    /// Closes whatever is still open, ends the text with a newline and
    /// hands the output back; flushing it is the owner's part.
    public consuming func finish() -> ReportOutput {
        while !open.isEmpty { end() }
        output.writeLine("")
        return output
    }

    private mutating func startEntry(_ key: String?) {
        guard let last = open.indices.last else { return }
        if !open[last].isEmpty { output.pending.append(UInt8(ascii: ",")) }
        open[last].isEmpty = false
        newline(indent: open.count)
        if open[last].isObject {
            JSONOutput.writeString(key ?? "", to: &output.pending)
            output.pending.append(UInt8(ascii: ":"))
            output.pending.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline(indent: Int) {
        output.pending.append(UInt8(ascii: "\n"))
        output.pending.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}
