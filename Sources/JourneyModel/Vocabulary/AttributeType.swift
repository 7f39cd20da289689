/// The kind of values an attribute takes.
public enum AttributeType: Hashable, Sendable {
    /// One of a fixed list of words, unordered (`tone`: warm, expert…).
    case enumeration([String])
    /// One of a fixed list of levels, from lowest to highest, so `atLeast`
    /// and `atMost` apply (`personalisation`: none < segment < named < advisor).
    case scale([String])
    /// An ISO 8601 duration such as `PT2H` (`responseTime`).
    case duration
    /// A JSON number (`winProbability`).
    case number
    /// Free text (`signature`); `matches` and `consistent` apply.
    case text
    /// `true` or `false` (`contextCarried`).
    case boolean

    /// The words an enumeration or scale accepts; empty for other types.
    public var choices: [String] {
        switch self {
        case .enumeration(let values), .scale(let values): values
        case .duration, .number, .text, .boolean: []
        }
    }

    /// Whether `atLeast` and `atMost` make sense.
    public var isOrdered: Bool { kind.isOrdered }

    /// The type without its words: what a marker field can ask for.
    public var kind: AttributeKind {
        switch self {
        case .enumeration: .enumeration
        case .scale: .scale
        case .duration: .duration
        case .number: .number
        case .text: .text
        case .boolean: .boolean
        }
    }

    /// The name used in files: `"type": "scale"`.
    public var name: String { kind.rawValue }

    /// Every type name, in the order the format documents them.
    public static let names = AttributeKind.allCases.map(\.rawValue)
}

/// The types of attribute, as named by `"type"` in a brand file.
public enum AttributeKind: String, Sendable, CaseIterable {
    case enumeration = "enum"
    case scale
    case duration
    case number
    case text
    case boolean

    /// Whether `atLeast` and `atMost` make sense.
    public var isOrdered: Bool {
        switch self {
        case .scale, .duration, .number: true
        case .enumeration, .text, .boolean: false
        }
    }
}
