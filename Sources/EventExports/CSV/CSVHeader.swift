/// The column names of a CSV export, trimmed of spaces.
///
/// ```swift
/// let header = CSVHeader(names: ["case_id", " ts ", "activity"])
/// header.index(of: "ts")   // 1
/// ```
public struct CSVHeader: Sendable, Equatable {
    public let names: [String]
    /// The first column of each name.
    private let indexByName: [String: Int]

    public init(names: [String]) {
        let trimmed = names.map(Self.trimmed)
        self.names = trimmed
        var index: [String: Int] = [:]
        index.reserveCapacity(trimmed.count)
        for (position, name) in trimmed.enumerated() where index[name] == nil {
            index[name] = position
        }
        indexByName = index
    }

    public var count: Int { names.count }

    /// The 0-based index of the first column named `name` (compared after
    /// trimming spaces, case-sensitively), or nil.
    public func index(of name: String) -> Int? {
        indexByName[Self.trimmed(name)]
    }

    /// Empty and duplicate names, each at its field.
    func problems() -> [(field: Int, problem: CSVProblem)] {
        var problems: [(Int, CSVProblem)] = []
        for (position, name) in names.enumerated() {
            if name.isEmpty {
                problems.append((position, .emptyColumnName))
            } else if let first = indexByName[name], first != position {
                problems.append((position, .duplicateColumnName(name, firstField: first)))
            }
        }
        return problems
    }

    /// Spaces and tabs around a name are the export's, not the column's.
    static func trimmed(_ name: String) -> String {
        let scalars = name.unicodeScalars
        let isBlank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
