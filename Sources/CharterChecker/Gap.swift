import JourneyModel

/// One place where the planned experience departs from the charter.
///
/// Points at the touchpoint's offending value, or at the touchpoint (or the
/// journey) when the value is missing, and says what the charter expected
/// and what is planned, in words a marketing team can act on.
public struct Gap: Hashable, Sendable {
    public var marker: String
    public var kind: MarkerKind
    public var severity: Severity
    public var brand: String
    public var journey: String
    /// Nil for gaps about a whole journey or stage (missing KPIs, say).
    public var touchpoint: String?
    /// Nil for markers that do not judge segments separately (stage KPIs).
    public var segment: String?
    public var channel: String?
    public var stage: String?
    /// The attribute concerned, when there is one.
    public var attribute: String?
    public var location: SourceLocation
    public var expected: String
    public var planned: String
    public var message: String
    /// What to change, where, to close the gap: one imperative sentence for
    /// the action plan ("Set address to formal at welcome-mail.").
    public var action: String
    /// Other places that explain the gap: the differing values of a
    /// consistency marker, the touchpoint a progression falls from.
    public var related: [RelatedLocation]
    /// Set when the journey accepts this gap, with its reason.
    public var suppression: SuppressionNote?

    public init(
        marker: String, kind: MarkerKind, severity: Severity, brand: String, journey: String,
        touchpoint: String?, segment: String?, channel: String?, stage: String?, attribute: String?,
        location: SourceLocation, expected: String, planned: String, message: String, action: String = "",
        related: [RelatedLocation] = [], suppression: SuppressionNote? = nil
    ) {
        self.marker = marker
        self.kind = kind
        self.severity = severity
        self.brand = brand
        self.journey = journey
        self.touchpoint = touchpoint
        self.segment = segment
        self.channel = channel
        self.stage = stage
        self.attribute = attribute
        self.location = location
        self.expected = expected
        self.planned = planned
        self.message = message
        self.action = action
        self.related = related
        self.suppression = suppression
    }

    /// The order every report uses: file, line, column, marker, segment.
    /// Total over what tells gaps apart, so no order depends on how they were found.
    public static func reportOrder(_ lhs: Gap, _ rhs: Gap) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        let left: [String] = [lhs.marker, lhs.segment ?? "", lhs.attribute ?? "", lhs.journey, lhs.touchpoint ?? "", lhs.stage ?? "", lhs.message]
        let right: [String] = [rhs.marker, rhs.segment ?? "", rhs.attribute ?? "", rhs.journey, rhs.touchpoint ?? "", rhs.stage ?? "", rhs.message]
        return left.lexicographicallyPrecedes(right)
    }

    /// `gaps` in report order, comparing file paths once rather than at
    /// every comparison: a large workspace has hundreds of thousands of gaps.
    public static func sortedForReport(_ gaps: [Gap]) -> [Gap] {
        var sorted = gaps
        sortForReport(&sorted)
        return sorted
    }

    /// Sorts in place: the order is found on indices, then applied by
    /// following its cycles, so no second array of gaps is ever built.
    public static func sortForReport(_ gaps: inout [Gap]) {
        let files = Set(gaps.map(\.location.file)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        // Sort positions by (file rank, line, column), packed in one integer,
        // and move each gap once at the end: gaps are large to move around.
        let keys = gaps.map { gap in
            (rank[gap.location.file] ?? 0) << 42 | min(gap.location.line, (1 << 21) - 1) << 21 | min(gap.location.column, (1 << 21) - 1)
        }
        // Ties (one place, several segments or attributes) compare fields in
        // place, never whole gaps.
        let order = gaps.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
            if gaps[lhs].marker != gaps[rhs].marker { return gaps[lhs].marker < gaps[rhs].marker }
            if gaps[lhs].segment != gaps[rhs].segment { return (gaps[lhs].segment ?? "") < (gaps[rhs].segment ?? "") }
            if gaps[lhs].attribute != gaps[rhs].attribute { return (gaps[lhs].attribute ?? "") < (gaps[rhs].attribute ?? "") }
            return reportOrder(gaps[lhs], gaps[rhs])
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

    /// Identifies the gap across edits that move lines: what baselines store.
    public var fingerprint: String {
        [brand, journey, touchpoint ?? "-", segment ?? "-", marker, attribute ?? "-", stage ?? "-"].joined(separator: "/")
    }
}

/// Why a gap is accepted, and where that is written.
public struct SuppressionNote: Hashable, Sendable {
    public var reason: String
    public var location: SourceLocation
    public var origin: Origin

    /// Where the acceptance comes from.
    public enum Origin: String, Hashable, Sendable {
        /// A `suppress` entry in the journey file, with its reason.
        case inSource
        /// A baseline file of gaps known when it was written.
        case baseline
    }

    public init(reason: String, location: SourceLocation, origin: Origin = .inSource) {
        self.reason = reason
        self.location = location
        self.origin = origin
    }
}
