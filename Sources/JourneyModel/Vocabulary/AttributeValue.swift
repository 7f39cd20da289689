/// A value of an attribute, typed by the attribute's definition.
///
/// Words of an enumeration or scale are kept as their position in the
/// definition's list, so comparing two planned values is comparing integers.
public enum AttributeValue: Hashable, Sendable {
    /// Position in the definition's `choices`.
    case choice(Int)
    case number(Double)
    case duration(ISODuration)
    case text(String)
    case boolean(Bool)
}

extension AttributeValue {
    /// The same value, a duration or a text in storage of its own (see
    /// ``ISODuration/unshared()``).
    public func unshared() -> AttributeValue {
        switch self {
        case .choice, .number, .boolean: self
        case .duration(let duration): .duration(duration.unshared())
        case .text(let text): .text(String(decoding: Array(text.utf8), as: UTF8.self))
        }
    }
}
