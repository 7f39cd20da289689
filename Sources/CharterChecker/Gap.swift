import JourneyModel

/// One place where the planned experience departs from the charter.
///
/// Points at the touchpoint's offending value, or at the touchpoint (or the
/// journey) when the value is missing, and says what the charter expected
/// and what is planned, in words a marketing team can act on.
public struct Gap: Hashable, Sendable {
    /// The fields live in one shared object, copied only when a copy is
    /// changed: a report hands the same gap to its check list, its audit
    /// (per segment, worst first) and its action plan, and a large
    /// workspace has hundreds of thousands of gaps, so a copy costs one
    /// reference rather than a few hundred bytes.
    private var storage: Storage

    public var marker: String {
        get { storage.fields.marker }
        set { update { $0.marker = newValue } }
    }
    public var kind: MarkerKind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    public var severity: Severity {
        get { storage.fields.severity }
        set { update { $0.severity = newValue } }
    }
    public var brand: String {
        get { storage.fields.brand }
        set { update { $0.brand = newValue } }
    }
    public var journey: String {
        get { storage.fields.journey }
        set { update { $0.journey = newValue } }
    }
    /// Nil for gaps about a whole journey or stage (missing KPIs, say).
    public var touchpoint: String? {
        get { storage.fields.touchpoint }
        set { update { $0.touchpoint = newValue } }
    }
    /// Nil for markers that do not judge segments separately (stage KPIs).
    public var segment: String? {
        get { storage.fields.segment }
        set { update { $0.segment = newValue } }
    }
    public var channel: String? {
        get { storage.fields.channel }
        set { update { $0.channel = newValue } }
    }
    public var stage: String? {
        get { storage.fields.stage }
        set { update { $0.stage = newValue } }
    }
    /// The attribute concerned, when there is one.
    public var attribute: String? {
        get { storage.fields.attribute }
        set { update { $0.attribute = newValue } }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        set { update { $0.location = newValue } }
    }
    public var expected: String {
        get { storage.fields.expected }
        set { update { $0.expected = newValue } }
    }
    public var planned: String {
        get { storage.fields.planned }
        set { update { $0.planned = newValue } }
    }
    public var message: String {
        get { storage.fields.message }
        set { update { $0.message = newValue } }
    }
    /// What to change, where, to close the gap: one imperative sentence for
    /// the action plan ("Set address to formal at welcome-mail.").
    public var action: String {
        get { storage.fields.action }
        set { update { $0.action = newValue } }
    }
    /// Other places that explain the gap: the differing values of a
    /// consistency marker, the touchpoint a progression falls from.
    public var related: [RelatedLocation] {
        get { storage.fields.related }
        set { update { $0.related = newValue } }
    }
    /// Set when the journey accepts this gap, with its reason.
    public var suppression: SuppressionNote? {
        get { storage.fields.acceptance?.note }
        set { update { $0.acceptance = newValue.map(Acceptance.init) } }
    }

    public init(
        marker: String, kind: MarkerKind, severity: Severity, brand: String, journey: String,
        touchpoint: String?, segment: String?, channel: String?, stage: String?, attribute: String?,
        location: SourceLocation, expected: String, planned: String, message: String, action: String = "",
        related: [RelatedLocation] = [], suppression: SuppressionNote? = nil
    ) {
        self.init(
            marker: marker, kind: kind, severity: severity, brand: brand, journey: journey,
            touchpoint: touchpoint, segment: segment, channel: channel, stage: stage, attribute: attribute,
            location: location, wording: .written(expected: expected, planned: planned, message: message, action: action),
            related: related, suppression: suppression
        )
    }

    /// A gap whose words are joined when read: what the checker builds.
    init(
        marker: String, kind: MarkerKind, severity: Severity, brand: String, journey: String,
        touchpoint: String?, segment: String?, channel: String?, stage: String?, attribute: String?,
        location: SourceLocation, wording: GapWording, related: [RelatedLocation], suppression: SuppressionNote?
    ) {
        storage = Storage(Fields(
            marker: marker, kind: kind, severity: severity, brand: brand, journey: journey,
            touchpoint: touchpoint, segment: segment, channel: channel, stage: stage, attribute: attribute,
            location: location, wording: wording, related: related, acceptance: suppression.map(Acceptance.init)
        ))
    }

    /// Marks the gap accepted with a note many gaps share (a baseline's).
    mutating func accept(_ acceptance: Acceptance) {
        update { $0.acceptance = acceptance }
    }

    /// A suppression note in one shared object: most gaps have none, and
    /// the ones a baseline accepts all have the same.
    final class Acceptance: Sendable {
        let note: SuppressionNote

        init(_ note: SuppressionNote) {
            self.note = note
        }
    }

    public static func == (lhs: Gap, rhs: Gap) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    private struct Fields: Hashable {
        var marker: String
        var kind: MarkerKind
        var severity: Severity
        var brand: String
        var journey: String
        var touchpoint: String?
        var segment: String?
        var channel: String?
        var stage: String?
        var attribute: String?
        var location: SourceLocation
        var wording: GapWording
        var related: [RelatedLocation]
        var acceptance: Acceptance?

        private var names: GapWording.Names {
            GapWording.Names(touchpoint: touchpoint, channel: channel, stage: stage, attribute: attribute)
        }

        var expected: String {
            get { wording.expected() }
            set { rewrite { $0.expected = newValue } }
        }

        var planned: String {
            get { wording.planned() }
            set { rewrite { $0.planned = newValue } }
        }

        var message: String {
            get { wording.message(names) }
            set { rewrite { $0.message = newValue } }
        }

        var action: String {
            get { wording.action(names) }
            set { rewrite { $0.action = newValue } }
        }

        /// Changing one of the words writes them all out first, so that the
        /// others keep reading as before (they may name the touchpoint).
        private mutating func rewrite(_ change: (inout (expected: String, planned: String, message: String, action: String)) -> Void) {
            var words = (expected: expected, planned: planned, message: message, action: action)
            change(&words)
            wording = .written(expected: words.expected, planned: words.planned, message: words.message, action: words.action)
        }

        /// Gaps are equal when everything a report shows of them is.
        static func == (lhs: Fields, rhs: Fields) -> Bool {
            lhs.marker == rhs.marker && lhs.kind == rhs.kind && lhs.severity == rhs.severity && lhs.brand == rhs.brand
                && lhs.journey == rhs.journey && lhs.touchpoint == rhs.touchpoint && lhs.segment == rhs.segment
                && lhs.channel == rhs.channel && lhs.stage == rhs.stage && lhs.attribute == rhs.attribute
                && lhs.location == rhs.location && lhs.related == rhs.related && lhs.acceptance?.note == rhs.acceptance?.note
                && lhs.expected == rhs.expected && lhs.planned == rhs.planned && lhs.message == rhs.message
                && lhs.action == rhs.action
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(marker)
            hasher.combine(brand)
            hasher.combine(journey)
            hasher.combine(touchpoint)
            hasher.combine(segment)
            hasher.combine(attribute)
            hasher.combine(location)
            hasher.combine(message)
        }
    }

    /// Changed only through ``update(_:)``, which first copies a shared
    /// instance: no two gaps ever see one change.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
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
