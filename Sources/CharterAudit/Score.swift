import CharterChecker

/// A conformance score: checks met over checks applicable, counted plainly
/// and weighted by severity. Reproducible by hand from the counts.
public struct Score: Sendable, Equatable {
    public var met: Int
    public var applicable: Int
    public var weightedMet: Int
    public var weightedApplicable: Int

    public init(met: Int = 0, applicable: Int = 0, weightedMet: Int = 0, weightedApplicable: Int = 0) {
        self.met = met
        self.applicable = applicable
        self.weightedMet = weightedMet
        self.weightedApplicable = weightedApplicable
    }

    /// Adds `count` checks of a marker whose severity weighs `weight`.
    mutating func add(_ count: CheckCount, weight: Int) {
        met += count.met
        applicable += count.applicable
        weightedMet += count.met * weight
        weightedApplicable += count.applicable * weight
    }

    /// The weighted share met, as a percentage with one decimal
    /// (rounded half away from zero); nil when no check applied.
    public var percent: Double? {
        guard weightedApplicable > 0 else { return nil }
        return (Double(weightedMet) * 1000 / Double(weightedApplicable)).rounded() / 10
    }

    public var failed: Int { applicable - met }

    /// `83.3%`, or `n/a` when nothing applied.
    public var formatted: String {
        guard let percent else { return "n/a" }
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
    }
}
