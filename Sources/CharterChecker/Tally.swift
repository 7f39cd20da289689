import JourneyModel

/// How many checks applied and how many were met.
public struct CheckCount: Hashable, Sendable {
    public var applicable: Int
    public var met: Int

    public init(applicable: Int = 0, met: Int = 0) {
        self.applicable = applicable
        self.met = met
    }

    public var failed: Int { applicable - met }

    public mutating func add(met isMet: Bool) {
        applicable += 1
        if isMet { met += 1 }
    }

    public static func + (lhs: CheckCount, rhs: CheckCount) -> CheckCount {
        CheckCount(applicable: lhs.applicable + rhs.applicable, met: lhs.met + rhs.met)
    }
}

/// Every check run for one segment of one brand, counted by marker,
/// channel and journey: enough for the audit's scores, without keeping
/// millions of passed checks around.
public struct SegmentTally: Sendable {
    public let brand: String
    /// Position in the brand's segment catalog.
    public let segment: Int
    /// `matrix[marker][channel]`, positions in the brand's charter and
    /// channel catalog; the last column holds checks about no one channel
    /// (a stage's KPIs, a coverage per journey or per stage). A consistency
    /// check counts on the channel of the touchpoint judged.
    public private(set) var matrix: [[CheckCount]]
    /// `byJourney[journey][marker]`, journey positions in the brand's journeys.
    public private(set) var byJourney: [[CheckCount]]
    /// `acceptedByJourney[journey][marker]`: failed checks a suppression
    /// accepts. They are in no count above, since they leave the scores,
    /// yet the plan does not meet them: a planned verdict reads them here.
    public private(set) var acceptedByJourney: [[Int]]

    public init(brand: String, segment: Int, markerCount: Int, channelCount: Int, journeyCount: Int) {
        self.brand = brand
        self.segment = segment
        matrix = Array(repeating: Array(repeating: CheckCount(), count: channelCount + 1), count: markerCount)
        byJourney = Array(repeating: Array(repeating: CheckCount(), count: markerCount), count: journeyCount)
        acceptedByJourney = Array(repeating: Array(repeating: 0, count: markerCount), count: journeyCount)
    }

    /// The column for checks that belong to no single channel.
    public var noChannelColumn: Int { (matrix.first?.count ?? 1) - 1 }

    mutating func record(marker: Int, channel: Int?, journey: Int, met: Bool) {
        matrix[marker][channel ?? noChannelColumn].add(met: met)
        byJourney[journey][marker].add(met: met)
    }

    mutating func recordAccepted(marker: Int, journey: Int) {
        acceptedByJourney[journey][marker] += 1
    }
}
