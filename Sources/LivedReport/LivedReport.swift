import JourneyModel
import LivedCases

/// What customers lived, set against the plan and the charter: the value
/// every format of `throughline conform` writes (text, JSON, CSV, Markdown
/// and HTML). Everything in it is counted,
/// sorted and bounded when it is made, so that a format only words it.
///
/// Case ids and owners appear only as ``CaseLabel``s, already replaced
/// by a keyed hash when the run redacts; no other export column reaches
/// a report.
public struct LivedReport: Sendable {
    /// One summary per source read, in source order (brand, then id).
    public var sources: [SourceSummary]
    /// Per brand, segment and journey: priority segments first, then brand,
    /// segment and journey order.
    public var journeys: [JourneyConformance]
    /// The worst departures over every journey, worst first (at most
    /// ``LivedReport/actionsKept``).
    public var actions: [LivedAction]
    /// Whether case ids and owners are keyed hashes.
    public var redacted: Bool

    public static let actionsKept = 10

    public init(sources: [SourceSummary], journeys: [JourneyConformance], actions: [LivedAction], redacted: Bool) {
        self.sources = sources
        self.journeys = journeys
        self.actions = actions
        self.redacted = redacted
    }

    /// Cases matched to a journey, over every journey.
    public var caseCount: Int { journeys.reduce(0) { $0 + $1.cases } }
}

/// A case id or an owner as a report may show it: the export's text
/// (escaped by each format) or its keyed hash.
public typealias CaseLabel = String

/// One source and what reading its export gave.
public struct SourceSummary: Sendable {
    public var source: String
    public var brand: String
    /// The export, as the run found it from the workspace.
    public var data: String
    public var rows: Int
    public var events: Int
    public var skipped: Int
    /// Skipped rows by kind of problem, in a fixed order, zero counts left out.
    public var skippedByKind: [(kind: String, count: Int)]
    /// The first skipped rows, each with its place (file, row, column name).
    public var issues: [String]
    /// Events dropped as duplicates (same case, time and activity).
    public var duplicates: Int
    /// Cases read, matched or not.
    public var cases: Int
    /// Cases matched to no journey, by reason, zero counts left out.
    public var unmatched: [(reason: String, count: Int)]
    /// Whether grouping the export spilled to temporary files.
    public var spilled: Bool

    public init(
        source: String, brand: String, data: String, rows: Int, events: Int, skipped: Int, skippedByKind: [(kind: String, count: Int)],
        issues: [String], duplicates: Int, cases: Int, unmatched: [(reason: String, count: Int)], spilled: Bool
    ) {
        self.source = source
        self.brand = brand
        self.data = data
        self.rows = rows
        self.events = events
        self.skipped = skipped
        self.skippedByKind = skippedByKind
        self.issues = issues
        self.duplicates = duplicates
        self.cases = cases
        self.unmatched = unmatched
        self.spilled = spilled
    }
}

/// The cases of one segment living one planned journey.
public struct JourneyConformance: Sendable {
    public var brand: String
    public var brandName: String
    public var segment: String
    public var segmentName: String
    public var priority: Bool
    public var journey: String
    public var journeyName: String?
    /// The planned path, touchpoint ids in planned order.
    public var plannedPath: [String]
    public var cases: Int
    /// Cases with no departure: every touchpoint reached completed, in
    /// sequence, on its channel, on time, nothing ad hoc, no marker broken.
    public var asPlanned: Int
    /// Per planned touchpoint the segment goes through, in planned order.
    public var touchpoints: [TouchpointConformance]
    /// How many cases went from one planned touchpoint straight to another
    /// (lived order, touchpoints of the path only), most frequent first.
    public var flows: [LivedFlow]
    /// The most frequent ad hoc events, most frequent first (at most ``adHocKept``).
    public var adHoc: [AdHocCount]
    /// Ad hoc events in all.
    public var adHocEvents: Int
    /// Per marker of the charter that applies to the segment, in charter order.
    public var markers: [MarkerConformance]
    /// Per channel lived on, in the brand's channel order.
    public var channels: [ChannelConformance]
    /// Per owner, most cases first (at most ``ownersKept``).
    public var owners: [OwnerConformance]

    public static let adHocKept = 10
    public static let ownersKept = 20

