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

    /// Sorts in place: the order is found on indices, from keys read once
    /// per gap (file ranks, positions, and the ranks of marker, segment and
    /// attribute ids among the brand's), then applied by following its
    /// cycles, so no second array of gaps is built. Gaps equal in all of
    /// these are compared in full, in words.
    public static func sortForReport(_ gaps: inout [Gap], wording: GapWording) {
        let workspace = wording.workspace
        let files = Set(gaps.map { workspace.journeys[$0.place.journey].file }).sorted()
        let fileRank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        let ranks = workspace.brands.map(IDRanks.init)
        let brandOf = Dictionary(workspace.brands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = gaps.map { gap -> (place: Int, ids: (Int, Int, Int)) in
            let journey = workspace.journeys[gap.place.journey]
            let file = fileRank[journey.file] ?? 0
            let line = min(gap.place.position.line, (1 << 21) - 1), column = min(gap.place.position.column, (1 << 21) - 1)
            let rank = ranks[brandOf[journey.brand] ?? 0]
            let attribute = wording.attribute(of: gap).map { rank.attributes[$0] } ?? -1
            return (file << 42 | line << 21 | column, (rank.markers[gap.place.marker], gap.place.segment.map { rank.segments[$0] } ?? -1, attribute))
        }
        let order = gaps.indices.sorted { lhs, rhs in
            if keys[lhs].place != keys[rhs].place { return keys[lhs].place < keys[rhs].place }
            if keys[lhs].ids != keys[rhs].ids { return keys[lhs].ids < keys[rhs].ids }
            return precedes(wording.describe(gaps[lhs]), wording.describe(gaps[rhs]))
        }
        var placed = [Bool](repeating: false, count: gaps.count)
        for start in gaps.indices where !placed[start] {
            // Position `i` takes the gap at `order[i]`; walk the cycle from `start`.
            var current = start
            while true {
                placed[current] = true
                let source = order[current]
                if source == start { break }
                gaps.swapAt(current, source)
                current = source
            }
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
