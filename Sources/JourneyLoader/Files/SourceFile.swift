import JourneyModel

/// A file's path and contents, as the command line read them. The loader
/// never touches the file system: it is a function of these values.
public struct SourceFile: Sendable {
    /// The path to show in messages, as given or as found under a folder.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// What the file holds, from its name.
    public var kind: FileKind? { FileKind(path: path) }
}

/// The kinds of file the tool reads, told apart by their suffix.
public enum FileKind: String, Sendable, CaseIterable {
    /// `*.brand.jsonc`: a brand, its vocabulary and charter.
    case brand
    /// `*.charter.jsonc`: a charter that brands extend (a group's).
    case charter
    /// `*.journey.jsonc`: one journey of one brand.
    case journey
    /// `*.source.jsonc`: an export of lived journeys and how to read it.
    case source

    public var suffix: String { ".\(rawValue).jsonc" }

    public init?(path: String) {
        guard let kind = Self.allCases.first(where: { path.hasSuffix($0.suffix) }) else { return nil }
        self = kind
    }

    /// The top-level key that names a file of this kind: `"brand": "maison-aurele"`.
    public var idKey: String { rawValue }
}