    public init(
        brand: String, brandName: String, segment: String, segmentName: String, priority: Bool, journey: String, journeyName: String?,
        plannedPath: [String], cases: Int, asPlanned: Int, touchpoints: [TouchpointConformance], flows: [LivedFlow], adHoc: [AdHocCount],
        adHocEvents: Int, markers: [MarkerConformance], channels: [ChannelConformance], owners: [OwnerConformance]
    ) {
        self.brand = brand
        self.brandName = brandName
        self.segment = segment
        self.segmentName = segmentName
        self.priority = priority
        self.journey = journey
        self.journeyName = journeyName
        self.plannedPath = plannedPath
        self.cases = cases
        self.asPlanned = asPlanned
        self.touchpoints = touchpoints
        self.flows = flows
        self.adHoc = adHoc
        self.adHocEvents = adHocEvents
        self.markers = markers
        self.channels = channels
        self.owners = owners
    }

    /// `maison-aurele/premium/care-and-repair`.
    public var label: String { "\(brand)/\(segment)/\(journey)" }
}

/// What became of one planned touchpoint over a journey's cases.
public struct TouchpointConformance: Sendable {
    public var touchpoint: String
    public var name: String?
    public var channel: String
    public var stage: String
    /// Cases by class; every case is in exactly one of the first five.
    public var completed: Int
    public var failing: Int
    public var missing: Int
    public var outOfSequence: Int
    public var notReached: Int
    /// Cases that lived it (the first time) on another channel than planned.
    public var otherChannel: Int
    /// Cases that lived it later than its planned `after`.
    public var late: Int
    /// A few case ids per departure, the smallest by bytes.
    public var examples: [DepartureExamples]
    /// The planned steps out of it: its `next` touchpoints the segment goes
    /// through (the following one in the file when the journey has no
    /// `next`), which the HTML format draws as the planned arrows.
    public var next: [String]

    public init(
        touchpoint: String, name: String?, channel: String, stage: String, completed: Int, failing: Int, missing: Int, outOfSequence: Int,
        notReached: Int, otherChannel: Int, late: Int, examples: [DepartureExamples], next: [String] = []
    ) {
        self.touchpoint = touchpoint
        self.name = name
        self.channel = channel
        self.stage = stage
        self.completed = completed
        self.failing = failing
        self.missing = missing
        self.outOfSequence = outOfSequence
        self.notReached = notReached
        self.otherChannel = otherChannel
        self.late = late
        self.examples = examples
        self.next = next
    }

    /// Cases that lived it: completed, failing or out of sequence.
    public var lived: Int { completed + failing + outOfSequence }
}

/// The departures a report names.
public enum Departure: String, Sendable, CaseIterable {
    case failing, missing
    case outOfSequence = "out-of-sequence"
    case otherChannel = "other-channel"
    case late
    case adHoc = "ad-hoc"
    /// A marker broken by the lived experience.
    case brokenMarker = "broken-marker"
}

/// A departure with its count and a few example cases.
public struct DepartureExamples: Sendable {
    public var departure: Departure
    public var cases: [CaseLabel]

    public init(departure: Departure, cases: [CaseLabel]) {
        self.departure = departure
        self.cases = cases
    }
}

/// Lived flow from one planned touchpoint to the next one lived.
public struct LivedFlow: Sendable {
    public var from: String
    public var to: String
    /// Cases that went this way at least once.
    public var cases: Int
    /// Whether the plan has this step (a `next` link, or the file order).
    public var planned: Bool

    public init(from: String, to: String, cases: Int, planned: Bool) {
        self.from = from
        self.to = to
        self.cases = cases
        self.planned = planned
    }
}

/// An activity lived ad hoc, with how many events and cases.
public struct AdHocCount: Sendable {
    /// The export's activity name (escaped by each format).
    public var activity: String
    public var events: Int
    public var cases: Int

    public init(activity: String, events: Int, cases: Int) {
        self.activity = activity
        self.events = events
        self.cases = cases
    }
}

/// One marker's planned verdict beside its lived conformance.
public struct MarkerConformance: Sendable {
    public var marker: String
    public var title: String
    public var kind: String
    public var severity: Severity
    /// The check of the planned journey for the segment.
    public var planned: PlannedVerdict
    /// Cases the marker applied to, and those meeting it in every check.
    public var casesApplicable: Int
    public var casesMet: Int
    /// For a promise on a duration: the lived values against it.
    public var durations: LivedDurations?
    /// A few cases breaking it, the smallest ids by bytes.
    public var examples: [CaseLabel]

