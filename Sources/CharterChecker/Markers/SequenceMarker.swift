import JourneyModel

/// Sequence markers: along each journey, between `minimum` and `maximum`
/// touchpoints of kind `first` come before the first touchpoint of kind
/// `then`. A journey without a `then` has nothing to check. One check per
/// journey, counted on the channel of that first `then`; the gap is at it.
extension SequenceRule: MarkerEvaluation {
    /// How many touchpoints of kind `first` come before the first `then`,
    /// and the first of them (at most ``placesShown``).
    public struct Finding: Hashable, Sendable {
        /// The first touchpoints counted, and how many there are in all.
        public let counted: Touchpoints

        init(count: Int, counted: [Int]) {
            self.counted = Touchpoints(counted, total: count)
        }

        public var count: Int { counted.total }
    }

    /// How many of the touchpoints counted a gap names as related places.
    static let placesShown = 10

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let ordered = view.orderedTouchpoints(in: marker.scope)
        guard let closing = ordered.firstIndex(where: { view.experiences[$0][attribute]?.value == then }) else { return }
        let counted = ordered[..<closing].filter { view.experiences[$0][attribute]?.value == first }
        let target = ordered[closing]
        recorder.record(
            marker, in: view.trace, touchpoint: target, channel: view.channel(target),
            met: counted.count >= minimum && counted.count <= (maximum ?? .max),
            findings: [(
                .sequence(Finding(count: counted.count, counted: Array(counted.prefix(Self.placesShown)))),
                view.experiences[target][attribute]?.position
            )]
        )
    }

    func attribute(of finding: Finding) -> Int? { attribute }

    /// The two kinds in words.
    private func words(in context: GapContext) -> (first: String, then: String) {
        (context.render(first, of: attribute), context.render(then, of: attribute))
    }

    /// `1 exchange-meeting`, `6 exchange-meetings`: how many touchpoints of a kind.
    private static func count(_ number: Int, _ word: String) -> String { number == 1 ? "1 \(word)" : "\(number) \(word)s" }

    /// `at most 5 exchange-meetings`.
    private func boundsInWords(_ firstWord: String) -> String {
        "\(bounds) \(firstWord)\(maximum == 1 || (maximum == nil && minimum == 1) ? "" : "s")"
    }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        let (firstWord, thenWord) = words(in: context)
        return "\(boundsInWords(firstWord)) before the first \(thenWord)"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        guard let target = context.gap.place.touchpoint else { return "" }
        return "\(Self.count(finding.count, words(in: context).first)) before \(context.touchpointID(target))"
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        guard let target = context.gap.place.touchpoint else { return "" }
        let (firstWord, thenWord) = words(in: context)
        return "\(context.subject(of: target)) is the first \(thenWord) and comes after \(Self.count(finding.count, firstWord)); "
            + "'\(context.marker.title)' expects \(boundsInWords(firstWord)) before it"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        guard let target = context.gap.place.touchpoint else { return "" }
        let (firstWord, thenWord) = words(in: context)
        let counted = finding.count, id = context.touchpointID(target)
        return counted < minimum
            ? "Plan \(Self.count(minimum - counted, firstWord)) more before \(id)."
            : "Cut the \(firstWord)s before \(id) from \(counted) to \(maximum ?? counted), or bring the \(thenWord) forward."
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        let firstWord = words(in: context).first
        return finding.counted.positions.map { position in
            RelatedLocation(context.location(context.touchpoint(position).position), "\(firstWord): \(context.touchpointID(position))")
        }
    }
}

/// Some touchpoints of a journey, by position, and how many such
/// touchpoints there are in all, in one shared object: a finding that names
/// them stays the size of a pointer.
public final class Touchpoints: Hashable, Sendable {
    public let positions: [Int]
    public let total: Int

    init(_ positions: [Int], total: Int) {
        self.positions = positions
        self.total = total
    }

    public static func == (lhs: Touchpoints, rhs: Touchpoints) -> Bool { lhs.total == rhs.total && lhs.positions == rhs.positions }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(total)
        hasher.combine(positions)
    }
}
