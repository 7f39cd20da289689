import CharterChecker
import JourneyModel

/// Turns a check report into the per-segment audit: scores from the
/// checker's tallies, gaps worst first, and an action plan per channel.
///
/// A plain function of its inputs; the order of everything in the report is
/// fixed (priority segments first, then brand and segment order), so the
/// same files always give the same audit.
///
/// ```swift
/// let audit = Auditor.audit(workspace, report: await Checker.check(workspace))
/// audit.segments.first?.score.formatted   // "87.5%"
/// ```
public enum Auditor {
    public static func audit(
        _ workspace: Workspace,
        report: CheckReport,
        weights: SeverityWeights = .standard,
        segments selected: Set<String>? = nil
    ) -> AuditReport {
        audit(report, wording: GapWording(workspace), weights: weights, segments: selected)
    }

    /// The audit of a report whose gaps `wording` names (with its baseline, if any).
    public static func audit(
        _ report: CheckReport,
        wording: GapWording,
        weights: SeverityWeights = .standard,
        segments selected: Set<String>? = nil
    ) -> AuditReport {
        let workspace = wording.workspace
        // Index the gaps once: by journey and segment, and the gaps judged
        // per journey by journey, both by position: no text is read per gap.
        var bySegment: [Place: [Int32]] = [:]
        var byJourney = [[Int32]](repeating: [], count: workspace.journeys.count)
        // What the audit sorts and groups gaps by, read in the same pass:
        // each gap is an object of its own, and on a large report every
        // further pass over them would wait on memory.
        var facts: [GapFacts] = []
        facts.reserveCapacity(report.gaps.count)
        for (index, gap) in report.gaps.enumerated() {
            facts.append(GapFacts(severity: gap.severity, isAccepted: !gap.isOpen, channel: wording.channel(of: gap)))
            if let segment = gap.place.segment {
                bySegment[Place(journey: gap.place.journey, segment: segment), default: []].append(Int32(index))
            } else if byJourney.indices.contains(gap.place.journey) {
                byJourney[gap.place.journey].append(Int32(index))
            }
        }
        let source = GapSource(gaps: report.gaps, wording: wording)
        // Each journey's order is the same for every segment: found once.
        var orders: [String: [[Int]]] = [:]
        // Each brand's journeys by position in the workspace, which gaps name.
        var positions: [String: [Int]] = [:]
        var reports: [SegmentReport] = []
        for tally in report.tallies {
            guard let brand = workspace.brand(id: tally.brand) else { continue }
            let segment = brand.segments[tally.segment]
            if let selected, !selected.contains(segment.id), !selected.contains("\(brand.id)/\(segment.id)") { continue }
            let journeys = workspace.journeys(of: brand.id)
            if positions[brand.id] == nil {
                positions[brand.id] = workspace.journeys.indices.filter { workspace.journeys[$0].brand == brand.id }
            }
            let mine = positions[brand.id] ?? []
            var indices: [Int32] = []
            for journey in mine { indices += bySegment[Place(journey: journey, segment: tally.segment)] ?? [] }
            for journey in mine where workspace.journeys[journey].segments.contains(tally.segment) { indices += byJourney[journey] }
            if orders[brand.id] == nil { orders[brand.id] = journeys.map(JourneyOrder.order) }
            let selection = GapSelection(source: source, facts: facts, indices: indices.sorted())
            reports.append(segmentReport(
                brand: brand, tally: tally, journeys: journeys, journeyPositions: positions[brand.id] ?? [], orders: orders[brand.id] ?? [],
                gaps: selection, weights: weights
            ))
        }
        let order = reports.indices.sorted { left, right in
            let lhs = reports[left], rhs = reports[right]
            if lhs.priority != rhs.priority { return lhs.priority }
            if lhs.brand != rhs.brand { return lhs.brand < rhs.brand }
            let leftIndex = workspace.brand(id: lhs.brand)?.segments.index(of: lhs.segment) ?? 0
            let rightIndex = workspace.brand(id: rhs.brand)?.segments.index(of: rhs.segment) ?? 0
            if leftIndex != rightIndex { return leftIndex < rightIndex }
            return left < right
        }
        reports = order.map { reports[$0] }
        let brands = workspace.brands.compactMap { brand in BrandHeadline.headline(of: brand, in: reports, source: source) }
        return AuditReport(weights: weights, segments: reports, brands: brands)
    }