    public init(
        marker: String, title: String, kind: String, severity: Severity, planned: PlannedVerdict, casesApplicable: Int, casesMet: Int,
        durations: LivedDurations?, examples: [CaseLabel]
    ) {
        self.marker = marker
        self.title = title
        self.kind = kind
        self.severity = severity
        self.planned = planned
        self.casesApplicable = casesApplicable
        self.casesMet = casesMet
        self.durations = durations
        self.examples = examples
    }

    /// Share of applicable cases meeting it, nil when it applied to none.
    public var rate: Double? { casesApplicable == 0 ? nil : Double(casesMet) / Double(casesApplicable) }
}

/// How the planned journey of a segment fares on one marker, from the
/// checker's counts alone.
public enum PlannedVerdict: String, Sendable {
    /// Every check applied is met.
    case met
    /// Some checks fail, and a suppression accepts every one of them: shown
    /// apart from `met`, since the plan does not meet the marker, and from
    /// `broken`, since the brand chose so.
    case accepted
    /// Some check fails and nothing accepts it.
    case broken
    /// No check applied.
    case notApplicable = "not-applicable"

    /// - Parameters:
    ///   - applicable: checks counted, suppressed ones left out.
    ///   - failed: of those, the ones not met.
    ///   - accepted: failed checks a suppression accepts.
    public init(applicable: Int, failed: Int, accepted: Int) {
        if failed > 0 {
            self = .broken
        } else if accepted > 0 {
            self = .accepted
        } else {
            self = applicable > 0 ? .met : .notApplicable
        }
    }
}

/// Lived values of a duration a marker promises: the median and the 90th
/// percentile (nearest rank) of every lived value in the marker's scope.
public struct LivedDurations: Sendable {
    public var attribute: String
    /// The promise, in seconds ("at most PT2H": 7200).
    public var promiseSeconds: Double
    public var count: Int
    public var medianSeconds: Double
    public var p90Seconds: Double

    public init(attribute: String, promiseSeconds: Double, count: Int, medianSeconds: Double, p90Seconds: Double) {
        self.attribute = attribute
        self.promiseSeconds = promiseSeconds
        self.count = count
        self.medianSeconds = medianSeconds
        self.p90Seconds = p90Seconds
    }
}

/// The lived checks on one channel, over every marker.
public struct ChannelConformance: Sendable {
    public var channel: String
    public var owner: String?
    /// Lived touchpoint events on it.
    public var events: Int
    public var checks: Int
    public var met: Int

    public init(channel: String, owner: String?, events: Int, checks: Int, met: Int) {
        self.channel = channel
        self.owner = owner
        self.events = events
        self.checks = checks
        self.met = met
    }

    public var rate: Double? { checks == 0 ? nil : Double(met) / Double(checks) }
}

/// The cases of one owner (a sales rep, an advisor).
public struct OwnerConformance: Sendable {
    public var owner: CaseLabel
    public var cases: Int
    public var asPlanned: Int

    public init(owner: CaseLabel, cases: Int, asPlanned: Int) {
        self.owner = owner
        self.cases = cases
        self.asPlanned = asPlanned
    }
}

/// One item of the action plan: a departure where it weighs most.
public struct LivedAction: Sendable {
    public var journey: String
    public var departure: Departure
    /// The touchpoint, or the marker for ``Departure/brokenMarker``, or the activity for ``Departure/adHoc``.
    public var subject: String
    /// The owner of the channel concerned, when the brand names one.
    public var owner: String?
    public var severity: Severity?
    public var cases: Int
    /// Of the journey's cases.
    public var share: Double
    public var examples: [CaseLabel]

    public init(
        journey: String, departure: Departure, subject: String, owner: String?, severity: Severity?, cases: Int, share: Double,
        examples: [CaseLabel]
    ) {
        self.journey = journey
        self.departure = departure
        self.subject = subject
        self.owner = owner
        self.severity = severity
        self.cases = cases
        self.share = share
        self.examples = examples
    }
}
