/// One case of an export (one customer's journey, one opportunity): its
/// events in lived order, duplicates removed, and what its rows say of the
/// case as a whole.
///
/// Lived order is by time, then by activity name (bytes), then by the
/// lived values the row holds, so that events at the same instant come in
/// the same order whatever the order of the rows. Two events of a case at
/// the same time with the same activity are one event lived once: the
/// first in that order is kept, the others are counted as duplicates.
public struct ObservedCase: Sendable {
    /// The case id's bytes.
    public internal(set) var key: [UInt8] = []
    public internal(set) var events: [ObservedEvent] = []
    /// Every event's lived values, each event's at `events[i].values`.
    public internal(set) var values: [RecordedValue] = []
    /// The segment the first event naming one gives (position in the brand's segments).
    public internal(set) var segment: Int?
    /// The journey the first event naming one gives (position among the brand's journeys).
    public internal(set) var journey: Int?
    /// The owner the first event naming one gives.
    public var owner: [UInt8]? { hasOwner ? ownerBytes : nil }
    /// The owner's bytes, kept from case to case so that a new owner is
    /// written into the same storage.
    fileprivate var ownerBytes: [UInt8] = []
    fileprivate var hasOwner = false
    /// Events dropped as duplicates, and the rows they were on (the first few).
    public internal(set) var duplicates = 0
    public internal(set) var duplicateRows: [Int] = []
    /// Unmapped activity names, by position in ``ObservedEvent/name``.
    public internal(set) var names: [[UInt8]] = []

    public init() {}

    /// The lived values of an event.
    public func values(of event: ObservedEvent) -> ArraySlice<RecordedValue> {
        values[event.values]
    }

    /// The activity name of an unmapped event, or nil.
    public func name(of event: ObservedEvent) -> [UInt8]? {
        event.name >= 0 ? names[event.name] : nil
    }
}

/// One lived event of a case.
public struct ObservedEvent: Sendable {
    /// Milliseconds since 1970 UTC.
    public let time: Int64
    /// Where it is in the export (row, line or event number).
    public let row: Int
    /// Position in the source's activities; -1 for a name the source does not map.
    public let activity: Int32
    /// Position in the case's ``ObservedCase/names`` for an unmapped activity; -1 otherwise.
    public let name: Int
    /// Position in the brand's channels; -1 when the row names none.
    public let channel: Int16
    /// The event's lived values, in the case's ``ObservedCase/values``.
    public let values: Range<Int>
}

/// The cases of one partition: its records parsed, grouped by case id and
/// put in lived order, one case at a time.
enum PartitionGrouping {
    /// How many duplicate rows a case names.
    static let duplicateRowsShown = 5
    /// Cases of at most this many events are sorted by insertion; most
    /// cases are a dozen events or fewer.
    static let insertionSortLimit = 24

    /// Cases of up to this many events share one scratch; a larger one
    /// gets scratch of its own, given back before the case is judged, so
    /// that a case of a million events does not hold its sorting scratch
    /// (a few dozen megabytes) while its lived journey is laid out.
    static let sharedScratchLimit = 1 << 14

    /// Calls `body` for every case of the partition whose records are
    /// `bytes`, in an order of its own (callers merge order-independently).
    ///
    /// ``CaseIndex`` reads where each record starts and which case it is
    /// of; the records are then copied case by case into bytes of their own,
    /// so that a case's records are next to each other and building it reads
    /// them in order, rather than all over the partition (read where they
    /// lie, each record would cost a cache miss that the copy's writes do
    /// not). A case's scratch (its records, their times and its order) is
    /// sized once for the partition's largest case up to
    /// ``sharedScratchLimit``.
    static func forEachCase(in bytes: consuming [UInt8], activityNames: [[UInt8]], _ body: (ObservedCase) -> Void) {
        let (grouped, byteStarts, recordCounts) = bytes.withUnsafeBufferPointer { buffer in
            let index = CaseIndex(buffer)
            return (index.copyByCase(buffer), index.byteStarts, index.recordCounts)
        }
        // The partition's bytes as read are not needed past here: freed now,
        // one partition's bytes at a time are held, not two.
        bytes = []
        let shared = CaseScratch(capacity: min(Int(recordCounts.max() ?? 0), sharedScratchLimit))
        defer { shared.deallocate() }
        var current = ObservedCase()
        grouped.withUnsafeBufferPointer { buffer in
            for caseIndex in 0..<(byteStarts.count - 1) {
                let records = Int(recordCounts[caseIndex])
                let scratch = records <= shared.capacity ? shared : CaseScratch(capacity: records)
                build(
                    &current, from: byteStarts[caseIndex]..<byteStarts[caseIndex + 1], in: buffer, scratch: scratch,
                    activityNames: activityNames
                )
                if records > shared.capacity { scratch.deallocate() }
                body(current)
            }
        }
    }

