import JourneyModel
import Testing

// Swift Testing has a type of the same name.
private typealias SourceLocation = JourneyModel.SourceLocation

@Suite struct SeverityTests {
    @Test func infoIsBelowWarningIsBelowError() {
        #expect(Severity.info < .warning)
        #expect(Severity.warning < .error)
        #expect(Severity.info < .error)
        #expect(!(Severity.error < .error))
        #expect([Severity.error, .info, .warning].sorted() == [.info, .warning, .error])
        #expect([Severity.warning, .error, .info].max() == .error)
        #expect(Severity.allCases == [.info, .warning, .error])
    }

    @Test func namesAreTheFileWords() {
        #expect(Severity.allCases.map(\.description) == ["info", "warning", "error"])
        #expect(Severity(rawValue: "warning") == .warning)
        #expect(Severity(rawValue: "Warning") == nil)
        #expect(Severity(rawValue: "off") == nil)
    }
}

@Suite struct SourceLocationTests {
    @Test func positionsOrderByLineThenColumn() {
        let positions = [
            SourcePosition(line: 2, column: 1), SourcePosition(line: 1, column: 10),
            SourcePosition(line: 1, column: 2), SourcePosition(line: 10, column: 1),
        ]
        #expect(positions.sorted().map(\.description) == ["1:2", "1:10", "2:1", "10:1"])
        #expect(SourcePosition.startOfFile == SourcePosition(line: 1, column: 1))
        #expect(SourcePosition.startOfFile <= positions.min()!)
    }

    @Test func locationsOrderByFileThenPosition() {
        let locations = [
            SourceLocation(file: "b.jsonc", line: 1, column: 1),
            SourceLocation(file: "a.jsonc", line: 9, column: 9),
            SourceLocation(file: "a.jsonc", line: 2, column: 5),
            SourceLocation(file: "a.jsonc", line: 2, column: 3),
            SourceLocation(file: "a/b.jsonc", line: 1, column: 1),
        ]
        #expect(locations.sorted().map(\.description) == [
            "a.jsonc:2:3", "a.jsonc:2:5", "a.jsonc:9:9", "a/b.jsonc:1:1", "b.jsonc:1:1",
        ])
    }

    @Test func equalLocations() {
        let location = SourceLocation(file: "f", line: 3, column: 4)
        #expect(location == SourceLocation(file: "f", position: SourcePosition(line: 3, column: 4)))
        #expect(!(location < location))
        #expect(location.line == 3 && location.column == 4)
        #expect(location.description == "f:3:4")
    }

    @Test func outOfRangeLinesAndColumnsAreClamped() {
        #expect(SourcePosition(line: -1, column: 0).line == 0)
        #expect(SourcePosition(line: Int.max, column: 1).line == Int(UInt32.max))
    }
}

@Suite struct DiagnosticOrderTests {
    @Test func reportOrderIsLocationThenCodeThenMessage() {
        let here = SourceLocation(file: "a.jsonc", line: 1, column: 5)
        let diagnostics = [
            Diagnostic(.unknownStage, at: here, "b"),
            Diagnostic(.syntax, at: SourceLocation(file: "b.jsonc", line: 1, column: 1), "x"),
            Diagnostic(.unknownChannel, at: here, "z"),
            Diagnostic(.unknownStage, at: here, "a"),
            Diagnostic(.duplicateKey, at: SourceLocation(file: "a.jsonc", line: 1, column: 4), "y"),
        ]
        let sorted = diagnostics.sorted(by: Diagnostic.reportOrder)
        #expect(sorted.map(\.message) == ["y", "z", "a", "b", "x"])
    }

    @Test func severityDefaultsToTheCodes() {
        let here = SourceLocation(file: "a", line: 1, column: 1)
        #expect(Diagnostic(.impreciseNumber, at: here, "m").severity == .warning)
        #expect(Diagnostic(.emptyJourney, at: here, "m").severity == .warning)
        #expect(Diagnostic(.danglingNext, at: here, "m").severity == .error)
        #expect(Diagnostic(.danglingNext, severity: .info, at: here, "m").severity == .info)
    }

    @Test func codesAreStable() {
        #expect(DiagnosticCode.duplicateID.rawValue == "duplicate-id")
        #expect(DiagnosticCode.danglingNext.rawValue == "dangling-next")
        #expect(DiagnosticCode.allCases.allSatisfy { !$0.summary.isEmpty })
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
        #expect(DiagnosticCode.allCases.allSatisfy { $0.rawValue == $0.rawValue.lowercased() && !$0.rawValue.contains(" ") })
    }
}

@Suite struct ChannelKindTests {
    @Test func kindsOrderAsDeclared() {
        #expect(ChannelKind.allCases.sorted() == [.physical, .digital, .voice, .postal])
        #expect(ChannelKind.postal > .physical)
    }
}
