import JourneyModel

/// Expectation markers (the default kind): every touchpoint in scope meets
/// every expectation, one check per touchpoint, one gap per unmet expectation.
extension ExpectationRule: MarkerEvaluation {
    /// The expectation a touchpoint does not meet.
    public struct Finding: Hashable, Sendable {
        private let storedExpectation: Int32
        /// The value is too long to match against the expectation's pattern.
        public let tooLongToMatch: Bool

        init(expectation: Int, tooLongToMatch: Bool) {
            storedExpectation = Int32(clamping: expectation)
            self.tooLongToMatch = tooLongToMatch
        }

        /// Position in the marker's expectations.
        public var expectation: Int { Int(storedExpectation) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let compiled = marker.expectations
        view.forEachTouchpoint(in: marker.scope) { position in
            // The common case, a met check, allocates nothing.
            let failures = compiled.failures(in: view, at: position, matches: &recorder.patternResults)
            recorder.record(
                marker, in: view.trace, touchpoint: position, channel: view.channel(position), met: failures.isEmpty,
                findings: UnmetExpectation.findings(failures, compiled, experience: view.experiences[position]) {
                    .expectation(Finding(expectation: $0, tooLongToMatch: $1))
                }
            )
        }
    }

    func attribute(of finding: Finding) -> Int? { expectations[finding.expectation].attribute }

    func identity(of finding: Finding, in context: GapContext) -> String { expectations[finding.expectation].test.name }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        context.words(ofExpectation: finding.expectation).expected
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        UnmetExpectation.planned(expectations[finding.expectation], in: context)
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        UnmetExpectation.message(
            expectations[finding.expectation], index: finding.expectation, tooLong: finding.tooLongToMatch, subject: nil, in: context
        )
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        UnmetExpectation.action(expectations[finding.expectation], index: finding.expectation, place: nil, in: context)
    }
}

/// What expectation, coverage and handoff markers say alike about a
/// touchpoint that misses an expectation.
enum UnmetExpectation {
    /// One finding per failed expectation, each pointing at the planned
    /// value, or at the touchpoint when the value is not planned.
    static func findings(
        _ failures: ExpectationFailures, _ compiled: ExpectationSet, experience: ExperienceValues,
        _ finding: (_ expectation: Int, _ tooLong: Bool) -> MarkerFinding
    ) -> [(finding: MarkerFinding, position: SourcePosition?)] {
        failures.map { failure in
            (finding(failure.index, failure.tooCostly), experience[compiled.expectations[failure.index].attribute]?.position)
        }
    }

    /// The value planned, in words, or `not planned`.
    static func planned(_ expectation: Expectation, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint,
              let value = context.planned(expectation.attribute, at: touchpoint) else { return "not planned" }
        return context.render(value.value, of: expectation.attribute)
    }

    /// `welcome-mail (email, discover) plans address = informal; 'We address
    /// every customer formally' expects address = formal`; `subject`
    /// replaces the touchpoint's name (a handoff says who hands over).
    static func message(
        _ expectation: Expectation, index: Int, tooLong: Bool, subject: String?, in context: GapContext
    ) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let subject = subject ?? context.subject(of: touchpoint)
        let attribute = context.attributeID(expectation.attribute)
        let tail = context.words(ofExpectation: index).messageTail
        guard let value = context.planned(expectation.attribute, at: touchpoint) else {
            return "\(subject) does not plan '\(attribute)'" + tail
        }
        if tooLong, case .text(let text) = value.value {
            return "\(subject) plans \(attribute) of \(text.unicodeScalars.count) characters, too long to match"
                + " within the pattern's cost limit" + tail
        }
        return "\(subject) plans \(attribute) = \(context.render(value.value, of: expectation.attribute))" + tail
    }

    /// What to change at the touchpoint, or at `place` when given.
    static func action(_ expectation: Expectation, index: Int, place: String?, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let planned = context.planned(expectation.attribute, at: touchpoint).map { context.render($0.value, of: expectation.attribute) }
        return context.words(ofExpectation: index).action(at: place ?? context.touchpointID(touchpoint), planned: planned)
    }
}
