import Testing

@testable import CharterChecker

/// A lived session's per-case counts: each check counted by marker and by
/// channel column, and only what a case touched zeroed before the next.
@Suite("Checks counted per case")
struct CaseChecksTests {
    @Test("checks add up by marker and by column, and a reset leaves nothing of the case before")
    func countsAndResets() {
        var checks = CaseChecks(markerCount: 3, columnCount: 3)
        checks.record(marker: 1, column: 0, met: true)
        checks.record(marker: 1, column: 2, met: false)
        checks.record(marker: 0, column: 2, met: true)
        #expect(checks.byMarker == [CheckCount(applicable: 1, met: 1), CheckCount(applicable: 2, met: 1), CheckCount()])
        #expect(checks.byChannel == [CheckCount(applicable: 1, met: 1), CheckCount(), CheckCount(applicable: 2, met: 1)])
        checks.reset()
        #expect(checks.byMarker == [CheckCount(), CheckCount(), CheckCount()])
        #expect(checks.byChannel == [CheckCount(), CheckCount(), CheckCount()])
        checks.record(marker: 2, column: 1, met: false)
        #expect(checks.byMarker == [CheckCount(), CheckCount(), CheckCount(applicable: 1, met: 0)])
        #expect(checks.byChannel == [CheckCount(), CheckCount(applicable: 1, met: 0), CheckCount()])
    }
}
