import JourneyModel
import Testing

@Suite struct ExperienceTests {
    static func planned(_ attribute: Int, _ text: String, line: Int = 1) -> PlannedValue {
        PlannedValue(attribute: attribute, value: .text(text), position: SourcePosition(line: line, column: 1))
    }

    static func summary(_ experience: Experience) -> [String] {
        experience.values.map { value in
            guard case .text(let text) = value.value else { return "?" }
            return "\(value.attribute)=\(text)@\(value.position.line)"
        }
    }

    @Test func keepsValuesSortedByAttribute() {
        let experience = Experience([Self.planned(4, "d"), Self.planned(0, "a"), Self.planned(2, "b")])
        #expect(experience.values.map(\.attribute) == [0, 2, 4])
        #expect(!experience.isEmpty)
        #expect(Experience().isEmpty)
    }

    @Test func findsAValueByAttribute() {
        let experience = Experience([Self.planned(4, "d"), Self.planned(0, "a"), Self.planned(2, "b")])
        #expect(experience[0]?.value == .text("a"))
        #expect(experience[2]?.value == .text("b"))
        #expect(experience[4]?.value == .text("d"))
        for missing in [1, 3, 5, 100] { #expect(experience[missing] == nil) }
        #expect(Experience()[0] == nil)
    }

    @Test func anOverlayReplacesAndAdds() {
        let base = Experience([Self.planned(0, "formal"), Self.planned(2, "named"), Self.planned(4, "PT1H")])
        let overlay = Experience([Self.planned(1, "warm", line: 2), Self.planned(2, "advisor", line: 2), Self.planned(5, "team", line: 2)])
        let merged = base.overlaid(with: overlay)
        #expect(Self.summary(merged) == ["0=formal@1", "1=warm@2", "2=advisor@2", "4=PT1H@1", "5=team@2"])
        // Neither side changes.
        #expect(Self.summary(base) == ["0=formal@1", "2=named@1", "4=PT1H@1"])
        #expect(merged[2]?.position.line == 2)
    }

    @Test func anOverlayOfEverything() {
        let base = Experience([Self.planned(0, "a"), Self.planned(1, "b")])
        let overlay = Experience([Self.planned(0, "x", line: 2), Self.planned(1, "y", line: 2)])
        #expect(Self.summary(base.overlaid(with: overlay)) == ["0=x@2", "1=y@2"])
    }

    @Test func overlaysOfDisjointRanges() {
        let low = Experience([Self.planned(0, "a"), Self.planned(1, "b")])
        let high = Experience([Self.planned(5, "y", line: 2), Self.planned(6, "z", line: 2)])
        #expect(Self.summary(low.overlaid(with: high)) == ["0=a@1", "1=b@1", "5=y@2", "6=z@2"])
        #expect(Self.summary(high.overlaid(with: low)) == ["0=a@1", "1=b@1", "5=y@2", "6=z@2"])
    }

    @Test func emptySides() {
        let base = Experience([Self.planned(0, "a")])
        #expect(Self.summary(base.overlaid(with: Experience())) == ["0=a@1"])
        #expect(Self.summary(Experience().overlaid(with: base)) == ["0=a@1"])
        #expect(Experience().overlaid(with: Experience()).isEmpty)
    }

    @Test func aTouchpointLaysItsSegmentOverlayOverItsExperience() {
        let touchpoint = Touchpoint(
            id: "welcome", stage: 0, channel: 0, segments: MemberSet([0, 1]),
            experience: Experience([Self.planned(0, "formal"), Self.planned(1, "named")]),
            bySegment: [SegmentOverlay(segment: 1, experience: Experience([Self.planned(1, "advisor", line: 2)]))],
            position: SourcePosition(line: 1, column: 1)
        )
        #expect(Self.summary(touchpoint.experience(for: 0)) == ["0=formal@1", "1=named@1"])
        #expect(Self.summary(touchpoint.experience(for: 1)) == ["0=formal@1", "1=advisor@2"])
        #expect(touchpoint.isTaken(by: 1))
        #expect(!touchpoint.isTaken(by: 2))
    }
}

@Suite struct ExperienceValuesTests {
    @Test func livedValuesAreReadOverThePlannedOnes() {
        let base = [ExperienceTests.planned(0, "formal"), ExperienceTests.planned(2, "named")]
        let top = [ExperienceTests.planned(2, "advisor", line: 2), ExperienceTests.planned(3, "PT3H", line: 2)]
        let values = ExperienceValues(base[...], overlaid: top[...])
        #expect(values[0]?.value == .text("formal"))
        #expect(values[2]?.value == .text("advisor"))
        #expect(values[2]?.position.line == 2)
        #expect(values[3]?.value == .text("PT3H"))
        #expect(values[1] == nil)
        #expect(values[4] == nil)
        #expect(!values.isEmpty)
        #expect(!ExperienceValues([], overlaid: top[...]).isEmpty)
        #expect(ExperienceValues([]).isEmpty)
    }

    @Test func anythingKeyedByAttributeMergesAlike() {
        var merged: [(Int, String)] = []
        let base: [(Int, String)] = [(0, "a"), (2, "b"), (4, "c")]
        let top: [(Int, String)] = [(1, "x"), (2, "y"), (5, "z")]
        Experience.merge(base[...], overlaid: top[...], into: &merged) { $0.0 }
        #expect(merged.map { "\($0.0)\($0.1)" } == ["0a", "1x", "2y", "4c", "5z"])
    }
}
