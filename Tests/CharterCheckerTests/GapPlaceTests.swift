import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Gap places")
struct GapPlaceTests {
    /// A brand of a hundred thousand markers is read whole, so every one of
    /// them must be named by its own gaps (16 bits would wrap marker 65,536
    /// back to marker 0).
    @Test("Markers and segments past 65,535 keep their positions")
    func largePositions() {
        let position = SourcePosition(line: 5, column: 87)
        for (marker, segment) in [(65_535, 65_535), (65_536, 65_536), (100_000, 70_000)] {
            let place = GapPlace(journey: 1, touchpoint: 2, segment: segment, marker: marker, position: position)
            #expect(place.marker == marker)
            #expect(place.segment == segment)
        }
        let journeyWide = GapPlace(journey: 0, touchpoint: nil, segment: nil, marker: 99_999, position: position)
        #expect(journeyWide.segment == nil)
        #expect(journeyWide.touchpoint == nil)
        #expect(journeyWide.marker == 99_999)
    }

    @Test("Gaps of markers 65,536 apart are different gaps")
    func distinctPlaces() {
        let position = SourcePosition(line: 1, column: 1)
        let first = GapPlace(journey: 0, touchpoint: 0, segment: 0, marker: 0, position: position)
        let far = GapPlace(journey: 0, touchpoint: 0, segment: 0, marker: 65_536, position: position)
        #expect(first != far)
    }
}
