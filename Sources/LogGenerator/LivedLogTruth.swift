/// What a generated log holds, counted as it was injected: per segment of
/// the one journey, the cases, those lived as planned, each touchpoint's
/// classes and each marker's lived conformance; with the rows, events and
/// duplicates of the whole export. `conform` must find exactly this.
///
/// ```swift
/// let truth = LivedLogGenerator(events: 10_000, seed: 7).generate { bytes in csv += bytes }
/// truth.journeys[0].touchpoints[3].missing   // cases that skipped the appointment call
/// ```
public struct LivedLogTruth: Sendable, Equatable {
    public let seed: UInt64
    public let order: LivedLogGenerator.RowOrder
    /// Rows written after the header (every row is an event: none is malformed).
    public internal(set) var rows = 0
    public internal(set) var cases = 0
    /// Rows that repeat another of their case (same time and activity): counted once.
    public internal(set) var duplicates = 0
    /// By segment, in ``LivedLogPlan/segments`` order.
    public internal(set) var journeys: [Journey]

    public struct Journey: Sendable, Equatable {
        public let segment: String
        public internal(set) var cases = 0
        public internal(set) var asPlanned = 0
        public internal(set) var adHocEvents = 0
        /// In plan order.
        public internal(set) var touchpoints: [Touchpoint]
        /// The formal-address marker, then the reply marker.
        public internal(set) var markers: [Marker]

        public init(segment: String, cases: Int = 0, asPlanned: Int = 0, adHocEvents: Int = 0, touchpoints: [Touchpoint], markers: [Marker]) {
            self.segment = segment
            self.cases = cases
            self.asPlanned = asPlanned
            self.adHocEvents = adHocEvents
            self.touchpoints = touchpoints
            self.markers = markers
        }
    }

    public struct Touchpoint: Sendable, Equatable {
        public let touchpoint: String
        public internal(set) var completed = 0
        public internal(set) var failing = 0
        public internal(set) var missing = 0
        public internal(set) var outOfSequence = 0
        public internal(set) var notReached = 0
        public internal(set) var otherChannel = 0
        public internal(set) var late = 0

        public init(
            touchpoint: String, completed: Int = 0, failing: Int = 0, missing: Int = 0, outOfSequence: Int = 0, notReached: Int = 0,
            otherChannel: Int = 0, late: Int = 0
        ) {
            self.touchpoint = touchpoint
            self.completed = completed
            self.failing = failing
            self.missing = missing
            self.outOfSequence = outOfSequence
            self.notReached = notReached
            self.otherChannel = otherChannel
            self.late = late
        }
    }

    public struct Marker: Sendable, Equatable {
        public let marker: String
        public internal(set) var casesApplicable = 0
        public internal(set) var casesMet = 0

        public init(marker: String, casesApplicable: Int = 0, casesMet: Int = 0) {
            self.marker = marker
            self.casesApplicable = casesApplicable
            self.casesMet = casesMet
        }
    }

    init(seed: UInt64, order: LivedLogGenerator.RowOrder) {
        self.seed = seed
        self.order = order
        journeys = LivedLogPlan.segments.map { segment in
            Journey(
                segment: segment.id, touchpoints: LivedLogPlan.touchpoints.map { Touchpoint(touchpoint: $0.id) },
                markers: [Marker(marker: LivedLogPlan.formalMarker), Marker(marker: LivedLogPlan.replyMarker)]
            )
        }
    }

    /// One case as injected; touchpoints by position in the plan.
    struct Case {
        let segment: Int
        /// Touchpoints 0..<lived are lived (but the missing one); the rest are not reached.
        let lived: Int
        let missing: Int?
        let outOfSequence: Int?
        let otherChannel: Int?
        let late: Int?
        let failing: Set<Int>
        let informal: Bool
        let slowReply: Bool
        /// Whether some lived touchpoint is on a channel whose replies are timed.
        let repliesTimed: Bool
        let adHocEvents: Int
        let duplicates: Int
        let rows: Int
    }

    mutating func add(_ lived: Case) {
        cases += 1
        duplicates += lived.duplicates
        var journey = journeys[lived.segment]
        journey.cases += 1
        journey.adHocEvents += lived.adHocEvents
        let departs = lived.missing != nil || lived.outOfSequence != nil || lived.otherChannel != nil || lived.late != nil
            || !lived.failing.isEmpty || lived.adHocEvents > 0
        if !departs { journey.asPlanned += 1 }
        for position in journey.touchpoints.indices {
            if position >= lived.lived {
                journey.touchpoints[position].notReached += 1
            } else if position == lived.missing {
                journey.touchpoints[position].missing += 1
            } else if position == lived.outOfSequence {
                journey.touchpoints[position].outOfSequence += 1
            } else if lived.failing.contains(position) {
                journey.touchpoints[position].failing += 1
            } else {
                journey.touchpoints[position].completed += 1
            }
        }
        if let position = lived.otherChannel { journey.touchpoints[position].otherChannel += 1 }
        if let position = lived.late { journey.touchpoints[position].late += 1 }
        journey.markers[0].casesApplicable += 1
        if !lived.informal { journey.markers[0].casesMet += 1 }
        if lived.repliesTimed {
            journey.markers[1].casesApplicable += 1
            if !lived.slowReply { journey.markers[1].casesMet += 1 }
        }
        journeys[lived.segment] = journey
    }

    /// The truth as JSON, keys in a fixed order, one journey per segment.
    public var json: String {
        func object(_ pairs: [(String, String)]) -> String {
            "{ " + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + " }"
        }
        let journeyTexts = journeys.map { journey -> String in
            let touchpoints = journey.touchpoints.map { touchpoint in
                object([
                    ("touchpoint", "\"\(touchpoint.touchpoint)\""), ("completed", "\(touchpoint.completed)"), ("failing", "\(touchpoint.failing)"),
                    ("missing", "\(touchpoint.missing)"), ("outOfSequence", "\(touchpoint.outOfSequence)"),
                    ("notReached", "\(touchpoint.notReached)"), ("otherChannel", "\(touchpoint.otherChannel)"), ("late", "\(touchpoint.late)"),
                ])
            }
            let markers = journey.markers.map { marker in
                object([("marker", "\"\(marker.marker)\""), ("casesApplicable", "\(marker.casesApplicable)"), ("casesMet", "\(marker.casesMet)")])
            }
            return """
                {
                  "brand": "\(LivedLogPlan.brandID)", "segment": "\(journey.segment)", "journey": "\(LivedLogPlan.journeyID)",
                  "cases": \(journey.cases), "asPlanned": \(journey.asPlanned), "adHocEvents": \(journey.adHocEvents),
                  "touchpoints": [
                    \(touchpoints.joined(separator: ",\n        "))
                  ],
                  "markers": [
                    \(markers.joined(separator: ",\n        "))
                  ]
                }
            """
        }
        return """
        {
          "seed": \(seed), "order": "\(order.rawValue)", "rows": \(rows), "cases": \(cases), "duplicates": \(duplicates),
          "journeys": [
        \(journeyTexts.joined(separator: ",\n"))
          ]
        }

        """
    }
}
