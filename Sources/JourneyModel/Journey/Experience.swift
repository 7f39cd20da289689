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
        merge(base, overlaid: top, into: &result, attribute: \.attribute)
    }

    /// The same for anything keyed by attribute: the checker merges the
    /// numbers it reads an experience as the same way. Inlinable, so that
    /// each caller gets it specialized for its elements.
    @inlinable
    public static func merge<Element>(
        _ base: ArraySlice<Element>, overlaid top: ArraySlice<Element>, into result: inout [Element], attribute: (Element) -> Int
    ) {
        merge(base, overlaid: top, into: &result, attribute: attribute, topAttribute: attribute) { $0 }
    }

    /// The same over any two collections, each top element turned into a
    /// base one as it is laid over: lived steps lay their lived values'
    /// numbers over planned numbers this way, over buffers.
    @inlinable
    public static func merge<Base: RandomAccessCollection, Top: RandomAccessCollection>(
        _ base: Base, overlaid top: Top, into result: inout [Base.Element],
        attribute: (Base.Element) -> Int, topAttribute: (Top.Element) -> Int, converting convert: (Top.Element) -> Base.Element
    ) {
        // By index, comparing attributes in place: a lived case merges one per step.
        var left = base.startIndex, right = top.startIndex
        while left < base.endIndex, right < top.endIndex {
            let planned = attribute(base[left]), lived = topAttribute(top[right])
            if planned < lived {
                result.append(base[left])
                base.formIndex(after: &left)
            } else {
                result.append(convert(top[right]))
                top.formIndex(after: &right)
                if planned == lived { base.formIndex(after: &left) }
            }
        }
        // One by one: the tails are a value or two, shorter than a bulk copy's set-up.
        while left < base.endIndex {
            result.append(base[left])
            base.formIndex(after: &left)
        }
        while right < top.endIndex {
            result.append(convert(top[right]))
            top.formIndex(after: &right)
        }
    }
}

/// An experience's values read where they are stored, sorted by attribute:
/// a planned touchpoint's, or a lived touchpoint's, its lived values laid
/// over the planned ones without merging them into a copy (a lived case
/// reads its planned values in place).
public struct ExperienceValues: Sendable {
    /// The values laid over `base`, one per attribute: a lived touchpoint's
    /// lived values; empty for a planned experience.
    public let top: ArraySlice<PlannedValue>
    public let base: ArraySlice<PlannedValue>

    public init(_ values: ArraySlice<PlannedValue>) {
        self.init(values, overlaid: [])
    }

    /// `top`'s values over `base`'s, both sorted by attribute: `top`'s wins
    /// where both have one.
    public init(_ base: ArraySlice<PlannedValue>, overlaid top: ArraySlice<PlannedValue>) {
        self.base = base
        self.top = top
    }

    public subscript(attribute: Int) -> PlannedValue? {
        if let slot = Experience.slot(of: attribute, in: top) { return top[slot] }
        return Experience.slot(of: attribute, in: base).map { base[$0] }
    }

    public var isEmpty: Bool { top.isEmpty && base.isEmpty }
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
