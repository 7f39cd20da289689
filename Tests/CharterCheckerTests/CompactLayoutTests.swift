import JourneyModel
import Testing

@testable import CharterChecker

/// The sizes of the values a large workspace holds by the million.
///
/// A check of the 50 MB gap-heavy workspace keeps 4.46 million gaps, so
/// every 8 bytes added to a gap cost about 36 MB of peak memory there; the
/// model holds a planned value for every attribute a touchpoint plans and a
/// position for nearly every value, millions of each. These
/// layouts come from fields chosen and ordered for them (positions in 32
/// bits, catalog indexes in 16 where a file cannot hold more, the widest field first), which a new field
/// or a reordering undoes silently; so the sizes are pinned here. If one
/// must grow, measure the peak (README, Performance) and change the figure
/// here with the reason.
@Suite("Compact layouts")
struct CompactLayoutTests {
    @Test("a source position is a line and a column of 32 bits each")
    func sourcePosition() {
        #expect(MemoryLayout<SourcePosition>.size == 8)
        #expect(MemoryLayout<SourcePosition>.stride == 8)
    }

    @Test("a planned value is its value, its position and a 32-bit attribute, in 32 bytes")
    func plannedValue() {
        #expect(MemoryLayout<PlannedValue>.size == 32)
        #expect(MemoryLayout<PlannedValue>.stride == 32)
    }

    @Test("a planned slot of a segment's view is an attribute, a kind and a number, in 16 bytes")
    func plannedSlot() {
        #expect(MemoryLayout<PlannedSlot>.size == 16)
        #expect(MemoryLayout<PlannedSlot>.stride == 16)
    }

    /// 24 rather than 20 since the marker and segment indexes are 32 bits:
    /// in 16 a brand of 65,536 markers reported marker 65,536's gaps under
    /// marker 0; the gap itself stays 48 bytes.
    @Test("a gap's place is two 32-bit positions, a source position and two 32-bit indexes, in 24 bytes")
    func gapPlace() {
        #expect(MemoryLayout<GapPlace>.size == 24)
        #expect(MemoryLayout<GapPlace>.stride == 24)
    }

    @Test("a gap, with its finding, severity and acceptance, takes 48 bytes")
    func gap() {
        #expect(MemoryLayout<Gap>.size == 48)
        #expect(MemoryLayout<Gap>.stride == 48)
    }
}
