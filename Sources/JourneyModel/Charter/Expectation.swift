import TextPattern

/// One test on one attribute of a touchpoint's planned experience:
/// `"responseTime": { "atMost": "PT2H" }`.
public struct Expectation: Sendable {
    /// Position in the brand's attribute catalog.
    public var attribute: Int
    public var test: AttributeTest
    /// Where the test is written in the charter.
    public var location: SourceLocation

    public init(attribute: Int, test: AttributeTest, location: SourceLocation) {
        self.attribute = attribute
        self.test = test
        self.location = location
    }

    /// The expectation in words: `responseTime ≤ PT2H`, `address = formal`.
    public func describe(in brand: Brand) -> String {
        let definition = brand.attributes[attribute]
        let name = definition.id
        func list(_ values: [AttributeValue]) -> String {
            values.map { definition.render($0) }.joined(separator: ", ")
        }
        switch test {
        case .equals(let value): return "\(name) = \(definition.render(value))"
        case .oneOf(let values): return "\(name) one of [\(list(values))]"
        case .noneOf(let values): return "\(name) none of [\(list(values))]"
        case .atLeast(let value): return "\(name) ≥ \(definition.render(value))"
        case .atMost(let value): return "\(name) ≤ \(definition.render(value))"
        case .present: return "\(name) planned"
        case .absent: return "\(name) not planned"
        case .matches(let pattern): return "\(name) matches /\(pattern.source)/"
        }
    }
}

/// The expectation operators of the file format.
public enum AttributeTest: Sendable {
    case equals(AttributeValue)
    case oneOf([AttributeValue])
    case noneOf([AttributeValue])
    /// Scales by rank, numbers and durations by magnitude.
    case atLeast(AttributeValue)
    case atMost(AttributeValue)
    case present
    case absent
    /// Searched in the value; anchor with `^…$` for a whole match.
    case matches(TextPattern)

    /// The operator's name in files.
    public var name: String {
        switch self {
        case .equals: "equals"
        case .oneOf: "oneOf"
        case .noneOf: "noneOf"
        case .atLeast: "atLeast"
        case .atMost: "atMost"
        case .present: "present"
        case .absent: "absent"
        case .matches: "matches"
        }
    }

    public static let names = ["equals", "oneOf", "noneOf", "atLeast", "atMost", "present", "absent", "matches"]
}
