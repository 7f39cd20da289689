/// Why a file is not well-formed JSONC, and exactly where.
///
/// The reader stops at the first error: later ones are often echoes of it.
public struct JSONCSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected and what was found, in words for the file's author.
    public let message: String
    /// Byte offset of the offending byte.
    public let offset: Int
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalar values.
    public let column: Int

    public var description: String { "\(line):\(column): \(message)" }
}
