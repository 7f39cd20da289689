/// Writes an export of lived purchase journeys for ``LivedLogPlan`` as CSV,
/// deterministically for a seed, with departures of each class injected at
/// known rates, and returns the ground truth: what `conform` must find.
///
///     case_id,time,activity,channel,segment,owner,greeting,reply_minutes
///     P-00000017,2026-03-02T09:14:05.120Z,Welcome email,email,Silver,Zoë Durand,vous,42
///
/// Each case lives the journey's touchpoints in order (a quarter of them
/// stop early, between the fourth and the ninth), then, each with its own
/// rate and independently: one touchpoint is dropped (*missing*), one is
/// moved after the last (*out of sequence*), one or two unmapped
/// activities are added (*ad hoc*), one is lived on another channel, one
/// comes more than its planned `after` late, one addresses the customer
/// informally or replies in more than two hours (*failing*), one row is
/// written twice (a *duplicate*). The injections are placed so that none
/// hides or causes another: the moved touchpoint is never next but one to
/// the dropped one, so the longest in-order run is unique; gaps between
/// events are at most seven hours, a third of the shortest `after`.
public struct LivedLogGenerator {
    public enum RowOrder: String, Sendable, CaseIterable {
        /// Each case's rows together, cases in id order, rows in time order.
        case byCase = "case"
        /// All rows by time.
        case byTime = "time"
        /// Rows in a random order.
        case shuffled
    }

    /// The share of cases that get each injection.
    public struct Rates: Sendable, Equatable {
        public var missing = 0.08
        public var outOfSequence = 0.06
        public var adHoc = 0.10
        public var otherChannel = 0.07
        public var late = 0.08
        public var informalAddress = 0.04
        public var slowReply = 0.05
        public var duplicate = 0.03
        /// Cases that stop before the last touchpoint (their rest is *not reached*, no departure).
        public var stopsEarly = 0.25
        /// Cases with a status-change row, which the source maps to no touchpoint.
        public var statusChange = 0.30

        public init() {}
    }

    public var events: Int
    public var seed: UInt64
    public var order: RowOrder
    public var rates: Rates

    /// - Parameter events: rows to write at least; the last case is written whole.
    public init(events: Int, seed: UInt64 = 1, order: RowOrder = .byCase, rates: Rates = Rates()) {
        self.events = max(1, events)
        self.seed = seed
        self.order = order
        self.rates = rates
    }

    /// One row to write. `activity`: a touchpoint's position, then the
    /// status change, then the ad hoc activities.
    struct Row {
        var time: Int64
        var caseNumber: UInt32
        var ordinal: UInt32
        var activity: UInt8
        var channel: UInt8
        var informal: Bool
        /// Reply minutes; 0 writes an empty cell.
        var replyMinutes: UInt16
    }

    static let statusCode = UInt8(LivedLogPlan.touchpoints.count)
    static let firstAdHocCode = statusCode + 1
    /// 2026-01-01T00:00:00Z.
    static let firstDay: Int64 = 1_767_225_600_000
    static let hour: Int64 = 3_600_000

