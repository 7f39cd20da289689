/// The planned experience of a touchpoint: a value for some attributes of
/// the brand's vocabulary, each with where it is written.
///
/// Kept as a short array sorted by attribute: touchpoints plan a handful of
/// attributes, and a linear probe beats hashing at that size.
public struct Experience: Sendable {
    public private(set) var values: [PlannedValue]

    public init(_ values: [PlannedValue] = []) {
        self.values = values.sorted { $0.attribute < $1.attribute }
    }

    public subscript(attribute: Int) -> PlannedValue? {
        slot(of: attribute).map { values[$0] }
    }

    /// Where `attribute` is in `values`, without copying any value.
    public func slot(of attribute: Int) -> Int? { Self.slot(of: attribute, in: values[...]) }

    /// Where `attribute` is in `values`, sorted by attribute: the one probe
    /// of an experience, whether it is held whole or read out of a buffer.
    static func slot(of attribute: Int, in values: ArraySlice<PlannedValue>) -> Int? {
        for index in values.indices {
            let current = values[index].attribute
            if current == attribute { return index }
            if current > attribute { return nil }
        }
        return nil
    }

    /// The experience read in place, as a lived case's are.
    public var view: ExperienceValues { ExperienceValues(values[...]) }

    public var isEmpty: Bool { values.isEmpty }

    /// This experience with `overlay`'s values laid over it: how a segment's
    /// `bySegment` entry refines the touchpoint's common experience.
    public func overlaid(with overlay: Experience) -> Experience {
        guard !overlay.isEmpty else { return self }
        guard !isEmpty else { return overlay }
        var result = Experience()
        result.values.reserveCapacity(values.count + overlay.values.count)
        Self.merge(values[...], overlaid: overlay.values[...], into: &result.values)
        return result
    }

    /// Appends to `result` the values of `base` with those of `top` laid
    /// over them, both sorted by attribute with one value per attribute:
    /// `top`'s value wins where both have one.
    public static func merge(_ base: ArraySlice<PlannedValue>, overlaid top: ArraySlice<PlannedValue>, into result: inout [PlannedValue]) {
        // By index, comparing attributes in place: a lived case merges one per step.
        var left = base.startIndex, right = top.startIndex
        while left < base.endIndex, right < top.endIndex {
            let attribute = base[left].attribute, lived = top[right].attribute
            if attribute < lived {
                result.append(base[left])
                left += 1
            } else {
                result.append(top[right])
                right += 1
                if attribute == lived { left += 1 }
            }
        }
        result.append(contentsOf: base[left...])
        result.append(contentsOf: top[right...])
    }
}

/// An experience's values read where they are stored, sorted by attribute:
/// a planned touchpoint's, or a lived touchpoint's out of the one buffer
/// a case's experiences are laid out in.
public struct ExperienceValues: Sendable {
    public let values: ArraySlice<PlannedValue>

    public init(_ values: ArraySlice<PlannedValue>) {
        self.values = values
    }

    public subscript(attribute: Int) -> PlannedValue? {
        Experience.slot(of: attribute, in: values).map { values[$0] }
    }

    public var isEmpty: Bool { values.isEmpty }
}

/// One attribute value planned for a touchpoint.
///
/// Stored value first and the attribute's position as 32 bits, so that the
/// fields pack into 32 bytes rather than 40: a large workspace holds
/// millions of these (`CompactLayoutTests` pins the size).
public struct PlannedValue: Sendable {
    public var value: AttributeValue
    public var position: SourcePosition
    private var storedAttribute: Int32

    /// Position in the brand's attribute catalog.
    public var attribute: Int {
        get { Int(storedAttribute) }
        set { storedAttribute = Int32(truncatingIfNeeded: newValue) }
    }

    public init(attribute: Int, value: AttributeValue, position: SourcePosition) {
        self.value = value
        self.position = position
        storedAttribute = Int32(truncatingIfNeeded: attribute)
    }
}
