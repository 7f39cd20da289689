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

    @Test func tiesAcrossLengthsGoToTheFirstListed() {
        // One deletion or one insertion away: the same distance, different lengths.
        #expect(DidYouMean.closest(to: "abcd", in: ["abcde", "abc"]) == "abcde")
        #expect(DidYouMean.closest(to: "abcd", in: ["abc", "abcde"]) == "abc")
        // A closer candidate listed later still wins.
        #expect(DidYouMean.closest(to: "abcdefgh", in: ["abcdef", "abcdefg", "abcdefgh"]) == "abcdefgh")
    }

    @Test func aSwapIsOneEditAndLettersCountedAlikeAreNotEnough() {
        // Same letters, same counts: the counts do not rule it out, the distance does.
        #expect(DidYouMean.closest(to: "ab", in: ["ba"]) == "ba")
        #expect(DidYouMean.closest(to: "abcdef", in: ["fedcba"]) == nil)
    }

    @Test func preparedCandidatesAnswerLikeALookUpOverAList() {
        let candidates = DidYouMean.Candidates(Self.channels)
        #expect(candidates.names == Self.channels)
        for (word, expected) in [("emial", "email"), ("stroe", "store"), ("EMAIL", "email"), ("fax", nil), ("", nil)] as [(String, String?)] {
            var budget = DidYouMean.Budget.forFile(ofSize: 100)
            #expect(candidates.closest(to: word, budget: &budget) == expected, "\(word)")
        }
    }

    @Test func aSpentBudgetGivesNoSuggestion() {
        let candidates = DidYouMean.Candidates(Self.channels)
        var spent = DidYouMean.Budget(steps: 0)
        #expect(candidates.closest(to: "emial", budget: &spent) == nil)
        // "emial" looks at the three names (3 steps); only "email" has letters
        // one edit could make into those of "emial": its letter counts are
        // compared (8 steps) and its distance computed within one cell of the
        // diagonal, the most one edit allows (2 + 3 + 3 + 3 + 2 cells).
        // 24 steps; one fewer, and no answer is given.
        var enough = DidYouMean.Budget(steps: 24)
        #expect(candidates.closest(to: "emial", budget: &enough) == "email")
        #expect(enough.isSpent)
        var short = DidYouMean.Budget(steps: 23)
        #expect(candidates.closest(to: "emial", budget: &short) == nil)
        #expect(short.isSpent)
        // Once spent, it stays spent.
        #expect(candidates.closest(to: "stroe", budget: &short) == nil)
    }

    @Test func oneBudgetBoundsManyLookUpsOverManyLongNames() {
        // 2,000 names of 128 letters, and 2,000 look-ups of names made of the
        // same letters in another order: every look-up must compute distances,
        // and the budget ends them, after which no suggestion is given.
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        let names: [String] = (0..<2_000).map { (index: Int) -> String in
            String((0..<128).map { (offset: Int) -> Character in alphabet[(offset * 7 + index) % 26] })
        }
        let candidates = DidYouMean.Candidates(names)
        var budget = DidYouMean.Budget(steps: 5_000_000)
        var answered = 0
        for name in names {
            if candidates.closest(to: String(name.reversed()), budget: &budget) != nil { answered += 1 }
        }
        #expect(budget.isSpent)
        #expect(answered == 0)
    }

    /// The rule as documented, the slow way: every candidate, every distance.
    static func referenceClosest(to word: String, in candidates: [String]) -> String? {
        guard word.unicodeScalars.count <= DidYouMean.longestName else { return nil }
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.unicodeScalars.count <= DidYouMean.longestName {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            let limit = min(max(1, max(target.count, scalars.count) / 3), min(target.count, scalars.count) - 1)
            let distance = DidYouMean.editDistance(target, scalars)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    @Test func theShortcutsNeverChangeTheAnswer() {
        // Words over three letters, so that many are close to each other.
        var state: UInt64 = 7
        func word() -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60) + 1
            return String((0..<length).map { offset in Array("abC")[Int((state >> UInt64(offset * 3)) % 3)] })
        }
        for _ in 0..<300 {
            let candidates = (0..<12).map { _ in word() }
            let target = word()
            #expect(DidYouMean.closest(to: target, in: candidates) == Self.referenceClosest(to: target, in: candidates), "\(target) in \(candidates)")
        }
    }

    @Test func namesLongerThanPeopleTypeGetNoSuggestion() {
        let long = String(repeating: "a", count: DidYouMean.longestName + 1)
        #expect(DidYouMean.closest(to: long, in: [long + "b"]) == nil)
        #expect(DidYouMean.closest(to: "ab", in: [long, "ac"]) == "ac")
    }
}
