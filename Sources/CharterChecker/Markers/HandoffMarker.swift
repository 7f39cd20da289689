import JourneyModel

/// Handoff markers: wherever `next` hands the customer to another channel,
/// the receiving touchpoint meets the expectations (context carried, the
/// customer never repeats themselves). One check per change of channel,
/// counted on the receiving channel. Gaps point at the receiving touchpoint's
/// value, or at the touchpoint when the value is missing, with the `next`
/// entry that makes the handoff as the related place.
extension HandoffRule: MarkerEvaluation {
    /// The expectation the receiving touchpoint does not meet, and who hands over.
    public struct Finding: Hashable, Sendable {
        private let storedFrom: Int32
        private let storedLink: Int32
        private let storedExpectation: UInt16
        public let tooLongToMatch: Bool

        init(expectation: Int, tooLongToMatch: Bool, from: Int, link: Int) {
            storedExpectation = UInt16(clamping: expectation)
            self.tooLongToMatch = tooLongToMatch
            storedFrom = Int32(clamping: from)
            storedLink = Int32(clamping: link)
        }

        /// Position in the marker's expectations (the loader keeps markers
        /// to fewer than 65,536 expectations).
        public var expectation: Int { Int(storedExpectation) }
        /// The touchpoint that hands the customer over, and its `next` entry.
        public var from: Int { Int(storedFrom) }
        public var link: Int { Int(storedLink) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let compiled = marker.expectations
        for source in view.order {
            let fromChannel = view.channel(source)
            let links = view.trace.links(source)
            for (linkIndex, link) in links.enumerated() where view.isTaken(link.target) {
                let toChannel = view.channel(link.target)
                guard toChannel != fromChannel, marker.scope.includes(channel: toChannel),
                      marker.scope.includes(stage: view.stage(link.target)) else { continue }
                let failures = compiled.failures(in: view, at: link.target, matches: &recorder.patternResults)
                recorder.record(
                    marker, in: view.trace, touchpoint: link.target, channel: toChannel, met: failures.isEmpty,
                    findings: UnmetExpectation.findings(failures, compiled, experience: view.experiences[link.target]) {
                        .handoff(Finding(expectation: $0, tooLongToMatch: $1, from: source, link: linkIndex))
                    }
                )
            }
        }
    }

    func attribute(of finding: Finding) -> Int? { expectations[finding.expectation].attribute }

    func identity(of finding: Finding, in context: GapContext) -> String {
        "\(expectations[finding.expectation].test.name) from \(context.touchpointID(finding.from))"
    }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        context.words(ofExpectation: finding.expectation).expected
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        UnmetExpectation.planned(expectations[finding.expectation], in: context)
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let subject = context.subject(of: touchpoint)
            + ", taking over from \(context.touchpointID(finding.from)) (\(context.channelID(of: finding.from))),"
        return UnmetExpectation.message(
            expectations[finding.expectation], index: finding.expectation, tooLong: finding.tooLongToMatch, subject: subject, in: context
        )
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let place = "\(context.touchpointID(touchpoint)), where \(context.touchpointID(finding.from)) hands over"
        return UnmetExpectation.action(expectations[finding.expectation], index: finding.expectation, place: place, in: context)
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        let links = context.touchpoint(finding.from).next
        guard links.indices.contains(finding.link) else { return [] }
        return [RelatedLocation(context.location(links[finding.link].position), "\(context.touchpointID(finding.from)) hands over here")]
    }
}
