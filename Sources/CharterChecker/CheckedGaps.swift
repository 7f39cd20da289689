import JourneyModel

/// A check's gaps in report order, as reports walk them: the ones the
/// check kept, or, when there were too many to keep, made again journey by
/// journey at each walk, with a baseline's gaps marked accepted as they
/// come. Every walk gives the same gaps in the same order.
///
/// ```swift
/// for gap in CheckedGaps(report, wording: wording) where gap.isOpen { … }
/// ```
public struct CheckedGaps: Sequence, Sendable {
    private let storage: Storage
    private let wording: GapWording

    private enum Storage: Sendable {
        case kept([Gap])
        case regenerated(GapRegeneration, Baseline?)
    }

    /// The gaps of `report`, of which a baseline has already marked the kept ones;
    /// `baseline` marks regenerated gaps as each walk makes them.
    public init(_ report: CheckReport, wording: GapWording, baseline: Baseline? = nil) {
        self.wording = wording
        if let regeneration = report.regeneration {
            storage = .regenerated(regeneration, baseline)
        } else {
            storage = .kept(report.gaps)
        }
    }

    /// Gaps given as they are.
    public init(_ gaps: [Gap], wording: GapWording) {
        self.wording = wording
        storage = .kept(gaps)
    }

    /// Whether the gaps are held, rather than made again at each walk.
    public var areKept: Bool {
        if case .kept = storage { return true }
        return false
    }

    public func makeIterator() -> Iterator {
        switch storage {
        case .kept(let gaps): Iterator(kept: gaps)
        case .regenerated(let regeneration, let baseline): Iterator(regeneration: regeneration, baseline: baseline, wording: wording)
        }
    }

    public struct Iterator: IteratorProtocol {
        private var buffer: [Gap]
        private var index = 0
        /// The rest of the current batch, journey by journey.
        private var batch: [[Gap]] = []
        private var nextBatch: Int?
        private let regeneration: GapRegeneration?
        private var marking: Baseline.Marking?
        private let wording: GapWording?

        init(kept: [Gap]) {
            buffer = kept
            nextBatch = nil
            regeneration = nil
            marking = nil
            wording = nil
        }

        init(regeneration: GapRegeneration, baseline: Baseline?, wording: GapWording) {
            buffer = []
            nextBatch = 0
            self.regeneration = regeneration
            marking = baseline.map(Baseline.Marking.init)
            self.wording = wording
        }

        public mutating func next() -> Gap? {
            while index == buffer.count {
                if !batch.isEmpty {
                    buffer = batch.removeFirst()
                    index = 0
                    continue
                }
                guard let start = nextBatch, let regeneration, let wording else { return nil }
                let (journeys, following) = regeneration.batch(startingAt: start, wording: wording)
                batch = journeys.map { gaps in
                    var gaps = gaps
                    marking?.mark(&gaps, wording: wording)
                    return gaps
                }
                nextBatch = following
            }
            defer { index += 1 }
            return buffer[index]
        }

        /// After a whole walk: the baseline's entries that accepted no gap.
        public var baselineDiagnostics: [Diagnostic] { marking?.diagnostics() ?? [] }
    }
}