    /// Fills `observed` with the case whose records are `bytes` of
    /// `buffer` (the partition's records, grouped), sorted in `scratch`.
    private static func build(
        _ observed: inout ObservedCase, from bytes: Range<Int>, in buffer: UnsafeBufferPointer<UInt8>, scratch: CaseScratch,
        activityNames: [[UInt8]]
    ) {
        var count = 0, values = 0
        var offset = bytes.lowerBound
        while offset < bytes.upperBound, count < scratch.capacity, let view = EventRecordView.read(buffer, at: offset) {
            (scratch.records + count).initialize(to: view)
            scratch.times[count] = view.time
            scratch.members[count] = Int32(truncatingIfNeeded: count)
            count += 1
            values += view.valueCount
            offset = view.end
        }
        let lived = LivedOrder(
            records: UnsafeBufferPointer(start: scratch.records, count: count),
            times: UnsafeBufferPointer(start: scratch.times, count: count), buffer: buffer, activityNames: activityNames
        )
        let sorted = UnsafeMutableBufferPointer(start: scratch.members, count: count)
        lived.sort(sorted)
        build(&observed, from: UnsafeBufferPointer(sorted), order: lived, values: values)
    }

    /// Where a case's records are read, timed and sorted.
    private struct CaseScratch {
        let capacity: Int
        let records: UnsafeMutablePointer<EventRecordView>
        let times: UnsafeMutablePointer<Int64>
        let members: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            self.capacity = capacity
            records = .allocate(capacity: capacity)
            times = .allocate(capacity: capacity)
            members = .allocate(capacity: capacity)
        }

        func deallocate() {
            records.deallocate()
            times.deallocate()
            members.deallocate()
        }
    }

    /// Fills `observed` with one case's events, `members` sorted in lived
    /// order, without duplicates, whose records hold `values` values in all;
    /// its buffers are reused from case to case.
    private static func build(_ observed: inout ObservedCase, from members: UnsafeBufferPointer<Int32>, order: LivedOrder, values: Int) {
        let buffer = order.buffer
        func slice(_ start: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[start..<(start + length)])
        }
        guard let firstMember = members.first else { return }
        let first = order.records[Int(firstMember)]
        observed.reset(key: slice(first.keyStart, first.keyLength))
        // As many as there may be (the records' `values` values): a large
        // case's events and values do not double past them.
        observed.events.reserveCapacity(members.count)
        observed.values.reserveCapacity(values)
        var previous = -1
        for member in members {
            let record = order.records[Int(member)]
            if previous >= 0, order.times[previous] == record.time, order.compareActivities(order.records[previous], record) == 0 {
                observed.duplicates += 1
                if observed.duplicateRows.count < duplicateRowsShown { observed.duplicateRows.append(record.row) }
                continue
            }
            previous = Int(member)
            if observed.segment == nil, record.segment >= 0 { observed.segment = Int(record.segment) }
            if observed.journey == nil, record.journey >= 0 { observed.journey = Int(record.journey) }
            if !observed.hasOwner, record.ownerLength > 0 { observed.setOwner(slice(record.ownerStart, record.ownerLength)) }
            var name = -1
            if record.activity < 0 {
                name = observed.names.count
                observed.names.append(Array(slice(record.nameStart, record.nameLength)))
            }
            let valueStart = observed.values.count
            RecordedValue.append(valuesOf: record, in: buffer, to: &observed.values)
            observed.events.append(ObservedEvent(
                time: record.time, row: record.row, activity: record.activity, name: name, channel: record.channel,
                values: valueStart..<observed.values.count
            ))
        }
    }
}

extension ObservedCase {
    /// Empties the case for the one whose id is `key`, keeping its buffers.
    fileprivate mutating func reset(key newKey: UnsafeBufferPointer<UInt8>) {
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: newKey)
        events.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        // Most cases have neither: not emptied again when empty.
        if !names.isEmpty { names.removeAll(keepingCapacity: true) }
        if !duplicateRows.isEmpty { duplicateRows.removeAll(keepingCapacity: true) }
        segment = nil
        journey = nil
        hasOwner = false
        duplicates = 0
    }

    fileprivate mutating func setOwner(_ owner: UnsafeBufferPointer<UInt8>) {
        ownerBytes.removeAll(keepingCapacity: true)
        ownerBytes.append(contentsOf: owner)
        hasOwner = true
    }
}

/// Lived order on the records of one partition: time, then activity name
/// (bytes), then the values' bytes, then row. Times are compared first from
/// their own array; only records at the same instant are compared further.
struct LivedOrder {
    let records: UnsafeBufferPointer<EventRecordView>
    let times: UnsafeBufferPointer<Int64>
    let buffer: UnsafeBufferPointer<UInt8>
    let activityNames: [[UInt8]]

    /// Sorts record indices in lived order: by insertion for a small case,
    /// else by the standard library's sort (n log n, whatever the case's size).
    func sort(_ members: UnsafeMutableBufferPointer<Int32>) {
        guard members.count > 1 else { return }
        guard members.count <= PartitionGrouping.insertionSortLimit else {
            var members = members
            members.sort { precedes(Int($0), Int($1)) }
            return
        }
        for next in 1..<members.count {
            let moving = members[next]
            var place = next
            while place > 0, precedes(Int(moving), Int(members[place - 1])) {
                members[place] = members[place - 1]
                place -= 1
            }
            members[place] = moving
        }
    }

