import CharterChecker
import JourneyModel
import LivedCases

/// The plan and the sources as rows of the small tables a conformance
/// script joins against: every fact `conform` works out from the files
/// once (ranks, dominators, which activity is which touchpoint) made here,
/// so that the SQL only counts.
struct ConformanceTables {
    /// One row per source: its brand, and the journey and segment it fixes.
    var sources: [(source: String, brand: String, journey: String?, segment: String?)] = []
    /// Activity names mapped to a touchpoint id present in a journey.
    var activities: [(source: String, activity: String, journey: String, touchpoint: String)] = []
    /// Activity names mapped to `null`: neither lived nor ad hoc.
    var ignored: [(source: String, activity: String)] = []
    /// Words read as ids: `channel`, `segment`, `journey`, or `attribute:<id>`.
    var words: [(source: String, role: String, word: String, value: String?)] = []
    /// (brand, journey, segment) a segment goes through.
    var journeySegments: [(brand: String, journey: String, segment: String)] = []
    /// Per journey, segment and taken touchpoint: its rank among the
    /// journey's distinct ranks for the segment (1-based), its planned
    /// channel, its `after` in milliseconds, its place in the planned path.
    var paths: [(brand: String, journey: String, segment: String, touchpoint: String, rank: Int, channel: String, afterMilliseconds: Double?, order: Int)] = []
    /// `dominator` is on every planned path to `touchpoint`.
    var dominators: [(brand: String, journey: String, segment: String, touchpoint: String, dominator: String)] = []
    /// Steps the plan has (a `next` link, or the written order of a journey without links).
    var plannedFlows: [(brand: String, journey: String, segment: String, from: String, to: String)] = []
    /// The most distinct ranks of any journey for any segment, and the
    /// most touchpoints a segment goes through in one journey: how many
    /// steps the longest non-decreasing run needs.
    var rankCount = 0
    var longestPath = 0

    init(brands: [Brand], journeys: [Journey], sources: [ObservationSource]) {
        let usedBrands = Set(sources.map(\.brand))
        for brand in brands where usedBrands.contains(brand.id) {
            let brandJourneys = journeys.filter { $0.brand == brand.id }
            for (index, journey) in brandJourneys.enumerated() {
                for segment in brand.segments.indices where journey.segments.contains(segment) {
                    add(PlannedPath(journey, index: index, segment: segment), journey: journey, brand: brand)
                }
            }
        }
        for source in sources {
            guard let brand = brands.first(where: { $0.id == source.brand }) else { continue }
            let brandJourneys = journeys.filter { $0.brand == brand.id }
            self.sources.append((source.id, brand.id, source.journey, source.segment.map { brand.segments[$0].id }))
            for mapping in source.activities {
                switch mapping.target {
                case .ignored:
                    ignored.append((source.id, mapping.name))
                case .touchpoint(let id, let only):
                    for journey in brandJourneys where (only == nil || only == journey.id) && journey.touchpoints.index(of: id) != nil {
                        activities.append((source.id, mapping.name, journey.id, id))
                    }
                }
            }
            // As the export reader looks words up: the first entry of a word wins.
            // A blank word is never looked up (a blank cell is no value); '' stands for it, with no value.
            func addWords(_ role: String, _ entries: [(String, String)]) {
                var seen = Set<String>()
                words.append((source.id, role, "", nil))
                for (word, value) in entries where !word.allSatisfy({ $0 == " " || $0 == "\t" }) && seen.insert(word).inserted {
                    words.append((source.id, role, word, value))
                }
            }
            addWords("channel", brand.channels.map { ($0.id, $0.id) }
                + source.channelWords.sorted { $0.key < $1.key }.map { ($0.key, brand.channels[$0.value].id) })
            addWords("segment", brand.segments.map { ($0.id, $0.id) }
                + source.segmentWords.sorted { $0.key < $1.key }.map { ($0.key, brand.segments[$0.value].id) })
            addWords("journey", brandJourneys.map { ($0.id, $0.id) })
            for lived in source.attributes {
                let attribute = brand.attributes[lived.attribute]
                switch lived.conversion {
                case .words(let table):
                    let choices = attribute.type.choices
                    addWords("attribute:" + attribute.id, table.sorted { $0.key < $1.key }.map { ($0.key, choices.indices.contains($0.value) ? choices[$0.value] : String($0.value)) }
                        + choices.map { ($0, $0) })
                case .boolean(let booleanWords):
                    addWords("attribute:" + attribute.id, booleanWords.trueWords.sorted().map { ($0, "true") } + booleanWords.falseWords.sorted().map { ($0, "false") })
                case .number, .duration, .text:
                    break
                }
            }
        }
    }

    private mutating func add(_ path: PlannedPath, journey: Journey, brand: Brand) {
        let touchpoints = journey.touchpoints
        let segment = brand.segments[path.segment].id
        journeySegments.append((brand.id, journey.id, segment))
        let ranks = Array(Set(path.order.map { path.rank[$0] })).sorted()
        rankCount = max(rankCount, ranks.count)
        longestPath = max(longestPath, path.order.count)
        var rankIndex: [Int: Int] = [:]
        for (index, rank) in ranks.enumerated() { rankIndex[rank] = index + 1 }
        for (order, position) in path.order.enumerated() {
            let touchpoint = touchpoints[position]
            paths.append((
                brand.id, journey.id, segment, touchpoint.id, rankIndex[path.rank[position]] ?? 0, brand.channels[touchpoint.channel].id,
                touchpoint.after.map { $0.seconds * 1000 }, order + 1
            ))
            for dominator in path.dominators(of: position) {
                dominators.append((brand.id, journey.id, segment, touchpoint.id, touchpoints[dominator].id))
            }
        }
        // Planned steps as the report marks flows: `next` links, else the path's order.
        let hasLinks = touchpoints.contains { !$0.next.isEmpty }
        if hasLinks {
            for position in path.order {
                for link in touchpoints[position].next where touchpoints.indices.contains(link.target) && path.isTaken[link.target] {
                    plannedFlows.append((brand.id, journey.id, segment, touchpoints[position].id, touchpoints[link.target].id))
                }
            }
        } else {
            for (from, to) in zip(path.order, path.order.dropFirst()) {
                plannedFlows.append((brand.id, journey.id, segment, touchpoints[from].id, touchpoints[to].id))
            }
        }
    }
}
