/// The threads alive at one text position, as instruction addresses: a sparse set with
/// O(1) insert, lookup and clear.
///
/// Membership is what stops the Pike VM from running two threads at the same instruction,
/// and clearing only resets the member count, so one pair of sets serves the whole text.
struct PatternThreadSet {
    private(set) var members: [Int] = []
    private var slots: [Int]

    init(capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        members.reserveCapacity(capacity)
    }

    var isEmpty: Bool { members.isEmpty }

    func contains(_ value: Int) -> Bool {
        let slot = slots[value]
        return slot < members.count && members[slot] == value
    }

    /// `value` must be below the capacity and not yet a member.
    mutating func insert(_ value: Int) {
        slots[value] = members.count
        members.append(value)
    }

    mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
    }
}
