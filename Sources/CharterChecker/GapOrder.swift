import JourneyModel

/// The order every report lists gaps in: file, line and column, then marker,
/// segment and attribute ids, then the rest of what tells two gaps apart,
/// so no order depends on how they were found.
public enum GapOrder {
    /// Whether `lhs` comes before `rhs`, comparing everything a report shows.
    public static func precedes(_ lhs: DescribedGap, _ rhs: DescribedGap) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        let left = [lhs.marker, lhs.segment ?? "", lhs.attribute ?? "", lhs.journey, lhs.touchpoint ?? "", lhs.stage ?? "", lhs.message]
        let right = [rhs.marker, rhs.segment ?? "", rhs.attribute ?? "", rhs.journey, rhs.touchpoint ?? "", rhs.stage ?? "", rhs.message]
        return left.lexicographicallyPrecedes(right)
    }

    /// Sorts in place. Gaps are first put journey by journey in file order
    /// (a journey is one file, and every gap points into its journey's
    /// file), then each journey's gaps are ordered on keys read once per gap
    /// (positions, and the ranks of marker, segment and attribute ids among
    /// the brand's), and the order is applied by following its cycles, so
    /// no second array of gaps, and no key for every gap at once, is built.
    /// Gaps equal in all of these are compared in full, in words.
    public static func sortForReport(_ gaps: inout [Gap], wording: GapWording) {
        let workspace = wording.workspace
        let journeys = workspace.journeys
        let inFileOrder = journeys.indices.sorted { journeys[$0].file < journeys[$1].file }
        var rankOfJourney = [Int](repeating: 0, count: journeys.count)
        for (rank, journey) in inFileOrder.enumerated() { rankOfJourney[journey] = rank }
        // Counting sort by journey: where each journey's gaps start.
        var starts = [Int](repeating: 0, count: journeys.count + 1)
        for gap in gaps { starts[rankOfJourney[gap.place.journey] + 1] += 1 }
        for rank in journeys.indices { starts[rank + 1] += starts[rank] }
        var next = starts
        var order = [Int32](repeating: 0, count: gaps.count)
        for (index, gap) in gaps.enumerated() {
            let rank = rankOfJourney[gap.place.journey]
            order[next[rank]] = Int32(truncatingIfNeeded: index)
            next[rank] += 1
        }
        let ranks = workspace.brands.map(IDRanks.init)
        let brandOf = Dictionary(workspace.brands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for rank in journeys.indices where starts[rank + 1] - starts[rank] > 1 {
            let members = starts[rank]..<starts[rank + 1]
            let idRanks = ranks[brandOf[journeys[inFileOrder[rank]].brand] ?? 0]
            var keyed = members.map { slot -> (key: Key, gap: Int32) in
                let gap = gaps[Int(order[slot])]
                let attribute = wording.attribute(of: gap).map { idRanks.attributes[$0] } ?? -1
                let key = Key(
                    line: gap.place.position.line, column: gap.place.position.column, marker: idRanks.markers[gap.place.marker],
                    segment: gap.place.segment.map { idRanks.segments[$0] } ?? -1, attribute: attribute
                )
                return (key, order[slot])
            }
            keyed.sort { lhs, rhs in
                if lhs.key != rhs.key { return lhs.key < rhs.key }
                return precedes(wording.describe(gaps[Int(lhs.gap)]), wording.describe(gaps[Int(rhs.gap)]))
            }
            for (offset, entry) in keyed.enumerated() { order[members.lowerBound + offset] = entry.gap }
        }
        var placed = [Bool](repeating: false, count: gaps.count)
        for start in gaps.indices where !placed[start] {
            // Position `i` takes the gap at `order[i]`; walk the cycle from `start`.
            var current = start
            while true {
                placed[current] = true
                let source = Int(order[current])
                if source == start { break }
                gaps.swapAt(current, source)
                current = source
            }
        }
    }

    /// What orders the gaps of one journey, before their words.
    private struct Key: Comparable {
        let line: Int, column: Int, marker: Int, segment: Int, attribute: Int

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.line, lhs.column, lhs.marker, lhs.segment, lhs.attribute) < (rhs.line, rhs.column, rhs.marker, rhs.segment, rhs.attribute)
        }
    }

    /// Each id's rank among the brand's ids of its kind, sorted as strings.
    private struct IDRanks {
        let markers: [Int]
        let segments: [Int]
        let attributes: [Int]

        init(_ brand: Brand) {
            markers = Self.ranks(brand.charter.markers.map(\.id))
            segments = Self.ranks(brand.segments.ids)
            attributes = Self.ranks(brand.attributes.ids)
        }

        private static func ranks(_ ids: [String]) -> [Int] {
            var ranks = [Int](repeating: 0, count: ids.count)
            for (rank, index) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { ranks[index] = rank }
            return ranks
        }
    }
}
