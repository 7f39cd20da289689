import JourneyModel
import Testing

@Suite struct CatalogTests {
    struct Item: Identified, Equatable {
        let id: String
        var value: Int
    }

    @Test func looksEntriesUpByIdAndPosition() {
        let catalog = Catalog([Item(id: "lead", value: 1), Item(id: "proposal", value: 2), Item(id: "closing", value: 3)])
        #expect(catalog.count == 3)
        #expect(catalog.ids == ["lead", "proposal", "closing"])
        #expect(catalog.index(of: "closing") == 2)
        #expect(catalog.index(of: "negotiation") == nil)
        #expect(catalog[1] == Item(id: "proposal", value: 2))
        #expect(catalog[id: "lead"]?.value == 1)
        #expect(catalog[id: "Lead"] == nil)
        #expect(Array(catalog.indices) == [0, 1, 2])
        #expect(catalog.map(\.value) == [1, 2, 3])
    }

    @Test func keepsTheFirstOfEachId() {
        let catalog = Catalog([Item(id: "a", value: 1), Item(id: "b", value: 2), Item(id: "a", value: 3), Item(id: "c", value: 4)])
        #expect(catalog.ids == ["a", "b", "c"])
        #expect(catalog[id: "a"]?.value == 1)
        #expect(catalog.index(of: "c") == 2)
        #expect(catalog.entries.map(\.value) == [1, 2, 4])
    }

    @Test func anEmptyCatalog() {
        let catalog = Catalog<Item>([])
        #expect(catalog.isEmpty)
        #expect(catalog.ids.isEmpty)
        #expect(catalog.index(of: "a") == nil)
        #expect(catalog[id: "a"] == nil)
    }
}

@Suite struct MemberSetTests {
    @Test func holdsWhatIsInserted() {
        var set = MemberSet()
        #expect(set.isEmpty)
        #expect(set.count == 0)
        #expect(!set.contains(0))
        set.insert(3)
        set.insert(3)
        set.insert(0)
        #expect(!set.isEmpty)
        #expect(set.count == 2)
        #expect(set.contains(0) && set.contains(3))
        #expect(!set.contains(1) && !set.contains(2) && !set.contains(4))
    }

    @Test func spansSeveralWords() {
        let members = [0, 63, 64, 127, 128, 1_000]
        let set = MemberSet(members)
        #expect(set.count == members.count)
        for member in members { #expect(set.contains(member)) }
        for member in [1, 62, 65, 126, 129, 999, 1_001, 100_000] { #expect(!set.contains(member)) }
    }

    @Test func neverContainsANegativePosition() {
        #expect(!MemberSet([0, 1]).contains(-1))
        #expect(!MemberSet().contains(-64))
    }

    @Test func iteratesInIncreasingOrder() {
        let set = MemberSet([130, 5, 64, 0, 5, 63])
        #expect(Array(set) == [0, 5, 63, 64, 130])
        #expect(Array(MemberSet()) == [])
    }

    @Test func equalityIgnoresInsertionOrder() {
        #expect(MemberSet([1, 70]) == MemberSet([70, 1]))
        #expect(MemberSet([1]) != MemberSet([2]))
        #expect(MemberSet([]) == MemberSet())
        #expect(Set([MemberSet([1, 2]), MemberSet([2, 1]), MemberSet([3])]).count == 2)
    }
}
