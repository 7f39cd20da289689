/// One attribute of the brand's vocabulary: what a touchpoint may plan
/// (`address`, `tone`, `responseTime`…) and what values it takes.
public struct AttributeDefinition: Identified {
    public let id: String
    public var type: AttributeType
    public var description: String?
    public var location: SourceLocation

    public init(id: String, type: AttributeType, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.type = type
        self.description = description
        self.location = location
    }

    /// The value as it is written in files and reports.
    public func render(_ value: AttributeValue) -> String {
        switch value {
        case .choice(let index):
            let choices = type.choices
            return choices.indices.contains(index) ? choices[index] : "#\(index)"
        case .number(let number):
            return Self.render(number)
        case .duration(let duration):
            return duration.text
        case .text(let text):
            return text
        case .boolean(let flag):
            return flag ? "true" : "false"
        }
    }

    /// Orders two values for `atLeast`/`atMost`: by rank on a scale, by
    /// magnitude for numbers and durations. Nil when the type has no order.
    public func compare(_ lhs: AttributeValue, _ rhs: AttributeValue) -> Int? {
        switch (type, lhs, rhs) {
        case (.scale, .choice(let left), .choice(let right)):
            return left == right ? 0 : (left < right ? -1 : 1)
        case (.number, .number(let left), .number(let right)):
            return left == right ? 0 : (left < right ? -1 : 1)
        case (.duration, .duration(let left), .duration(let right)):
            return left.seconds == right.seconds ? 0 : (left.seconds < right.seconds ? -1 : 1)
        default:
            return nil
        }
    }

    /// Numbers print without a trailing `.0` when they are whole. Beyond
    /// 2^53, where `Double` no longer holds every integer, Swift prints an
    /// exponent instead.
    public static func render(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) <= 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return String(number)
    }
}
