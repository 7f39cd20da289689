import JourneyModel
import Testing

@Suite struct AttributeDefinitionTests {
    static let here = JourneyModel.SourceLocation(file: "Brands/acme.brand.jsonc", line: 1, column: 1)

    static func definition(_ type: AttributeType) -> AttributeDefinition {
        AttributeDefinition(id: "attribute", type: type, location: here)
    }

    static func duration(_ text: String) -> AttributeValue { .duration(ISODuration(text)!) }

    static let scale = definition(.scale(["none", "segment", "named", "advisor"]))
    static let enumeration = definition(.enumeration(["formal", "informal"]))

    @Test func rendersValuesAsWritten() {
        #expect(Self.scale.render(.choice(0)) == "none")
        #expect(Self.scale.render(.choice(3)) == "advisor")
        #expect(Self.scale.render(.choice(4)) == "#4")
        #expect(Self.enumeration.render(.choice(1)) == "informal")
        #expect(Self.definition(.duration).render(Self.duration("PT90M")) == "PT90M")
        #expect(Self.definition(.text).render(.text("The Aurèle team")) == "The Aurèle team")
        #expect(Self.definition(.boolean).render(.boolean(true)) == "true")
        #expect(Self.definition(.boolean).render(.boolean(false)) == "false")
    }

    @Test(arguments: [
        (3.0, "3"),
        (-2.0, "-2"),
        (0.0, "0"),
        (0.25, "0.25"),
        (-1.5, "-1.5"),
        (999_999_999_999_999.0, "999999999999999"),
        (1e15, "1000000000000000"),
        (-1e15, "-1000000000000000"),
        (9_007_199_254_740_992.0, "9007199254740992"),
        (9_007_199_254_740_994.0, "9.007199254740994e+15"),
        (1e20, "1e+20"),
        (Double.infinity, "inf"),
    ] as [(Double, String)])
    func rendersNumbersWithoutATrailingZero(number: Double, text: String) {
        #expect(AttributeDefinition.render(number) == text)
        #expect(Self.definition(.number).render(.number(number)) == text)
    }

    @Test func comparesScalesByRank() {
        #expect(Self.scale.compare(.choice(0), .choice(3)) == -1)
        #expect(Self.scale.compare(.choice(3), .choice(2)) == 1)
        #expect(Self.scale.compare(.choice(2), .choice(2)) == 0)
    }

    @Test func comparesNumbersAndDurationsByMagnitude() {
        let number = Self.definition(.number)
        #expect(number.compare(.number(0.5), .number(0.75)) == -1)
        #expect(number.compare(.number(10), .number(-10)) == 1)
        #expect(number.compare(.number(3), .number(3)) == 0)

        let duration = Self.definition(.duration)
        #expect(duration.compare(Self.duration("PT90M"), Self.duration("PT1H30M")) == 0)
        #expect(duration.compare(Self.duration("PT1H"), Self.duration("P1D")) == -1)
        #expect(duration.compare(Self.duration("P1W"), Self.duration("PT167H")) == 1)
    }

    @Test func unorderedTypesDoNotCompare() {
        #expect(Self.enumeration.compare(.choice(0), .choice(1)) == nil)
        #expect(Self.definition(.text).compare(.text("a"), .text("b")) == nil)
        #expect(Self.definition(.boolean).compare(.boolean(false), .boolean(true)) == nil)
        // Nor do values of another type than the definition's.
        #expect(Self.scale.compare(.number(1), .number(2)) == nil)
        #expect(Self.definition(.number).compare(.choice(1), .choice(2)) == nil)
        #expect(Self.definition(.duration).compare(Self.duration("PT1H"), .number(3_600)) == nil)
    }

    @Test func typesKnowWhetherTheyAreOrdered() {
        let types: [AttributeType] = [.enumeration(["a"]), .scale(["a"]), .duration, .number, .text, .boolean]
        #expect(types.map(\.name) == AttributeType.names)
        #expect(types.map(\.isOrdered) == [false, true, true, true, false, false])
        #expect(types.map(\.choices) == [["a"], ["a"], [], [], [], []])
    }
}
