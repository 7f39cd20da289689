import CharterChecker
import JourneyModel

/// Gaps place by place, the same gap lived by several segments as one
/// entry naming them: what the text and `github` formats write a line for.
///
/// Report order puts the gaps of one place (file, line, column) next to
/// each other, so one walk finds each place's groups; within a place, a
/// gap joins the group of its marker and message through an index, so a
/// place of a hundred thousand gaps is grouped in linear time.
///
/// ```swift
/// SamePlaceGroups.forEachPlace(result.gaps.lazy.filter(\.isOpen)) { groups in
///     for group in groups { print(group.gap.location, group.message, group.segments) }
/// }
/// ```
enum SamePlaceGroups {
    /// One gap's place, marker and message, and every segment that lives it.
    struct Group {
        /// The first gap of the group, in report order.
        let gap: DescribedGap
        /// Its message, joined once (see `GapWording`), to compare and to write.
        let message: String
        /// The segments in report order; empty for gaps judged per journey.
        var segments: [String]

        /// `marker · segment, segment`: the marker, then the segments that live it.
        var title: String {
            ([gap.marker] + (segments.isEmpty ? [] : [segments.joined(separator: ", ")])).joined(separator: " · ")
        }
    }

    private struct Key: Hashable {
        let marker: String
        let message: String
    }

    /// Calls `body` with each place's groups, in report order, places in the
    /// order of `gaps`. Holds one place's groups at a time.
    static func forEachPlace<Gaps: Sequence>(_ gaps: Gaps, _ body: ([Group]) -> Void) where Gaps.Element == DescribedGap {
        var groups: [Group] = []
        var index: [Key: Int] = [:]
        for gap in gaps {
            if let first = groups.first, first.gap.location != gap.location {
                body(groups)
                groups.removeAll(keepingCapacity: true)
                index.removeAll(keepingCapacity: true)
            }
            let message = gap.message
            let key = Key(marker: gap.marker, message: message)
            if let found = index[key] {
                if let segment = gap.segment { groups[found].segments.append(segment) }
            } else {
                index[key] = groups.count
                groups.append(Group(gap: gap, message: message, segments: gap.segment.map { [$0] } ?? []))
            }
        }
        if !groups.isEmpty { body(groups) }
    }
}