    @inline(__always)
    func precedes(_ left: Int, _ right: Int) -> Bool {
        let leftTime = times[left], rightTime = times[right]
        if leftTime != rightTime { return leftTime < rightTime }
        return compare(records[left], records[right]) < 0
    }

    /// Lived order: time, activity name, values, then what else the row
    /// says (channel, segment, journey, owner), then row. Of duplicates (the
    /// same time and activity) the first in this order is kept, so which
    /// one is kept depends on what the rows say, not on where they stand:
    /// the row decides only between rows that say the same.
    func compare(_ left: EventRecordView, _ right: EventRecordView) -> Int {
        if left.time != right.time { return left.time < right.time ? -1 : 1 }
        let byName = compareActivities(left, right)
        if byName != 0 { return byName }
        let byValues = RecordedValue.compare(valuesOf: left, right, in: buffer)
        if byValues != 0 { return byValues }
        if left.channel != right.channel { return Int(left.channel) - Int(right.channel) }
        if left.segment != right.segment { return Int(left.segment) - Int(right.segment) }
        if left.journey != right.journey { return Int(left.journey) - Int(right.journey) }
        let byOwner = ByteOrder.compare(slice(left.ownerStart, left.ownerLength), slice(right.ownerStart, right.ownerLength))
        if byOwner != 0 { return byOwner }
        return left.row == right.row ? 0 : (left.row < right.row ? -1 : 1)
    }

    /// Activity names by bytes; mapped activities by position, the source's
    /// activities being sorted by name.
    func compareActivities(_ left: EventRecordView, _ right: EventRecordView) -> Int {
        if left.activity >= 0, right.activity >= 0 { return Int(left.activity) - Int(right.activity) }
        return withName(left) { a in withName(right) { b in ByteOrder.compare(a, b) } }
    }

    private func slice(_ start: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[start..<(start + length)])
    }

    private func withName<Result>(_ record: EventRecordView, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if record.activity < 0 { return body(slice(record.nameStart, record.nameLength)) }
        let index = Int(record.activity)
        guard activityNames.indices.contains(index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return activityNames[index].withUnsafeBufferPointer(body)
    }
}

/// Which case each record of a partition is of, and where each case's
/// bytes begin once the records are copied case after case: one pass reads
/// each record's case id (looked up in a ``PartitionKeyTable``), then a
/// counting sort places the cases.
///
/// ```swift
/// // Records of 60, 70 and 50 bytes, of cases A, B, A:
/// // byteStarts == [0, 110, 180], recordCounts == [2, 1];
/// // copyByCase gives the first and third records, then the second.
/// ```
struct CaseIndex {
    /// Where each record starts, and one more entry: where the last ends.
    private var recordStarts: [Int] = []
    /// Each record's case, numbered in order of first appearance.
    private var caseOf: [Int32] = []
    /// Where each case's bytes begin once grouped: one more entry than
    /// there are cases, the last being the bytes' count.
    private(set) var byteStarts: [Int] = [0]
    /// How many records each case has.
    private(set) var recordCounts: [Int32] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // Records take at least 25 bytes; most take 40 or more.
        recordStarts.reserveCapacity(buffer.count / 40 + 2)
        caseOf.reserveCapacity(buffer.count / 40 + 1)
        // About one case per seven records of about 50 bytes; the table grows past that.
        var table = PartitionKeyTable(keys: buffer.count / 350)
        var caseCount = 0
        var offset = 0
        while offset < buffer.count, let view = EventRecordKey.read(buffer, at: offset) {
            let found = table.insert(at: view.keyStart, length: view.keyLength, hash: view.keyHash, in: buffer, value: caseCount)
            if found == caseCount { caseCount += 1 }
            recordStarts.append(offset)
            caseOf.append(Int32(truncatingIfNeeded: found))
            offset = view.end
        }
        recordStarts.append(offset)
        var starts = [Int](repeating: 0, count: caseCount + 1)
        var records = [Int32](repeating: 0, count: caseCount)
        for (index, owner) in caseOf.enumerated() {
            starts[Int(owner) + 1] += recordStarts[index + 1] - recordStarts[index]
            records[Int(owner)] += 1
        }
        for index in 0..<caseCount { starts[index + 1] += starts[index] }
        byteStarts = starts
        recordCounts = records
    }

    /// The records of `buffer` (the one the index was read from) copied
    /// case after case, each case's in the order of the partition.
    func copyByCase(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let total = byteStarts[byteStarts.count - 1]
        var next = byteStarts
        return [UInt8](unsafeUninitializedCapacity: total) { bytes, initialized in
            guard let target = bytes.baseAddress, let source = buffer.baseAddress else { return }
            for (index, owner) in caseOf.enumerated() {
                let length = recordStarts[index + 1] - recordStarts[index]
                (target + next[Int(owner)]).initialize(from: source + recordStarts[index], count: length)
                next[Int(owner)] += length
            }
            // The cases' bytes tile 0..<total: each record's length is counted once.
            initialized = total
        }
    }
}
