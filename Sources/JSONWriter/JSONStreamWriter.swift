/// Writes JSON as it goes, with exactly the layout of
/// ``JSONOutput/rendered()``, and hands it to `target` in chunks of about
/// 64 KiB: a report of a hundred thousand gaps is written out while it is
/// made, never held whole, as a tree or as text.
///
/// Containers are opened and closed around values built one at a time;
/// a key is given inside an object and omitted inside an array.
///
/// ```swift
/// var writer = JSONStreamWriter(into: "")
/// writer.beginObject()
/// writer.beginArray("gaps")
/// for gap in gaps { writer.write(.string(gap.marker)) }
/// writer.end()
/// writer.write("count", .integer(gaps.count))
/// writer.end()
/// let text = writer.finish()   // the same text as the tree's rendered()
/// ```
public struct JSONStreamWriter<Target: TextOutputStream> {
    private var target: Target
    private var buffer: [UInt8] = []
    /// The containers open, innermost last: whether each is an object, and
    /// whether it has an entry yet (which decides the comma and `{}`).
    private var open: [(isObject: Bool, isEmpty: Bool)] = []
    private static var chunkSize: Int { 1 << 16 }

    public init(into target: Target) {
        self.target = target
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Opens an object: the value of `key` in the enclosing object, an
    /// element of the enclosing array when `key` is nil, or the document.
    public mutating func beginObject(_ key: String? = nil) {
        startEntry(key)
        buffer.append(UInt8(ascii: "{"))
        open.append((isObject: true, isEmpty: true))
    }

    /// Opens an array, placed like ``beginObject(_:)``.
    public mutating func beginArray(_ key: String? = nil) {
        startEntry(key)
        buffer.append(UInt8(ascii: "["))
        open.append((isObject: false, isEmpty: true))
    }

    /// Closes the innermost open object or array.
    public mutating func end() {
        guard let container = open.popLast() else { return }
        if !container.isEmpty { newline(indent: open.count) }
        buffer.append(container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        flushIfFull()
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
        value.write(to: &buffer, indent: open.count)
        flushIfFull()
    }

    /// Closes whatever is still open, ends the text with a newline and
    /// hands the rest to the target, which it returns.
    public mutating func finish() -> Target {
        while !open.isEmpty { end() }
        buffer.append(UInt8(ascii: "\n"))
        flush()
        return target
    }

    private mutating func startEntry(_ key: String?) {
        guard let last = open.indices.last else { return }
        if !open[last].isEmpty { buffer.append(UInt8(ascii: ",")) }
        open[last].isEmpty = false
        newline(indent: open.count)
        if open[last].isObject {
            JSONOutput.writeString(key ?? "", to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline(indent: Int) {
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.chunkSize { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        target.write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }
}
