import JourneyModel
import Testing

@Suite struct ISODurationTests {
    static let minute = 60.0, hour = 3_600.0, day = 86_400.0

    @Test(arguments: [
        ("PT2H", 2 * hour),
        ("PT15M", 15 * minute),
        ("PT30S", 30),
        ("PT0.5S", 0.5),
        ("P1D", day),
        ("P1W", 7 * day),
        ("P1M", 30 * day),
        ("P1Y", 365 * day),
        ("PT1.5H", 1.5 * hour),
        ("PT1,5H", 1.5 * hour),
        ("P1.5D", 1.5 * day),
        ("PT1H30M", 90 * minute),
        ("PT90M", 90 * minute),
        ("PT36H", 36 * hour),
        ("P1DT12H", 36 * hour),
        ("P0D", 0),
        ("PT0S", 0),
        ("P1Y2M3DT4H5M6S", 365 * day + 60 * day + 3 * day + 4 * hour + 5 * minute + 6),
        ("PT4H5M6.25S", 4 * hour + 5 * minute + 6.25),
    ] as [(String, Double)])
    func validDurations(text: String, seconds: Double) throws {
        let duration = try #require(ISODuration(text))
        #expect(duration.seconds == seconds)
        #expect(duration.text == text)
        #expect(duration.description == text)
    }

    @Test(arguments: [
        "",            // nothing
        "P",           // no component
        "PT",          // a time designator and no component
        "P1DT",        // a time designator and no time component
        "P1H",         // hours are time units: PT1H
        "PT1D",        // days are date units: P1D
        "PT1Y",
        "1H",          // no P
        "T1H",
        "pt2h",        // designators are capitals
        "P1.5DT2H",    // only the smallest unit written may have a fraction
        "PT1.5H30M",
        "P1M1Y",       // units out of order
        "PT1M1H",
        "PT1H1H",      // a unit twice
        "PTT1H",
        "P1DT1HT1M",
        "PT.5H",       // digits on both sides of the decimal mark
        "PT5.H",
        "P-1D",        // no sign
        "P+1D",
        "PT2 H",       // no spaces
        " PT2H",
        "PT2H ",
        "PT2",         // a number needs its unit
        "PTH",         // a unit needs its number
        "P1e3D",
        "P١D",         // ASCII digits only
        "P9999999999Y",  // past 290 million years: its milliseconds would not fit in 64 bits
        "P" + String(repeating: "9", count: 400) + "D",  // infinite as a Double
    ])
    func invalidDurations(text: String) {
        #expect(ISODuration(text) == nil)
    }

    @Test("The longest duration read is about 290 million years, its milliseconds an Int64")
    func longestDuration() throws {
        let longest = try #require(ISODuration("P290000000Y"))
        #expect(longest.seconds == 290_000_000 * 365 * 86_400)
        #expect(longest.seconds <= ISODuration.longestSeconds)
        #expect(Int64(exactly: (ISODuration.longestSeconds * 1000).rounded()) != nil)
        #expect(ISODuration("P292000000Y") == nil)
    }

    @Test func equalDurationsLastAsLong() throws {
        let ninety = try #require(ISODuration("PT90M"))
        let hourAndHalf = try #require(ISODuration("PT1H30M"))
        #expect(ninety == hourAndHalf)
        #expect(ninety.hashValue == hourAndHalf.hashValue)
        #expect(Set([ninety, hourAndHalf]).count == 1)
        // Each keeps the text it was written with.
        #expect(ninety.text != hourAndHalf.text)

        #expect(ISODuration("PT60M") == ISODuration("PT1H"))
        #expect(ISODuration("P1W") == ISODuration("P7D"))
        #expect(ISODuration("PT24H") == ISODuration("P1D"))
        #expect(ISODuration("PT1H") != ISODuration("PT61M"))
        #expect(ISODuration("PT1.5H") == ISODuration("PT90M"))
    }

    @Test func durationsCompareBySeconds() throws {
        let ordered = ["PT0S", "PT59S", "PT1M", "PT1H", "PT1H0M1S", "P1D", "P1W", "P1M", "P1Y"]
        let seconds = try ordered.map { try #require(ISODuration($0)).seconds }
        #expect(seconds == seconds.sorted())
        #expect(Set(seconds).count == seconds.count)
    }
}
