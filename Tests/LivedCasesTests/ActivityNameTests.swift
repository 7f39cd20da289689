import Testing

@testable import LivedCases

/// Unmapped activity names are kept to a bounded length, cut where a
/// character ends so that a report never shows half of one.
@Suite("Activity names kept")
struct ActivityNameTests {
    static func kept(_ name: String) -> Int {
        let bytes = Array(name.utf8)
        return bytes.withUnsafeBufferPointer { EventRecord.keptActivityBytes(of: $0) }
    }

    @Test("a name up to the limit is kept whole, a longer ASCII one cut at the limit")
    func ascii() {
        let limit = EventRecord.longestActivityName
        #expect(Self.kept(String(repeating: "a", count: limit)) == limit)
        #expect(Self.kept(String(repeating: "a", count: limit + 50)) == limit)
        #expect(Self.kept("short") == 5)
    }

    @Test("a character across the limit is left out whole, never split")
    func multiByte() {
        let limit = EventRecord.longestActivityName
        // "é" is 2 bytes: at bytes limit-1 and limit, so it is left out.
        #expect(Self.kept(String(repeating: "a", count: limit - 1) + "é" + "tail") == limit - 1)
        // "🎁" is 4 bytes: at limit-2 … limit+1.
        #expect(Self.kept(String(repeating: "a", count: limit - 2) + "🎁" + "tail") == limit - 2)
        // A character ending exactly at the limit is kept.
        #expect(Self.kept(String(repeating: "a", count: limit - 2) + "é" + "tail") == limit)
        // Every kept prefix of a long accented name is valid UTF-8.
        let accented = Array(String(repeating: "é", count: 150).utf8)
        let count = accented.withUnsafeBufferPointer { EventRecord.keptActivityBytes(of: $0) }
        #expect(count == limit)
        #expect(String(validating: accented[..<count], as: UTF8.self) != nil)
        let odd = Array(("a" + String(repeating: "é", count: 150)).utf8)
        let oddCount = odd.withUnsafeBufferPointer { EventRecord.keptActivityBytes(of: $0) }
        #expect(oddCount == limit - 1)
        #expect(String(validating: odd[..<oddCount], as: UTF8.self) != nil)
    }
}