    /// A journey and a segment, by position.
    private struct Place: Hashable {
        let journey: Int
        let segment: Int
    }

    private static func segmentReport(
        brand: Brand,
        tally: SegmentTally,
        journeys: [Journey],
        journeyPositions: [Int],
        orders: [[Int]],
        gaps mine: GapSelection,
        weights: SeverityWeights
    ) -> SegmentReport {
        let segment = brand.segments[tally.segment]
        let markers = brand.charter.markers
        let taken = journeys.indices.filter { journeys[$0].segments.contains(tally.segment) }

        // Gaps of this segment, and journey-level gaps of its journeys.
        let open = mine.openWorstFirst
        var openCounts = SeverityCounts()
        var byChannelCounts = [SeverityCounts](repeating: SeverityCounts(), count: brand.channels.count + 1)
        var byMarkerCounts = [Int](repeating: 0, count: markers.count)
        var byJourneyCounts = [SeverityCounts](repeating: SeverityCounts(), count: journeys.count)
        let localJourney = Dictionary(journeyPositions.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for position in open {
            let facts = mine.facts[Int(position)], place = mine.source.gaps[Int(position)].place
            openCounts.add(facts.severity)
            byChannelCounts[facts.channelIndex(brand) ?? brand.channels.count].add(facts.severity)
            if place.marker < markers.count { byMarkerCounts[place.marker] += 1 }
            if let local = localJourney[place.journey] { byJourneyCounts[local].add(facts.severity) }
        }

        // Scores, from the tally's counts and each marker's weight.
        let enabled = markers.indices.filter { markers[$0].isEnabled && markers[$0].scope.includes(segment: tally.segment) }
        var overall = Score()
        var channelScores = [Score](repeating: Score(), count: brand.channels.count + 1)
        var markerScores: [Int: Score] = [:]
        for marker in enabled {
            let weight = weights[markers[marker].severity]
            for (column, count) in tally.matrix[marker].enumerated() {
                overall.add(count, weight: weight)
                channelScores[column].add(count, weight: weight)
                markerScores[marker, default: Score()].add(count, weight: weight)
            }
        }
        let channelIndices = worstFirst(brand.channels.indices.filter { channelScores[$0].applicable > 0 }) { index in
            (AuditStatus(worstOpen: byChannelCounts[index].worst, score: channelScores[index].percent), channelScores[index])
        }
        let byChannel = channelIndices.map { index in
            let channel = brand.channels[index]
            return ChannelScore(
                channel: channel.id, name: channel.name, owner: channel.owner, score: channelScores[index],
                status: AuditStatus(worstOpen: byChannelCounts[index].worst, score: channelScores[index].percent),
                openCounts: byChannelCounts[index]
            )
        }
        func markerStatus(_ index: Int) -> AuditStatus {
            AuditStatus(worstOpen: byMarkerCounts[index] > 0 ? markers[index].severity : nil, score: markerScores[index]?.percent)
        }
        let markerIndices = worstFirst(enabled) { index in (markerStatus(index), markerScores[index] ?? Score()) }
        let byMarker = markerIndices.map { index in
            let marker = markers[index]
            return MarkerScore(
                marker: marker.id, title: marker.title, kind: marker.kind, severity: marker.severity,
                score: markerScores[index] ?? Score(), status: markerStatus(index), openGaps: byMarkerCounts[index]
            )
        }
        var journeyScores: [Int: Score] = [:]
        for index in taken {
            var score = Score()
            for marker in enabled { score.add(tally.byJourney[index][marker], weight: weights[markers[marker].severity]) }
            journeyScores[index] = score
        }
        func journeyStatus(_ index: Int) -> AuditStatus {
            AuditStatus(worstOpen: byJourneyCounts[index].worst, score: journeyScores[index]?.percent)
        }
        let byJourney = worstFirst(taken) { index in (journeyStatus(index), journeyScores[index] ?? Score()) }.map { index in
            JourneyScore(journey: journeys[index].id, score: journeyScores[index] ?? Score(), status: journeyStatus(index))
        }
        let matrix = scoreMatrix(brand: brand, tally: tally, markers: markerIndices, channels: channelIndices)
        let gapsByJourney = Dictionary(grouping: mine.indices) { mine.source.gaps[Int($0)].place.journey }
        let passages = taken.map { index in
            JourneyMap.passage(
                of: journeys[index], order: orders[index], segment: tally.segment, brand: brand,
                gaps: mine.source.gaps, gapPositions: gapsByJourney[journeyPositions[index]] ?? []
            )
        }

        return SegmentReport(
            brand: brand.id, brandName: brand.name, segment: segment.id, segmentName: segment.name,
            priority: segment.priority, status: AuditStatus(worstOpen: openCounts.worst, score: overall.percent),
            openCounts: openCounts, journeys: passages, score: overall, byChannel: byChannel,
            byMarker: byMarker, byJourney: byJourney, matrix: matrix, gaps: mine.gaps(open), suppressed: mine.gaps(mine.accepted),
            actions: ActionPlan.groups(for: open, of: mine, brand: brand, channelScores: channelScores, weights: weights)
        )
    }

    /// `indices` worst first: status, then the lowest score, then as given.
    /// A stable sort, so equal entries keep the brand's or charter's order.
    static func worstFirst(_ indices: [Int], by standing: (Int) -> (AuditStatus, Score)) -> [Int] {
        let keyed = indices.enumerated().map { offset, index in
            let (status, score) = standing(index)
            return (index: index, offset: offset, status: status, percent: score.percent ?? 101)
        }
        return keyed.sorted { lhs, rhs in
            if lhs.status != rhs.status { return lhs.status < rhs.status }
            if lhs.percent != rhs.percent { return lhs.percent < rhs.percent }
            return lhs.offset < rhs.offset
        }.map(\.index)
    }

    /// What the audit sorts and groups a gap by.
    struct GapFacts {
        let severity: Severity
        let isAccepted: Bool
        /// The channel's position in the brand's catalog, -1 for none.
        private let storedChannel: Int32

        init(severity: Severity, isAccepted: Bool, channel: Int?) {
            self.severity = severity
            self.isAccepted = isAccepted
            storedChannel = channel.map { Int32(truncatingIfNeeded: $0) } ?? -1
        }

        /// The channel's position in `brand`'s catalog, nil for gaps about no single channel.
        func channelIndex(_ brand: Brand) -> Int? {
            storedChannel >= 0 && Int(storedChannel) < brand.channels.count ? Int(storedChannel) : nil
        }
    }

    /// One segment's gaps, as positions in the report, with their facts.
    struct GapSelection {
        let source: GapSource
        let facts: [GapFacts]
        /// In report order.
        let indices: [Int32]

        /// The open gaps, severity first, then where: the order a reader
        /// fixes things in. Positions are in report order already, so this
        /// is a stable split by severity, not a sort.
        var openWorstFirst: [Int32] {
            let open = indices.filter { !facts[Int($0)].isAccepted }
            return Severity.worstFirst.flatMap { severity in open.filter { facts[Int($0)].severity == severity } }
        }

        var accepted: [Int32] { indices.filter { facts[Int($0)].isAccepted } }

        func gaps(_ positions: [Int32]) -> AuditGaps { AuditGaps(source, positions: positions) }
    }

    /// Rows for the segment's markers and columns for the channels where at
    /// least one check applied, both worst first as the tables by marker
    /// and by channel; then the no-channel column, if used.
    private static func scoreMatrix(brand: Brand, tally: SegmentTally, markers: [Int], channels: [Int]) -> ScoreMatrix {
        let noChannel = brand.channels.count
        let usedColumns = channels.filter { column in markers.contains { tally.matrix[$0][column].applicable > 0 } }
            + (markers.contains { tally.matrix[$0][noChannel].applicable > 0 } ? [noChannel] : [])
        let cells = markers.map { marker in
            usedColumns.map { column in
                var score = Score()
                score.add(tally.matrix[marker][column], weight: 1)
                return score
            }
        }
        return ScoreMatrix(
            columns: usedColumns.map { $0 < noChannel ? brand.channels[$0].id : ScoreMatrix.noChannel },
            rows: markers.map { brand.charter.markers[$0].id },
            severities: markers.map { brand.charter.markers[$0].severity },
            cells: cells
        )
    }
}
