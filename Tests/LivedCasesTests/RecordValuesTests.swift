import Testing

@testable import LivedCases

/// How a record stores lived values: each reads back bit for bit, in few
/// bytes when it is small, and two records' values keep the lived order
/// of their scalars' little-endian bytes.
@Suite("Record values")
struct RecordValuesTests {
    struct Value {
        var attribute: Int
        var kind: EventRecord.ValueKind
        var scalar: UInt64 = 0
        var text: [UInt8] = []
    }

    /// One record holding `values`, with the same key, time and activity.
    static func record(_ values: [Value]) -> [UInt8] {
        var writer = EventRecordWriter()
        Array("K".utf8).withUnsafeBufferPointer { writer.begin(key: $0, time: 7, row: 1, activity: 0, channel: -1, segment: -1, journey: -1) }
        writer.owner(nil)
        writer.activityName(nil)
        for value in values {
            if value.kind == .text {
                value.text.withUnsafeBufferPointer { writer.text(attribute: value.attribute, $0) }
            } else {
                writer.value(attribute: value.attribute, kind: value.kind, scalar: value.scalar)
            }
        }
        return Array(writer.record)
    }

    static func readBack(_ record: [UInt8]) -> [RecordedValue] {
        record.withUnsafeBufferPointer { bytes in
            var values: [RecordedValue] = []
            if let view = EventRecordView.read(bytes, at: 0) { RecordedValue.append(valuesOf: view, in: bytes, to: &values) }
            return values
        }
    }

    /// The bytes lived order compares values by: the count, then per
    /// value u16 attribute, u8 kind, and 8 bytes or a u16 length and the text, little-endian.
    static func orderBytes(_ values: [Value]) -> [UInt8] {
        var bytes = [UInt8(values.count)]
        func little<Field: FixedWidthInteger>(_ value: Field) {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        for value in values {
            little(UInt16(value.attribute))
            bytes.append(value.kind.rawValue)
            if value.kind == .text {
                little(UInt16(value.text.count))
                bytes += value.text
            } else {
                little(value.scalar)
            }
        }
        return bytes
    }

    static let numbers: [Double] = [0, -0.0, 1, 2, -1, -2, 0.5, 1.5, 1e15, -1e15, 0x1p62, -0x1p62, 0x1p63, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 9_007_199_254_740_994]

    @Test("Numbers, ranks, durations and booleans read back bit for bit")
    func scalarsReadBack() {
        for number in Self.numbers {
            let values = Self.readBack(Self.record([Value(attribute: 2, kind: .number, scalar: number.bitPattern)]))
            #expect(values.count == 1)
            #expect(values.first?.scalar.bitPattern == number.bitPattern, "\(number)")
            #expect(values.first?.kind == .number)
        }
        let durations: [Int64] = [0, 1, 127, 128, 2_280_000, Int64.max, -5]
        for milliseconds in durations {
            let values = Self.readBack(Self.record([Value(attribute: 40, kind: .duration, scalar: UInt64(bitPattern: milliseconds))]))
            #expect(values == [RecordedValue(attribute: 40, kind: .duration, scalar: Double(milliseconds), text: [])])
        }
        let values = Self.readBack(Self.record([
            Value(attribute: 0, kind: .choice, scalar: 3), Value(attribute: 30, kind: .boolean, scalar: 1), Value(attribute: 31, kind: .boolean, scalar: 0),
            Value(attribute: 65_535, kind: .text, text: Array("note".utf8)), Value(attribute: 1, kind: .text),
        ]))
        #expect(values == [
            RecordedValue(attribute: 0, kind: .choice, scalar: 3, text: []), RecordedValue(attribute: 30, kind: .boolean, scalar: 1, text: []),
            RecordedValue(attribute: 31, kind: .boolean, scalar: 0, text: []), RecordedValue(attribute: 65_535, kind: .text, scalar: 0, text: Array("note".utf8)),
            RecordedValue(attribute: 1, kind: .text, scalar: 0, text: []),
        ])
    }

    @Test("Small values take few bytes: a tag and one byte for a rank, a whole number or a boolean; a tag and 8 bytes for a fraction")
    func smallValuesAreShort() {
        let empty = Self.record([]).count
        #expect(Self.record([Value(attribute: 1, kind: .choice, scalar: 1)]).count == empty + 2)
        #expect(Self.record([Value(attribute: 1, kind: .boolean, scalar: 1)]).count == empty + 2)
        #expect(Self.record([Value(attribute: 1, kind: .number, scalar: 12.0.bitPattern)]).count == empty + 2)
        #expect(Self.record([Value(attribute: 1, kind: .number, scalar: 12.5.bitPattern)]).count == empty + 9)
        #expect(Self.record([Value(attribute: 1, kind: .number, scalar: (-0.0).bitPattern)]).count == empty + 9)
        // 38 minutes in milliseconds, 2,280,000: 22 bits, 4 bytes of 7.
        #expect(Self.record([Value(attribute: 1, kind: .duration, scalar: 2_280_000)]).count == empty + 5)
        // An attribute past 30 follows its tag.
        #expect(Self.record([Value(attribute: 31, kind: .choice, scalar: 1)]).count == empty + 3)
        #expect(Self.record([Value(attribute: 300, kind: .choice, scalar: 1)]).count == empty + 4)
    }

    @Test("Two records' values compare as their attributes', kinds' and scalars' little-endian bytes")
    func orderIsTheBytesOrder() {
        var generator = SeededGenerator(seed: 11)
        func pick<Element>(_ elements: [Element]) -> Element { elements[Int(generator.next() % UInt64(elements.count))] }
        func randomValues() -> [Value] {
            (0..<Int(generator.next() % 3)).map { _ in
                let attribute = pick([0, 1, 31, 256, 257])
                switch pick([EventRecord.ValueKind.choice, .number, .duration, .boolean, .text]) {
                case .choice: return Value(attribute: attribute, kind: .choice, scalar: pick([0, 1, 255, 256]))
                case .number: return Value(attribute: attribute, kind: .number, scalar: pick(Self.numbers).bitPattern)
                case .duration: return Value(attribute: attribute, kind: .duration, scalar: pick([0, 1, 60_000, 2_280_000]))
                case .boolean: return Value(attribute: attribute, kind: .boolean, scalar: pick([0, 1]))
                case .text: return Value(attribute: attribute, kind: .text, text: pick([[], [0x61], [0x61, 0x62], [0x62], [UInt8](repeating: 0x61, count: 256)]))
                }
            }
        }
        for _ in 0..<3000 {
            let left = randomValues(), right = randomValues()
            let bytes = Self.record(left) + Self.record(right)
            let result = bytes.withUnsafeBufferPointer { buffer -> Int? in
                guard let a = EventRecordView.read(buffer, at: 0), let b = EventRecordView.read(buffer, at: a.end) else { return nil }
                return RecordedValue.compare(valuesOf: a, b, in: buffer)
            }
            let expected = ByteOrder.compare(Self.orderBytes(left), Self.orderBytes(right))
            #expect(result.map { $0.signum() } == expected.signum(), "\(left) \(right)")
        }
    }
}
