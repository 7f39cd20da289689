import LogGenerator

/// Plans the values of a journey's touchpoints for the gap-heavy profile:
/// every value, shared or laid over for a segment, drawn at random from its
/// attribute's domain (``RandomValue``), with no regard for the charter, so
/// that about three checks in four fail.
///
/// A touchpoint plans each attribute at half its usual rate, and a segment
/// that takes it gets an overlay of one or two values one time in ten: many
/// small touchpoints and many gaps per byte of input, the hostile end of
/// what a workspace of a given size can ask of the checker. The activity
/// stays the touchpoint's own, since its id and name say what it is. The
/// files stay valid input: only values of the vocabulary, overlays only for
/// segments that take the touchpoint.
struct RandomExperiencePlanner {
    let brand: BrandShape
    /// Segment positions of the journey.
    let segments: [Int]
    let planRateScale = 0.5
    let overlayRate = 0.1

    func plan(_ touchpoints: inout [PlannedTouchpoint], random: inout SplitMix64) {
        let overlaid = brand.attributes.indices.filter { brand.attributes[$0].role != .activity }
        for index in touchpoints.indices {
            for attribute in brand.attributes.indices {
                let shape = brand.attributes[attribute]
                if shape.role == .activity {
                    touchpoints[index].base[attribute] = .word(touchpoints[index].activity)
                } else if random.chance(shape.planRate * planRateScale) {
                    touchpoints[index].base[attribute] = RandomValue.draw(shape, random: &random)
                }
            }
            for segment in touchpoints[index].segments ?? segments where random.chance(overlayRate) {
                for attribute in random.sample(overlaid, count: random.between(1, 2)) {
                    touchpoints[index].overlays[segment, default: [:]][attribute] = RandomValue.draw(brand.attributes[attribute], random: &random)
                }
            }
        }
    }
}
