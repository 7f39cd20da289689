import JourneyModel

/// What a segment plans at each touchpoint of a journey, laid out flat for
/// lived steps to be read over: touchpoint `p`'s values are
/// `values[starts[p]..<starts[p + 1]]`, and the checker's numbers for them
/// (``PlannedSlot``) are at the same places in `slots`. A lived step reads
/// its planned touchpoint's values in place and copies only those numbers,
/// which hold no reference: no value planned is copied or counted per step.
///
/// Each value is held in storage of its own (``AttributeValue/unshared()``):
/// one is made per task, and references no other task counts count cheaply.
///
/// ```swift
/// let planned = PlannedExperiences(path.experiences)
/// planned.experience(of: 2)[address]?.value   // .choice(0): what touchpoint 2 plans
/// ```
public final class PlannedExperiences: Sendable {
    let values: [PlannedValue]
    let slots: [PlannedSlot]
    let starts: [Int32]

    /// - Parameter experiences: by touchpoint position, what is planned there.
    public init(_ experiences: [Experience]) {
        var values: [PlannedValue] = [], starts: [Int32] = [0]
        for experience in experiences {
            for planned in experience.values {
                values.append(PlannedValue(attribute: planned.attribute, value: planned.value.unshared(), position: planned.position))
            }
            starts.append(Int32(truncatingIfNeeded: values.count))
        }
        self.values = values
        slots = values.map(PlannedSlot.init)
        self.starts = starts
    }

    /// How many touchpoints are laid out.
    public var count: Int { starts.count - 1 }

    /// Where touchpoint `touchpoint`'s values are, in `values` and in `slots`.
    func range(of touchpoint: Int) -> Range<Int> { Int(starts[touchpoint])..<Int(starts[touchpoint + 1]) }

    /// What touchpoint `touchpoint` plans, read in place.
    public func experience(of touchpoint: Int) -> ExperienceValues { ExperienceValues(values[range(of: touchpoint)]) }
}