    /// Writes the header and the rows through `write`, in pieces of about 1 MiB.
    public func generate(write: ([UInt8]) throws -> Void) rethrows -> LivedLogTruth {
        var truth = LivedLogTruth(seed: seed, order: order)
        var rows: [Row] = []
        rows.reserveCapacity(events + 64)
        var segmentOf: [UInt8] = []
        var ownerOf: [UInt8] = []
        var random = SplitMix64(seed: seed, stream: 1)
        while rows.count < events {
            let number = UInt32(segmentOf.count)
            let (segment, owner) = makeCase(number, random: &random, rows: &rows, truth: &truth)
            segmentOf.append(UInt8(segment))
            ownerOf.append(UInt8(owner))
        }
        switch order {
        case .byCase: break
        case .byTime: rows.sort { ($0.time, $0.caseNumber, $0.ordinal) < ($1.time, $1.caseNumber, $1.ordinal) }
        case .shuffled:
            var shuffler = SplitMix64(seed: seed, stream: 2)
            for index in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(index, shuffler.below(index + 1)) }
        }
        truth.rows = rows.count
        try CSVRows.write(rows, segments: segmentOf, owners: ownerOf, write: write)
        return truth
    }

    /// One case's rows, appended in time order; returns its segment and owner.
    private func makeCase(_ number: UInt32, random: inout SplitMix64, rows: inout [Row], truth: inout LivedLogTruth) -> (Int, Int) {
        let plan = LivedLogPlan.touchpoints
        var draw = random.below(100)
        var segment = 0
        while segment + 1 < LivedLogPlan.segments.count, draw >= LivedLogPlan.segments[segment].percent {
            draw -= LivedLogPlan.segments[segment].percent
            segment += 1
        }
        let owner = random.below(LivedLogPlan.owners.count)
        let lived = random.chance(rates.stopsEarly) ? random.between(4, plan.count - 1) : plan.count
        let missing = random.chance(rates.missing) ? random.between(1, lived - 2) : nil
        var moved: Int?
        if random.chance(rates.outOfSequence) {
            let candidates = (0...(lived - 3)).filter { position in missing.map { abs($0 - position) >= 2 } ?? true }
            moved = random.pick(candidates)
        }
        // Positions in lived order: the plan's, the dropped one left out, the moved one last.
        var placed = (0..<lived).filter { $0 != missing && $0 != moved }
        if let moved { placed.append(moved) }
        let late = random.chance(rates.late) ? random.pick(placed.dropFirst().filter { $0 != moved }) : nil

        var channels = placed.map { plan[$0].channel }
        var otherChannel: Int?
        if random.chance(rates.otherChannel), let index = random.pick(Array(placed.indices)) {
            otherChannel = placed[index]
            channels[index] = LivedLogPlan.otherChannel(than: channels[index])
        }
        let inSequence = placed.indices.filter { placed[$0] != moved }
        let informal = random.chance(rates.informalAddress) ? random.pick(inSequence) : nil
        let slow = random.chance(rates.slowReply)
            ? random.pick(inSequence.filter { LivedLogPlan.timedChannels.contains(channels[$0]) }) : nil

        let start = Self.firstDay + Int64(random.below(330 * 24)) * Self.hour + Int64(random.below(3_600_000))
        var time = start
        let first = rows.count
        var ordinal: UInt32 = 0
        func append(_ activity: UInt8, at time: Int64, channel: Int, informal: Bool = false, reply: Int = 0) {
            rows.append(Row(
                time: time, caseNumber: number, ordinal: ordinal, activity: activity, channel: UInt8(channel), informal: informal,
                replyMinutes: UInt16(reply)
            ))
            ordinal += 1
        }
        for (index, position) in placed.enumerated() {
            if index > 0 {
                time += position == late
                    ? Int64(plan[position].afterHours ?? 0) * Self.hour + Int64(random.between(60_000, 24 * 3_600_000))
                    : Int64(random.between(5 * 60_000, 7 * 3_600_000))
            }
            let timed = LivedLogPlan.timedChannels.contains(channels[index])
            let reply = index == slow ? random.between(121, 600) : (timed ? random.between(2, 118) : 0)
            append(UInt8(position), at: time, channel: channels[index], informal: index == informal, reply: reply)
        }
        let end = time
        var adHocCount = 0
        if random.chance(rates.adHoc) {
            adHocCount = random.between(1, 2)
            let names = random.sample(Array(LivedLogPlan.adHocActivities.indices), count: adHocCount)
            for name in names {
                append(Self.firstAdHocCode + UInt8(name), at: start + Int64(random.below(Int(end - start) + 1)), channel: random.below(5))
            }
        }
        if random.chance(rates.statusChange) {
            append(Self.statusCode, at: start + Int64(random.below(Int(end - start) + 1)), channel: placed.first.map { plan[$0].channel } ?? 0)
        }
        var duplicated = false
        if random.chance(rates.duplicate) {
            let copy = rows[first + random.below(placed.count)]
            rows.append(Row(
                time: copy.time, caseNumber: number, ordinal: ordinal, activity: copy.activity, channel: copy.channel,
                informal: copy.informal, replyMinutes: copy.replyMinutes
            ))
            duplicated = true
        }
        rows[first...].sort { ($0.time, $0.ordinal) < ($1.time, $1.ordinal) }

        let failing = Set([informal, slow].compactMap { $0.map { placed[$0] } })
        truth.add(LivedLogTruth.Case(
            segment: segment, lived: lived, missing: missing, outOfSequence: moved, otherChannel: otherChannel, late: late,
            failing: failing, informal: informal != nil, slowReply: slow != nil,
            repliesTimed: channels.contains { LivedLogPlan.timedChannels.contains($0) }, adHocEvents: adHocCount, duplicates: duplicated ? 1 : 0,
            rows: rows.count - first
        ))
        return (segment, owner)
    }
}

/// The rows as CSV text.
enum CSVRows {
    static func write(_ rows: [LivedLogGenerator.Row], segments: [UInt8], owners: [UInt8], write: ([UInt8]) throws -> Void) rethrows {
        let activities = (LivedLogPlan.touchpoints.map(\.activity) + [LivedLogPlan.statusActivity] + LivedLogPlan.adHocActivities).map { Array($0.utf8) }
        let channels = LivedLogPlan.channels.map { Array($0.utf8) }
        let words = LivedLogPlan.segments.map { Array($0.word.utf8) }
        let owners = owners.map { Int($0) }
        let ownerNames = LivedLogPlan.owners.map { Array($0.utf8) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        buffer.append(contentsOf: (LivedLogPlan.header + "\n").utf8)
        var timestamps = TimestampText()
        let comma = UInt8(ascii: ",")
        for row in rows {
            let number = Int(row.caseNumber)
            buffer.append(contentsOf: "P-".utf8)
            appendDigits(number, width: 8, to: &buffer)
            buffer.append(comma)
            timestamps.append(row.time, offset: ("Z", 0), to: &buffer)
            buffer.append(comma)
            buffer.append(contentsOf: activities[Int(row.activity)])
            buffer.append(comma)
            buffer.append(contentsOf: channels[Int(row.channel)])
            buffer.append(comma)
            buffer.append(contentsOf: words[Int(segments[number])])
            buffer.append(comma)
            buffer.append(contentsOf: ownerNames[owners[number]])
            buffer.append(comma)
            if row.activity < LivedLogGenerator.statusCode { buffer.append(contentsOf: (row.informal ? "tu" : "vous").utf8) }
            buffer.append(comma)
            if row.replyMinutes > 0 { appendDigits(Int(row.replyMinutes), width: 1, to: &buffer) }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try write(buffer) }
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func appendDigits(_ value: Int, width: Int, to buffer: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        buffer.append(contentsOf: digits.reversed())
    }
}
