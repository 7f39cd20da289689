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
    public internal(set) var owner: [UInt8]?
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

    /// Calls `body` for every case of the partition whose records are
    /// `bytes`, in an order of its own (callers merge order-independently).
    static func forEachCase(in bytes: [UInt8], activityNames: [[UInt8]], _ body: (ObservedCase) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var records: [EventRecordView] = []
            var offset = 0
            while offset < buffer.count, let view = EventRecordView.read(buffer, at: offset) {
                records.append(view)
                offset = view.end
            }
            // Cases by id, and each record's case.
            var table = ByteKeyTable(capacity: max(16, records.count / 4))
            var caseOf = [Int32](repeating: 0, count: records.count)
            var caseCount = 0
            for (index, record) in records.enumerated() {
                let key = UnsafeBufferPointer(rebasing: buffer[record.keyStart..<(record.keyStart + record.keyLength)])
                let found = table.insert(key, value: caseCount)
                if found == caseCount { caseCount += 1 }
                caseOf[index] = Int32(found)
            }
            // Records in case order: a counting sort.
            var starts = [Int](repeating: 0, count: caseCount + 1)
            for owner in caseOf { starts[Int(owner) + 1] += 1 }
            for index in 0..<caseCount { starts[index + 1] += starts[index] }
            var order = [Int32](repeating: 0, count: records.count)
            var fill = starts
            for (index, owner) in caseOf.enumerated() {
                order[fill[Int(owner)]] = Int32(index)
                fill[Int(owner)] += 1
            }
            var current = ObservedCase()
            var members: [Int32] = []
            for caseIndex in 0..<caseCount {
                members.removeAll(keepingCapacity: true)
                members.append(contentsOf: order[starts[caseIndex]..<starts[caseIndex + 1]])
                build(&current, from: members, records: records, buffer: buffer, activityNames: activityNames)
                body(current)
            }
        }
    }

    /// Fills `observed` with one case's events, sorted and without duplicates.
    private static func build(
        _ observed: inout ObservedCase, from members: [Int32], records: [EventRecordView], buffer: UnsafeBufferPointer<UInt8>,
        activityNames: [[UInt8]]
    ) {
        func slice(_ start: Int, _ length: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[start..<(start + length)])
        }
        func nameBytes(_ record: EventRecordView) -> UnsafeBufferPointer<UInt8> {
            record.activity >= 0 ? UnsafeBufferPointer<UInt8>(start: nil, count: 0) : slice(record.nameStart, record.nameLength)
        }
        /// Lived order: time, activity name, values, row.
        func compare(_ left: EventRecordView, _ right: EventRecordView) -> Int {
            if left.time != right.time { return left.time < right.time ? -1 : 1 }
            let byName = compareActivities(left, right)
            if byName != 0 { return byName }
            let byValues = ByteOrder.compare(slice(left.valuesStart, left.end - left.valuesStart), slice(right.valuesStart, right.end - right.valuesStart))
            if byValues != 0 { return byValues }
            return left.row == right.row ? 0 : (left.row < right.row ? -1 : 1)
        }
        func compareActivities(_ left: EventRecordView, _ right: EventRecordView) -> Int {
            if left.activity >= 0, right.activity >= 0 { return Int(left.activity) - Int(right.activity) }
            let leftName = left.activity >= 0 ? nil : nameBytes(left)
            let rightName = right.activity >= 0 ? nil : nameBytes(right)
            return withName(left, leftName, activityNames) { a in withName(right, rightName, activityNames) { b in ByteOrder.compare(a, b) } }
        }
        var sorted = members.map { records[Int($0)] }
        if sorted.count > 1 { sorted.sort { compare($0, $1) < 0 } }

        let first = sorted[0]
        observed.key = Array(slice(first.keyStart, first.keyLength))
        observed.events.removeAll(keepingCapacity: true)
        observed.values.removeAll(keepingCapacity: true)
        observed.names.removeAll(keepingCapacity: true)
        observed.duplicateRows.removeAll(keepingCapacity: true)
        observed.segment = nil
        observed.journey = nil
        observed.owner = nil
        observed.duplicates = 0
        var previous: EventRecordView?
        for record in sorted {
            if let before = previous, before.time == record.time, compareActivities(before, record) == 0 {
                observed.duplicates += 1
                if observed.duplicateRows.count < duplicateRowsShown { observed.duplicateRows.append(record.row) }
                continue
            }
            previous = record
            if observed.segment == nil, record.segment >= 0 { observed.segment = Int(record.segment) }
            if observed.journey == nil, record.journey >= 0 { observed.journey = Int(record.journey) }
            if observed.owner == nil, record.ownerLength > 0 { observed.owner = Array(slice(record.ownerStart, record.ownerLength)) }
            var name = -1
            if record.activity < 0 {
                name = observed.names.count
                observed.names.append(Array(slice(record.nameStart, record.nameLength)))
            }
            let valueStart = observed.values.count
            observed.values += RecordedValue.values(of: record, in: buffer)
            observed.events.append(ObservedEvent(
                time: record.time, row: record.row, activity: record.activity, name: name, channel: record.channel,
                values: valueStart..<observed.values.count
            ))
        }
    }

    private static func withName<Result>(
        _ record: EventRecordView, _ unmapped: UnsafeBufferPointer<UInt8>?, _ names: [[UInt8]], _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let unmapped { return body(unmapped) }
        let index = Int(record.activity)
        guard names.indices.contains(index) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return names[index].withUnsafeBufferPointer(body)
    }
}
