import JourneyModel

/// The gaps known when a baseline was written: a team can adopt the tool on
/// existing journeys and fail only on new gaps.
///
/// Each entry accepts one gap, by fingerprint (what tells two gaps apart,
/// never a line number, so editing a file elsewhere does not revive a
/// baselined gap); a fingerprint written twice accepts two. Entries that
/// accept nothing are reported, so that a fixed gap cannot come back
/// unnoticed.
public struct Baseline: Sendable, Equatable {
    public var entries: [Entry]
    /// The baseline file, named in the note of each gap it accepts.
    public var file: String
    /// The fingerprints' version: 1 for baselines written before
    /// fingerprints named the channel and what tells gaps of one marker
    /// apart at one place, which could accept gaps they never recorded.
    public var version: Int

    /// One recorded gap, and where it is written in the baseline.
    public struct Entry: Sendable, Equatable {
        public var fingerprint: String
        public var position: SourcePosition

        public init(fingerprint: String, position: SourcePosition) {
            self.fingerprint = fingerprint
            self.position = position
        }
    }

    public init(entries: [Entry], file: String, version: Int = Self.currentVersion) {
        self.entries = entries
        self.file = file
        self.version = version
    }

    /// The version `check --write-baseline` writes.
    public static let currentVersion = 2

    /// Marks in place the open gaps the baseline records as accepted, each
    /// entry accepting one gap in report order, and returns the entries
    /// that accepted none, as warnings located in the baseline.
    public func apply(to gaps: inout [Gap], wording: GapWording) -> [Diagnostic] {
        var marker = Marking(self)
        marker.mark(&gaps, wording: wording)
        return marker.diagnostics()
    }

    /// A baseline being applied to gaps that come a batch at a time, in
    /// report order: what each entry has accepted so far.
    public struct Marking: Sendable {
        private let baseline: Baseline
        private var remaining: [String: [Entry]] = [:]

        public init(_ baseline: Baseline) {
            self.baseline = baseline
            for entry in baseline.entries { remaining[entry.fingerprint, default: []].append(entry) }
        }

        /// Marks the open gaps of the next batch that an entry still waits for.
        public mutating func mark(_ gaps: inout [Gap], wording: GapWording) {
            guard !remaining.isEmpty else { return }
            for index in gaps.indices where gaps[index].isOpen {
                let fingerprint = baseline.version < 2 ? wording.legacyFingerprint(of: gaps[index]) : wording.fingerprint(of: gaps[index])
                guard var pending = remaining[fingerprint], !pending.isEmpty else { continue }
                pending.removeFirst()
                remaining[fingerprint] = pending.isEmpty ? nil : pending
                gaps[index] = gaps[index].accepted(by: .baseline)
            }
        }

        /// Once every gap is marked: the entries that accepted none, and
        /// whether the baseline is of the first format.
        public func diagnostics() -> [Diagnostic] {
            let file = baseline.file
            let stale = remaining.values.joined().sorted { $0.position < $1.position }
            var diagnostics = stale.map { entry in
                Diagnostic(
                    .staleBaselineEntry, at: SourceLocation(file: file, position: entry.position),
                    "this baseline entry matches no gap any more (\(entry.fingerprint)); rewrite the baseline with "
                        + "`throughline check --write-baseline \(file)` so that the gap cannot come back unnoticed"
                )
            }
            if baseline.version < 2 {
                diagnostics.append(Diagnostic(
                    .outdatedBaseline, at: SourceLocation(file: file, position: .startOfFile),
                    "\(file) is a version \(baseline.version) baseline, whose fingerprints leave out the channel and what tells gaps of one "
                        + "marker apart at one place, so one entry may accept a gap it never recorded; rewrite it with "
                        + "`throughline check --write-baseline \(file)`"
                ))
            }
            return diagnostics
        }
    }
}
