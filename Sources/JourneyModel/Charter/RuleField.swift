/// One field a marker kind takes besides the fields every marker has (`id`,
/// `severity`, `where`…), described once, in the rule's own file: the
/// loader reads and checks it from this description, the JSON Schema and
/// the audit describe it from it, and the rule reads its value through it.
///
/// ```swift
/// static let per = RuleField.word("per", CoverageUnit.self, noun: "coverage unit", default: .journey,
///                                 summary: "What the marker counts in.")
/// init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
///     unit = values[Self.per] ?? .journey
/// }
/// ```
public struct RuleField<Value: Sendable>: Sendable {
    public let description: RuleFieldDescription
    private let read: @Sendable (RuleFieldValue) -> Value?

    private init(_ description: RuleFieldDescription, read: @escaping @Sendable (RuleFieldValue) -> Value?) {
        self.description = description
        self.read = read
    }

    public var key: String { description.key }

    /// The value read from a file, if it has the shape this field holds.
    func value(from decoded: RuleFieldValue) -> Value? { read(decoded) }

    /// An `expect` object: attribute → operators.
    public static func expectations(_ key: String, summary: String) -> RuleField<[Expectation]> {
        RuleField<[Expectation]>(RuleFieldDescription(key: key, type: .expectations, isRequired: true, summary: summary)) {
            if case .expectations(let expectations) = $0 { expectations } else { nil }
        }
    }

    /// A whole number of at least `minimum`: required when it has no
    /// default, else `defaultValue` says in words what leaving it out means.
    public static func count(
        _ key: String, minimum: Int = 0, default defaultValue: String?, summary: String
    ) -> RuleField<Int> {
        let description = RuleFieldDescription(
            key: key, type: .count(minimum: minimum), isRequired: false, defaultValue: defaultValue, summary: summary
        )
        return RuleField<Int>(description) { if case .count(let count) = $0 { count } else { nil } }
    }

    /// A whole number of at least `minimum` that markers of the kind must give.
    public static func requiredCount(_ key: String, minimum: Int = 0, summary: String) -> RuleField<Int> {
        let description = RuleFieldDescription(key: key, type: .count(minimum: minimum), isRequired: true, summary: summary)
        return RuleField<Int>(description) { if case .count(let count) = $0 { count } else { nil } }
    }

    /// One word of a closed list, read as `Word`; `noun` names what the
    /// words are in messages ("unknown coverage unit 'week'").
    public static func word<Word: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ type: Word.Type, noun: String, default defaultValue: Word, summary: String
    ) -> RuleField<Word> where Word.RawValue == String {
        let description = RuleFieldDescription(
            key: key, type: .word(Word.allCases.map(\.rawValue), noun: noun), isRequired: false,
            defaultValue: defaultValue.rawValue, summary: summary
        )
        return RuleField<Word>(description) { if case .word(let word) = $0 { Word(rawValue: word) } else { nil } }
    }

    /// The id of an attribute of the brand's vocabulary, of one of `kinds`;
    /// `refusal` says why an attribute of another kind will not do, from its
    /// id and its type's name.
    public static func attribute(
        _ key: String, of kinds: [AttributeKind] = AttributeKind.allCases,
        refusal: @escaping @Sendable (_ attribute: String, _ type: String) -> String = { "'\($0)' is \($1)" },
        summary: String
    ) -> RuleField<Int> {
        let description = RuleFieldDescription(
            key: key, type: .attribute(kinds, refusal: refusal), isRequired: true, summary: summary
        )
        return RuleField<Int>(description) { if case .attribute(let attribute) = $0 { attribute } else { nil } }
    }

    /// A value of the attribute that the field `attribute` names.
    public static func attributeValue(_ key: String, of attribute: RuleField<Int>, summary: String) -> RuleField<AttributeValue> {
        let description = RuleFieldDescription(
            key: key, type: .attributeValue(of: attribute.key), isRequired: true, summary: summary
        )
        return RuleField<AttributeValue>(description) { if case .attributeValue(let value, _) = $0 { value } else { nil } }
    }

    /// An ISO 8601 duration (`P7D`, `PT2H`).
    public static func duration(_ key: String, summary: String) -> RuleField<ISODuration> {
        RuleField<ISODuration>(RuleFieldDescription(key: key, type: .duration, isRequired: true, summary: summary)) {
            if case .duration(let duration) = $0 { duration } else { nil }
        }
    }
}

