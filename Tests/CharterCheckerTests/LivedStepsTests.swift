import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

/// A lived case's steps read over the planned experiences of its path:
/// the planned values in place, the lived ones over them, and the numbers
/// the checker compares laid out per step.
@Suite("Lived steps over the planned experiences")
struct LivedStepsTests {
    static func value(_ attribute: Int, _ value: AttributeValue, line: Int) -> PlannedValue {
        PlannedValue(attribute: attribute, value: value, position: SourcePosition(line: line, column: 1))
    }

    static func duration(_ text: String) throws -> AttributeValue { .duration(try #require(ISODuration(text))) }

    /// Touchpoint 0 plans attribute 0 = choice 0 and attribute 3 = PT30M;
    /// touchpoint 1 plans nothing; touchpoint 2 plans attribute 1 = 5.
    static func planned() throws -> PlannedExperiences {
        PlannedExperiences([
            Experience([value(3, try duration("PT30M"), line: 1), value(0, .choice(0), line: 1)]),
            Experience(),
            Experience([value(1, .number(5), line: 3)]),
        ])
    }

    @Test("what each touchpoint plans is read in place, by touchpoint")
    func plannedLayout() throws {
        let planned = try Self.planned()
        #expect(planned.count == 3)
        #expect(planned.range(of: 0) == 0..<2)
        #expect(planned.range(of: 1) == 2..<2)
        #expect(planned.range(of: 2) == 2..<3)
        #expect(planned.experience(of: 0)[3]?.value == (try Self.duration("PT30M")))
        #expect(planned.experience(of: 1).isEmpty)
        #expect(planned.experience(of: 2)[1]?.value == .number(5))
        // The numbers: choice 0, 1800 seconds, the number 5.
        #expect(planned.slots.map(\.attribute) == [0, 3, 1])
        #expect(planned.slots.map(\.scalar) == [0, 1800, 5])
    }

    @Test("lived values lay over the planned ones, in any order given, and a refilled case keeps nothing of the one before")
    func livedOverPlanned() throws {
        let planned = try Self.planned()
        var steps = LivedSteps()
        steps.removeAll(over: planned)
        // Given out of attribute order: 3 before 0.
        steps.overlay(Self.value(3, try Self.duration("PT3H"), line: 9))
        steps.overlay(Self.value(0, .choice(1), line: 9))
        steps.append(touchpoint: 0, channel: 2, seconds: 0)
        steps.append(touchpoint: 2, channel: 1, seconds: 60)
        steps.overlay(Self.value(2, .boolean(true), line: 9))
        steps.append(touchpoint: 1, channel: 0, seconds: 90)

        #expect(steps.touchpoints == [0, 2, 1])
        #expect(steps.channels == [2, 1, 0])
        #expect(steps.seconds == [0, 60, 90])
        let first = steps.experience(at: 0)
        #expect(first[0]?.value == .choice(1))
        #expect(first[0]?.position.line == 9)
        #expect(first[3]?.value == (try Self.duration("PT3H")))
        #expect(first[1] == nil)
        #expect(steps.experience(at: 1)[1]?.value == .number(5))
        #expect(steps.experience(at: 1)[1]?.position.line == 3)
        #expect(steps.experience(at: 2)[2]?.value == .boolean(true))
        #expect(steps.experience(at: 2)[0] == nil)
        // Step 0: choice 1 and three hours; step 1: 5 as planned; step 2: true.
        #expect(steps.slots.map(\.attribute) == [0, 3, 1, 2])
        #expect(steps.slots.map(\.scalar) == [1, 10_800, 5, 1])
        #expect(steps.slotStarts == [0, 2, 3, 4])

        steps.removeAll(over: planned)
        steps.append(touchpoint: 0, channel: 1, seconds: 0)
        #expect(steps.count == 1)
        #expect(steps.experience(at: 0)[0]?.value == .choice(0))
        #expect(steps.experience(at: 0)[0]?.position.line == 1)
        #expect(steps.slots.map(\.scalar) == [0, 1800])
        #expect(steps.slotStarts == [0, 2])
    }

    /// Another path's experiences: touchpoint 0 plans attribute 0 = choice 2
    /// and attribute 1 = 7; touchpoint 1 plans attribute 3 = PT1H; touchpoint 2 nothing.
    static func otherPlanned() throws -> PlannedExperiences {
        PlannedExperiences([
            Experience([value(1, .number(7), line: 20), value(0, .choice(2), line: 20)]),
            Experience([value(3, try duration("PT1H"), line: 21)]),
            Experience(),
        ])
    }

    @Test("steps reused over two paths' experiences, alternating, read the planned values of the path in use each time")
    func alternatingPlannedExperiences() throws {
        let first = try Self.planned(), second = try Self.otherPlanned()
        var steps = LivedSteps()
        for round in 0..<4 {
            let overFirst = round % 2 == 0
            steps.removeAll(over: overFirst ? first : second)
            steps.append(touchpoint: 0, channel: 0, seconds: 0)
            steps.append(touchpoint: 1, channel: 1, seconds: 30)
            steps.overlay(Self.value(1, .number(9), line: 30))
            steps.append(touchpoint: 2, channel: 0, seconds: 60)
            #expect(steps.count == 3, "round \(round)")
            #expect(steps.touchpoints == [0, 1, 2], "round \(round)")
            if overFirst {
                // Choice 0 and 1800 seconds; nothing; 9 lived over the planned 5.
                #expect(steps.slots.map(\.attribute) == [0, 3, 1], "round \(round)")
                #expect(steps.slots.map(\.scalar) == [0, 1800, 9], "round \(round)")
                #expect(steps.slotStarts == [0, 2, 2, 3], "round \(round)")
                #expect(steps.experience(at: 0)[0]?.value == .choice(0), "round \(round)")
                #expect(steps.experience(at: 0)[0]?.position.line == 1, "round \(round)")
                #expect(steps.experience(at: 0)[3]?.value == (try Self.duration("PT30M")), "round \(round)")
                #expect(steps.experience(at: 0)[1] == nil, "round \(round)")
                #expect(steps.experience(at: 1).isEmpty, "round \(round)")
                #expect(steps.experience(at: 2)[1]?.value == .number(9), "round \(round)")
                #expect(steps.experience(at: 2)[1]?.position.line == 30, "round \(round)")
            } else {
                // Choice 2 and 7; 3600 seconds; only the lived 9.
                #expect(steps.slots.map(\.attribute) == [0, 1, 3, 1], "round \(round)")
                #expect(steps.slots.map(\.scalar) == [2, 7, 3600, 9], "round \(round)")
                #expect(steps.slotStarts == [0, 2, 3, 4], "round \(round)")
                #expect(steps.experience(at: 0)[0]?.value == .choice(2), "round \(round)")
                #expect(steps.experience(at: 0)[0]?.position.line == 20, "round \(round)")
                #expect(steps.experience(at: 0)[1]?.value == .number(7), "round \(round)")
                #expect(steps.experience(at: 0)[3] == nil, "round \(round)")
                #expect(steps.experience(at: 1)[3]?.value == (try Self.duration("PT1H")), "round \(round)")
                #expect(steps.experience(at: 1)[3]?.position.line == 21, "round \(round)")
                #expect(steps.experience(at: 2)[1]?.value == .number(9), "round \(round)")
                #expect(steps.experience(at: 2)[0] == nil, "round \(round)")
            }
        }
    }

    @Test("a view groups the touchpoints by channel in one buffer, each channel's in journey order")
    func viewGroupsByChannel() async throws {
        let brand = SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: [#"{ "id": "m", "expect": { "address": "formal" } }"#]))
        let journey = Fixture.journey("grouped", [
            #"{ "id": "a", "stage": "discover", "channel": "email" }"#,
            #"{ "id": "b", "stage": "discover", "channel": "store" }"#,
            #"{ "id": "c", "stage": "discover", "channel": "email" }"#,
            #"{ "id": "d", "stage": "discover", "channel": "chat" }"#,
        ])
        let workspace = await WorkspaceLoader.load([brand, journey]).workspace
        let loaded = try #require(workspace.brands.first)
        let loadedJourney = try #require(workspace.journeys.first)
        let trace = JourneyTrace(journey: loadedJourney, index: 0, workspaceIndex: 0, segment: 0, layout: JourneyLayout(loadedJourney))
        let view = JourneyView(trace, channelCount: loaded.channels.count)
        // Channels store 0, email 1, chat 2, phone 3: store [b], email [a, c], chat [d], phone none.
        #expect(view.byChannel == [1, 0, 2, 3])
        #expect(view.channelStarts == [0, 1, 3, 4, 4])
    }
}
