import JourneyModel
import Testing

@Suite struct DidYouMeanTests {
    static let channels = ["email", "store", "chat"]

    @Test(arguments: [
        ("emial", "email"),     // two neighbours swapped
        ("emai", "email"),      // one letter missing
        ("emaill", "email"),    // one letter too many
        ("stroe", "store"),
        ("chta", "chat"),
        ("EMAIL", "email"),     // case does not count, the candidate is returned as written
        ("email", "email"),     // an exact match is its own answer
    ])
    func findsTheClosest(word: String, expected: String) {
        #expect(DidYouMean.closest(to: word, in: Self.channels) == expected)
    }

    @Test(arguments: ["fax", "post", "telephone", "", "emailing"])
    func nothingCloseEnough(word: String) {
        #expect(DidYouMean.closest(to: word, in: Self.channels) == nil)
    }

    @Test func nothingInAnEmptyList() {
        #expect(DidYouMean.closest(to: "email", in: []) == nil)
    }

    @Test func tiesGoToTheFirstListed() {
        #expect(DidYouMean.closest(to: "cat", in: ["bat", "hat"]) == "bat")
        #expect(DidYouMean.closest(to: "cat", in: ["hat", "bat"]) == "hat")
    }

    @Test func aCloserCandidateWinsOverAnEarlierOne() {
        #expect(DidYouMean.closest(to: "abcdefgh", in: ["abcdefxy", "abcdefgx"]) == "abcdefgx")
        #expect(DidYouMean.closest(to: "stor", in: ["stop", "store", "stor"]) == "stor")
    }

    @Test func theLimitIsAThirdOfTheLongerNameAndFewerEditsThanTheShorterHasLetters() {
        // One letter: replacing it is not a typo, it is another name.
        #expect(DidYouMean.closest(to: "a", in: ["b"]) == nil)
        #expect(DidYouMean.closest(to: "a", in: ["bc"]) == nil)
        // Two letters: one edit.
        #expect(DidYouMean.closest(to: "ab", in: ["ac"]) == "ac")
        // Six letters: two edits.
        #expect(DidYouMean.closest(to: "abcdef", in: ["abcdxy"]) == "abcdxy")
        #expect(DidYouMean.closest(to: "abcdef", in: ["abcxyz"]) == nil)
        // Fifteen letters: five edits.
        #expect(DidYouMean.closest(to: "personalisation", in: ["personalization"]) == "personalization")
        #expect(DidYouMean.closest(to: "personalisation", in: ["persona"]) == nil)
        // The length difference alone can rule a candidate out.
        #expect(DidYouMean.closest(to: "responseTime", in: ["resp"]) == nil)
    }

    @Test func scalarsNotBytesAreCompared() {
        #expect(DidYouMean.closest(to: "cafe", in: ["café"]) == "café")
        #expect(DidYouMean.editDistance(Array("café".unicodeScalars), Array("cafe".unicodeScalars)) == 1)
    }

    @Test(arguments: [
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("abc", "abc", 0),
        ("ab", "ba", 1),
        ("kitten", "sitting", 3),
        ("emial", "email", 1),
        ("ca", "abc", 3),   // optimal string alignment, not full Damerau
    ] as [(String, String, Int)])
    func editDistance(lhs: String, rhs: String, distance: Int) {
        #expect(DidYouMean.editDistance(Array(lhs.unicodeScalars), Array(rhs.unicodeScalars)) == distance)
        #expect(DidYouMean.editDistance(Array(rhs.unicodeScalars), Array(lhs.unicodeScalars)) == distance)
    }

    @Test func hints() {
        #expect(DidYouMean.hint(for: "emial", in: Self.channels) == "; did you mean 'email'?")
        #expect(DidYouMean.hint(for: "fax", in: Self.channels) == "")
    }

    @Test func namesLongerThanPeopleTypeGetNoSuggestion() {
        let long = String(repeating: "a", count: DidYouMean.longestName + 1)
        #expect(DidYouMean.closest(to: long, in: [long + "b"]) == nil)
        #expect(DidYouMean.closest(to: "ab", in: [long, "ac"]) == "ac")
    }
}
