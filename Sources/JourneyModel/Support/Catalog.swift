/// Something a brand declares under an id: a channel, a segment, a stage.
public protocol Identified: Sendable {
    var id: String { get }
}

/// An ordered list of identified things, looked up by id in constant time.
///
/// The model refers to channels, stages, segments and attributes by their
/// position in the brand's catalog, so the checker compares integers, not
/// strings, in its inner loops.
///
/// ```swift
/// let stages = Catalog([Stage(id: "lead"), Stage(id: "closing")])
/// stages.index(of: "closing")   // 1
/// ```
public struct Catalog<Entry: Identified>: RandomAccessCollection, Sendable {
    public let entries: [Entry]
    private let indexByID: [String: Int]

    /// Keeps the first entry of each id; the loader reports later ones.
    ///
    /// Entries whose ids are all different, as the loader gives them, are
    /// kept as given, not copied: a journey's million touchpoints are not
    /// held twice while its catalog is built.
    public init(_ entries: [Entry]) {
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(entries.count)
        var repeats = false
        for position in entries.indices where indexByID.updateValue(position, forKey: entries[position].id) != nil {
            repeats = true
            break
        }
        guard repeats else {
            self.entries = entries
            self.indexByID = indexByID
            return
        }
        var kept: [Entry] = []
        indexByID = [:]
        for entry in entries where indexByID[entry.id] == nil {
            indexByID[entry.id] = kept.count
            kept.append(entry)
        }
        self.entries = kept
        self.indexByID = indexByID
    }

    /// Keeps every entry, those sharing an id included, and looks up the
    /// first of each id: a lived journey holds a touchpoint as many times as
    /// the customer lived it.
    public init(keepingRepeatedIDs entries: [Entry]) {
        var indexByID: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where indexByID[entry.id] == nil {
            indexByID[entry.id] = index
        }
        self.entries = entries
        self.indexByID = indexByID
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }
    /// Yields the entry in place: reading `touchpoints[i].channel` copies
    /// one integer, not the whole touchpoint with its arrays and strings.
    public subscript(position: Int) -> Entry {
        _read { yield entries[position] }
    }

    public func index(of id: String) -> Int? { indexByID[id] }

    public subscript(id id: String) -> Entry? { indexByID[id].map { entries[$0] } }

    public var ids: [String] { entries.map(\.id) }
}

/// A set of catalog positions, as a bit set: scopes test membership for
/// every touchpoint they meet.
public struct MemberSet: Hashable, Sendable, Sequence {
    private var words: [UInt64]

    public init() { words = [] }

    public init<S: Sequence>(_ members: S) where S.Element == Int {
        self.init()
        for member in members { insert(member) }
    }

    public func contains(_ member: Int) -> Bool {
        let word = member >> 6
        return member >= 0 && word < words.count && words[word] & (1 << UInt64(member & 63)) != 0
    }

    public mutating func insert(_ member: Int) {
        precondition(member >= 0, "catalog positions are never negative")
        let word = member >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        words[word] |= 1 << UInt64(member & 63)
    }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Members in increasing order.
    public func makeIterator() -> some IteratorProtocol<Int> {
        let words = self.words
        return (0..<(words.count * 64)).lazy.filter { words[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }.makeIterator()
    }
}
