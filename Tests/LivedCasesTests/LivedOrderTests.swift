import Testing

@testable import LivedCases

/// Lived order on records written by hand with ties at every level (time,
/// activity name, values, the rest of the row, row), and the cases a
/// partition's records give.
@Suite("Lived order and grouping of one partition")
struct LivedOrderTests {
    /// The source's activities, sorted by name as a compiled source has them.
    static let activities = ["Browsed", "Call", "Mail sent"].map { Array($0.utf8) }

    struct Row {
        var key = "C1"
        var time: Int64 = 100
        var row: Int
        /// A position in ``activities``, or -1 with `name`.
        var activity: Int32 = -1
        var name = ""
        var owner = ""
        var numbers: [Double] = []
        var channel: Int16 = -1
        var segment: Int16 = -1
        var journey: Int16 = -1
    }

    static func bytes(_ rows: [Row]) -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = EventRecordWriter()
        for row in rows {
            Array(row.key.utf8).withUnsafeBufferPointer { key in
                writer.begin(
                    key: key, time: row.time, row: row.row, activity: row.activity, channel: row.channel, segment: row.segment,
                    journey: row.journey
                )
            }
            Array(row.owner.utf8).withUnsafeBufferPointer { writer.owner(row.owner.isEmpty ? nil : $0) }
            Array(row.name.utf8).withUnsafeBufferPointer { writer.activityName(row.activity >= 0 ? nil : $0) }
            for (index, number) in row.numbers.enumerated() { writer.value(attribute: index, kind: .number, scalar: number.bitPattern) }
            bytes += writer.record
        }
        return bytes
    }

    /// One case's rows, at rows 0…9, all but one at the same instant.
    static let ties = [
        Row(row: 1, activity: 1),                    // Call
        Row(row: 2, name: "Bounce", owner: "Ana"),   // unmapped, before "Browsed"
        Row(row: 3, activity: 0, numbers: [2]),      // Browsed, 2.0: its bytes (…00 40) precede 1.0's (…F0 3F)
        Row(row: 4, activity: 0, numbers: [1]),
        Row(row: 0, activity: 0, numbers: [1]),      // as row 4, but an earlier row
        Row(time: 50, row: 9, name: "Zeta"),
        Row(row: 7, name: "Browsedx", owner: "Bo"),  // unmapped, between "Browsed" and "Call"
    ]

    /// The records' rows in the order `LivedOrder.sort` gives, and in the
    /// order the full comparator gives.
    static func sortedRows(_ rows: [Row]) -> (sorted: [Int], reference: [Int]) {
        let bytes = bytes(rows)
        return bytes.withUnsafeBufferPointer { buffer in
            var views: [EventRecordView] = []
            var offset = 0
            while offset < buffer.count, let view = EventRecordView.read(buffer, at: offset) {
                views.append(view)
                offset = view.end
            }
            let times = views.map(\.time)
            return views.withUnsafeBufferPointer { records in
                times.withUnsafeBufferPointer { times in
                    let order = LivedOrder(records: records, times: times, buffer: buffer, activityNames: activities)
                    var members = (0..<Int32(views.count)).map { $0 }
                    members.withUnsafeMutableBufferPointer { order.sort($0) }
                    let reference = views.indices.sorted { order.compare(views[$0], views[$1]) < 0 }
                    return (members.map { views[Int($0)].row }, reference.map { views[$0].row })
                }
            }
        }
    }

    @Test("Ties on time go by activity name bytes, mapped or not, then value bytes, then row")
    func handMadeTies() {
        let expected = [9, 2, 3, 0, 4, 7, 1]
        for rotation in 0..<Self.ties.count {
            let rows = Array(Self.ties[rotation...] + Self.ties[..<rotation])
            let (sorted, reference) = Self.sortedRows(rows)
            #expect(sorted == expected, "rotation \(rotation)")
            #expect(reference == expected, "rotation \(rotation)")
        }
    }

    @Test("A case too large for insertion is sorted as the full comparator sorts it")
    func largeCase() {
        var generator = SeededGenerator(seed: 7)
        for count in [PartitionGrouping.insertionSortLimit, PartitionGrouping.insertionSortLimit + 1, 90] {
            let rows = (0..<count).map { index in
                let pick = Int(generator.next() % 5)
                return Row(
                    time: Int64(generator.next() % 3), row: count - index, activity: pick < 3 ? Int32(pick) : -1,
                    name: pick == 3 ? "Bounce" : "Chat", numbers: [Double(generator.next() % 2)]
                )
            }
            let (sorted, reference) = Self.sortedRows(rows)
            #expect(sorted == reference, "\(count) events")
            #expect(Set(sorted).count == count)
        }
    }

    @Test("A partition's cases: lived order, duplicates at one instant and activity, first owner, whatever the record order")
    func partitionCases() {
        let others = [
            Row(key: "C2", time: 5, row: 20, activity: 2),
            Row(key: "C3", time: 8, row: 30, activity: 1, owner: "Cy"),
            Row(key: "C3", time: 6, row: 31, activity: 1),
        ]
        var seen: [[String]] = []
        for rotation in 0..<(Self.ties.count + others.count) {
            let all = Self.ties + others
            let rows = Array(all[rotation...] + all[..<rotation])
            var cases: [ObservedCase] = []
            PartitionGrouping.forEachCase(in: Self.bytes(rows), activityNames: Self.activities) { cases.append($0) }
            cases.sort { $0.key.lexicographicallyPrecedes($1.key) }
            let lines = cases.map { observed in
                let events = observed.events.map { event in
                    let name = observed.name(of: event).map { String(decoding: $0, as: UTF8.self) } ?? "#\(event.activity)"
                    return "\(event.time)/\(name)/r\(event.row)/" + observed.values(of: event).map { "\($0.attribute)=\($0.scalar)" }.joined(separator: ";")
                }
                let owner = observed.owner.map { String(decoding: $0, as: UTF8.self) } ?? "-"
                return "\(String(decoding: observed.key, as: UTF8.self)) \(owner) d\(observed.duplicates)\(observed.duplicateRows): "
                    + events.joined(separator: " ")
            }
            seen.append(lines)
        }
        #expect(seen[0] == [
            "C1 Ana d2[0, 4]: 50/Zeta/r9/ 100/Bounce/r2/ 100/#0/r3/0=2.0 100/Browsedx/r7/ 100/#1/r1/",
            "C2 - d0[]: 5/#2/r20/",
            "C3 Cy d0[]: 6/#1/r31/ 8/#1/r30/",
        ])
        #expect(seen.allSatisfy { $0 == seen[0] })
    }

    /// Pairs of rows of one case at the same time with the same activity,
    /// the first the one kept: its channel, segment, journey or owner comes
    /// first, the rest being the same.
    static let duplicatePairs: [(kept: Row, dropped: Row)] = [
        (Row(row: 0, activity: 0, owner: "Bob", segment: 0), Row(row: 0, activity: 0, owner: "Alice", channel: 2, segment: 1)),
        (Row(row: 0, activity: 0, owner: "Zed", channel: 1, segment: 0), Row(row: 0, activity: 0, owner: "Amy", channel: 1, segment: 1)),
        (Row(row: 0, activity: 0, segment: 1, journey: 0), Row(row: 0, activity: 0, segment: 1, journey: 3)),
        (Row(row: 0, activity: 0, owner: "Al", channel: 1), Row(row: 0, activity: 0, owner: "Bea", channel: 1)),
    ]

    @Test("Of duplicates, the one kept is chosen by what the rows say, whichever row comes first", arguments: duplicatePairs.indices)
    func duplicateKeptWhateverTheRowOrder(pair: Int) {
        let (kept, dropped) = Self.duplicatePairs[pair]
        for (order, (first, second)) in [(kept, dropped), (dropped, kept)].enumerated() {
            var first = first, second = second
            first.row = 1
            second.row = 2
            var cases: [ObservedCase] = []
            PartitionGrouping.forEachCase(in: Self.bytes([first, second]), activityNames: Self.activities) { cases.append($0) }
            #expect(cases.count == 1)
            guard let observed = cases.first, let event = observed.events.first else { continue }
            #expect(observed.duplicates == 1)
            #expect(observed.events.count == 1)
            #expect(event.channel == kept.channel)
            #expect(observed.segment == (kept.segment >= 0 ? Int(kept.segment) : nil))
            #expect(observed.journey == (kept.journey >= 0 ? Int(kept.journey) : nil))
            #expect(observed.owner.map { String(decoding: $0, as: UTF8.self) } ?? "" == kept.owner)
            #expect(event.row == (order == 0 ? 1 : 2), "the kept row is where its content stands")
        }
    }

    @Test("A case past the shared scratch is grouped in scratch of its own, the cases after it in the shared one")
    func caseLargerThanTheSharedScratch() {
        let large = PartitionGrouping.sharedScratchLimit + 1
        var rows = (0..<large).map { Row(key: "BIG", time: Int64(large - $0), row: $0, activity: Int32($0 % 3)) }
        rows.insert(Row(key: "S", time: 9, row: large + 1, activity: 1), at: 1)
        rows.append(Row(key: "S", time: 3, row: large + 2, activity: 2))
        rows.append(Row(key: "T", time: 1, row: large + 3, activity: 0))
        var seen: [String: [Int64]] = [:]
        PartitionGrouping.forEachCase(in: Self.bytes(rows), activityNames: Self.activities) { observed in
            seen[String(decoding: observed.key, as: UTF8.self)] = observed.events.map(\.time)
        }
        #expect(seen["BIG"] == (1...Int64(large)).map { $0 })
        #expect(seen["S"] == [3, 9])
        #expect(seen["T"] == [1])
    }

    @Test("A partition's index: each case's bytes and record count, records copied case after case in partition order")
    func caseIndex() {
        // 26 bytes (key, fixed fields, four one-byte counts, three empty lengths), 28 (an owner of
        // two bytes), 28 (one number value, whole: a tag and one byte): at 0, 26 and 54.
        let bytes = Self.bytes([Row(key: "A", row: 1, activity: 0), Row(key: "B", row: 2, activity: 0, owner: "Bo"), Row(key: "A", row: 3, activity: 0, numbers: [1])])
        #expect(bytes.count == 82)
        bytes.withUnsafeBufferPointer { buffer in
            let index = CaseIndex(buffer)
            #expect(index.byteStarts == [0, 54, 82])
            #expect(index.recordCounts.max() == 2)
            #expect(index.recordCounts == [2, 1])
            #expect(index.copyByCase(buffer) == Array(bytes[0..<26] + bytes[54..<82] + bytes[26..<54]))
        }
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { buffer in
            let index = CaseIndex(buffer)
            #expect(index.byteStarts == [0])
            #expect(index.recordCounts.isEmpty)
            #expect(index.copyByCase(buffer).isEmpty)
        }
    }

    @Test("A record whose owner runs past its length reads as nothing")
    func ownerPastTheRecord() {
        var bytes = Self.bytes([Row(key: "B", row: 2, activity: 0, owner: "Bo")])
        #expect(bytes.count == 28)
        #expect(bytes.withUnsafeBufferPointer { EventRecordView.read($0, at: 0) }?.ownerStart == 24)
        // The owner's length, at 23: 3 bytes leave no room for the name's length and the values' count.
        bytes[23] = 3
        #expect(bytes.withUnsafeBufferPointer { EventRecordView.read($0, at: 0) } == nil)
    }
}