/// What a field says about itself, whatever its value type: what the
/// loader, the schema and the descriptions read.
public struct RuleFieldDescription: Sendable {
    /// The key in a marker object.
    public let key: String
    public let type: RuleFieldType
    /// Whether a marker of the kind must give it.
    public let isRequired: Bool
    /// What leaving it out means, as written in a file (`1`, `journey`); nil
    /// when there is no single default.
    public let defaultValue: String?
    /// One line for schemas and documentation.
    public let summary: String

    init(key: String, type: RuleFieldType, isRequired: Bool, defaultValue: String? = nil, summary: String) {
        self.key = key
        self.type = type
        self.isRequired = isRequired
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// The shapes of value a marker field holds.
public enum RuleFieldType: Sendable {
    /// An `expect` object: attribute → operators, or attribute → value.
    case expectations
    /// A whole number of at least `minimum`.
    case count(minimum: Int)
    /// One of these words; `noun` names what they are.
    case word([String], noun: String)
    /// The id of an attribute of one of these kinds; `refusal` says why an
    /// attribute of another kind will not do, from its id and type name.
    case attribute([AttributeKind], refusal: @Sendable (_ attribute: String, _ type: String) -> String)
    /// A value of the attribute named by the field with this key.
    case attributeValue(of: String)
    /// An ISO 8601 duration.
    case duration
}

/// A field's value as the loader read it, before the rule reads it as its own type.
public enum RuleFieldValue: Sendable {
    case expectations([Expectation])
    case count(Int)
    case word(String)
    case attribute(Int)
    /// A value, with the words it is written in, for messages.
    case attributeValue(AttributeValue, written: String)
    case duration(ISODuration)
}

/// The fields a marker gives, read and checked against their descriptions:
/// what a rule is built from.
public struct RuleFieldValues: Sendable {
    private var values: [String: RuleFieldValue]

    public init(_ values: [String: RuleFieldValue] = [:]) {
        self.values = values
    }

    /// The field's value; nil when the marker leaves it out.
    public subscript<Value>(field: RuleField<Value>) -> Value? {
        values[field.key].flatMap(field.value(from:))
    }

    /// How a value field is written in the file, for messages.
    public func written(_ field: RuleField<AttributeValue>) -> String? {
        if case .attributeValue(_, let written)? = values[field.key] { return written }
        return nil
    }

    /// Whether the marker gives the field.
    public func contains<Value>(_ field: RuleField<Value>) -> Bool { values[field.key] != nil }

    public mutating func set(_ key: String, _ value: RuleFieldValue) {
        values[key] = value
    }
}

/// Why the fields a marker gives do not make a rule: a required one is
/// missing, or fields that are each well formed disagree (`atLeast` above
/// `atMost`). The loader reports it at the field, or at the marker.
public enum RuleFieldProblem: Error, Sendable, Equatable {
    /// A required field the marker leaves out, by key.
    case missing(String)
    /// A field whose value does not fit with the others, by key.
    case invalid(String, message: String)

    public static func missing<Value>(_ field: RuleField<Value>) -> RuleFieldProblem { .missing(field.key) }

    public static func invalid<Value>(_ field: RuleField<Value>, _ message: String) -> RuleFieldProblem {
        .invalid(field.key, message: message)
    }
}

extension RuleFieldValues {
    /// The value of a field the kind requires; the loader reports a missing
    /// one before the rule is built, so this throws only for rules built by hand.
    public func required<Value>(_ field: RuleField<Value>) throws(RuleFieldProblem) -> Value {
        guard let value = self[field] else { throw .missing(field) }
        return value
    }
}
