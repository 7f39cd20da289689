import EventExports
import JourneyModel

/// A source made ready for its rows: every word a row is looked up by
/// (activities, channels, segments, journeys, attribute values) in a table
/// of bytes, and the columns as slots a format's reader fills.
///
/// Slots: 0 case, 1 time, 2 activity, 3 channel, 4 segment, 5 journey,
/// 6 owner, then one per lived attribute.
public struct CompiledSource: Sendable {
    public let source: ObservationSource
    public let brand: Brand
    /// The brand's journeys, in workspace order: what journey positions in records mean.
    public let journeys: [Journey]
    /// Column names by slot; nil for a role the source gives no column.
    let columns: [ExportColumn?]
    /// Activities, channels, segments, journeys and each attribute's words.
    let words: SourceWords

    static let caseSlot = 0, timeSlot = 1, activitySlot = 2, channelSlot = 3, segmentSlot = 4, journeySlot = 5, ownerSlot = 6
    static let firstAttributeSlot = 7
    /// What each of the first slots holds, in words.
    static let roles = ["case", "time", "activity", "channel", "segment", "journey", "owner"]

    public init(_ source: ObservationSource, brand: Brand, journeys: [Journey]) {
        self.source = source
        self.brand = brand
        self.journeys = journeys
        let map = source.columns
        columns = [map.caseID, map.time, map.activity, map.channel, map.segment, map.journey, map.owner] + source.attributes.map(\.column)
        var words = SourceWords()
        for (index, mapping) in source.activities.enumerated() { words.insert(mapping.name, list: SourceWords.activities, value: index) }
        for (index, channel) in brand.channels.enumerated() { words.insert(channel.id, list: SourceWords.channels, value: index) }
        for (word, index) in source.channelWords.sorted(by: { $0.key < $1.key }) { words.insert(word, list: SourceWords.channels, value: index) }
        for (index, segment) in brand.segments.enumerated() { words.insert(segment.id, list: SourceWords.segments, value: index) }
        for (word, index) in source.segmentWords.sorted(by: { $0.key < $1.key }) { words.insert(word, list: SourceWords.segments, value: index) }
        for (index, journey) in journeys.enumerated() { words.insert(journey.id, list: SourceWords.journeys, value: index) }
        for (index, lived) in source.attributes.enumerated() {
            guard case .words(let table) = lived.conversion else { continue }
            let list = SourceWords.attributeList(index)
            // The export's own words win over the attribute's, which are read as themselves.
            for (word, rank) in table.sorted(by: { $0.key < $1.key }) { words.insert(word, list: list, value: rank) }
            for (rank, word) in brand.attributes[lived.attribute].type.choices.enumerated() { words.insert(word, list: list, value: rank) }
        }
        words.seal()
        self.words = words
    }

    var slotCount: Int { columns.count }

    /// The name of a slot's column, for messages.
    func columnName(_ slot: Int) -> String? { columns.indices.contains(slot) ? columns[slot]?.name : nil }
}

/// Turns one row's cells into an event record, or says why the row is
/// skipped. Cells come by slot, as bytes in place; nil for a column the
/// row does not have (a key absent from a JSON line).
struct RowDecoder {
    let compiled: CompiledSource
    /// What every row reads, held apart from the compiled source as plain
    /// values, so that reading them per row copies nothing reference
    /// counted (the source's attributes and the brand's definitions are
    /// read only to word a problem).
    private let words: SourceWords
    private let time: TimestampFormat
    private let numbers: NumberFormat
    private let plans: [AttributePlan]

    /// How one lived attribute's cell converts, with nothing reference counted.
    private struct AttributePlan {
        enum Kind {
            case words, number, units, isoDuration, boolean, text
        }

        let kind: Kind
        /// Position in the source's attributes.
        let index: Int
        /// Position in the brand's attribute catalog.
        let attribute: Int
        /// A number's scale; a duration's seconds per unit.
        let factor: Double
        /// Whether an empty cell is read (yes/no words that say what empty means).
        let readsEmpty: Bool
    }

    init(_ compiled: CompiledSource) {
        self.compiled = compiled
        words = compiled.words.ownCopy()
        time = compiled.source.time
        numbers = compiled.source.numbers
        plans = compiled.source.attributes.enumerated().map { index, lived in
            let kind: AttributePlan.Kind
            var factor = 1.0
            var readsEmpty = false
            switch lived.conversion {
            case .words: kind = .words
            case .number(let scale):
                kind = .number
                factor = scale
            case .duration(let secondsPerUnit):
                kind = secondsPerUnit == nil ? .isoDuration : .units
                factor = secondsPerUnit ?? 1
            case .boolean(let booleanWords):
                kind = .boolean
                readsEmpty = booleanWords.empty != nil
            case .text: kind = .text
            }
            return AttributePlan(kind: kind, index: index, attribute: lived.attribute, factor: factor, readsEmpty: readsEmpty)
        }
    }

    /// Writes the row's record into `writer`, or returns the problem and
    /// the slot at fault. Always inlined, as is the look-up of each word, so
    /// that the format reader's cell closure is read in place, not called
    /// once per cell.
    @inline(__always)
    func decode(
        row: Int, cell: (Int) -> UnsafeBufferPointer<UInt8>?, into writer: inout EventRecordWriter
    ) -> (problem: RowProblem, slot: Int)? {
        typealias Source = CompiledSource
        guard let key = cell(Source.caseSlot), !key.isEmpty else { return (.missingValue, Source.caseSlot) }
        guard key.count <= EventRecord.longestField else { return (.tooLong(limit: EventRecord.longestField), Source.caseSlot) }
        guard let timeText = cell(Source.timeSlot), !Self.isBlank(timeText) else { return (.missingValue, Source.timeSlot) }
        let time: Int64
        do throws(TimestampError) {
            time = try self.time.instant(timeText).millisecondsSince1970
        } catch {
            return (.badTime(Quoted.word(timeText), error.description), Source.timeSlot)
        }
        guard let activityText = cell(Source.activitySlot), !activityText.isEmpty else { return (.missingValue, Source.activitySlot) }
        let activity = words.value(for: activityText, list: SourceWords.activities).map { Int32($0) } ?? -1
        let channel: Int16
        switch lookUp(Source.channelSlot, cell: cell, in: SourceWords.channels) {
        case .absent: channel = -1
        case .found(let index): channel = Int16(index)
        case .unknown(let word): return (.unknownChannel(word), Source.channelSlot)
        }
        let segment: Int16
        switch lookUp(Source.segmentSlot, cell: cell, in: SourceWords.segments) {
        case .absent: segment = -1
        case .found(let index): segment = Int16(index)
        case .unknown(let word): return (.unknownSegment(word), Source.segmentSlot)
        }
        let journey: Int16
        switch lookUp(Source.journeySlot, cell: cell, in: SourceWords.journeys) {
        case .absent: journey = -1
        case .found(let index): journey = Int16(index)
        case .unknown(let word): return (.unknownJourney(word), Source.journeySlot)
        }
        let owner = cell(Source.ownerSlot)
        if let owner, owner.count > EventRecord.longestField { return (.tooLong(limit: EventRecord.longestField), Source.ownerSlot) }
        writer.begin(key: key, time: time, row: row, activity: activity, channel: channel, segment: segment, journey: journey)
        writer.owner(owner)
        if activity < 0 {
            writer.activityName(UnsafeBufferPointer(rebasing: activityText[..<EventRecord.keptActivityBytes(of: activityText)]))
        } else {
            writer.activityName(nil)
        }
        for position in plans.indices {
            let plan = plans[position]
            let slot = Source.firstAttributeSlot + position
            guard let text = cell(slot), !text.isEmpty || plan.readsEmpty else { continue }
            if let problem = convert(text, plan, into: &writer) { return (problem, slot) }
        }
        return nil
    }

    private enum LookUp {
        case absent
        case found(Int)
        case unknown(String)
    }

    @inline(__always)
    private func lookUp(_ slot: Int, cell: (Int) -> UnsafeBufferPointer<UInt8>?, in list: Int) -> LookUp {
        guard let text = cell(slot), !Self.isBlank(text) else { return .absent }
        if let index = words.value(for: text, list: list) { return .found(index) }
        return .unknown(Quoted.word(text))
    }

    /// Adds the cell's value to the record, or says why it does not convert.
    private func convert(_ text: UnsafeBufferPointer<UInt8>, _ plan: AttributePlan, into writer: inout EventRecordWriter) -> RowProblem? {
        switch plan.kind {
        case .words:
            guard let rank = words.value(for: text, list: SourceWords.attributeList(plan.index)) else {
                let definition = compiled.brand.attributes[plan.attribute]
                return bad(text, plan, "not a value of '\(definition.id)' (\(definition.type.choices.prefix(8).joined(separator: ", ")))")
            }
            writer.value(attribute: plan.attribute, kind: .choice, scalar: UInt64(bitPattern: Int64(rank)))
        case .number:
            do throws(NumberFormat.Failure) {
                let number = try numbers.value(text) * plan.factor
                guard number.isFinite else { return bad(text, plan, "not a finite number") }
                writer.value(attribute: plan.attribute, kind: .number, scalar: number.bitPattern)
            } catch {
                return bad(text, plan, error.description)
            }
        case .units:
            let milliseconds: Int64
            do throws(NumberFormat.Failure) {
                let amount = try numbers.value(text)
                let value = (amount * plan.factor * 1000).rounded()
                guard value.isFinite, abs(value) < 9.2e18 else { return bad(text, plan, "a duration beyond what can be held") }
                guard value >= 0 else { return bad(text, plan, "a negative duration") }
                milliseconds = Int64(value)
            } catch {
                return bad(text, plan, error.description)
            }
            writer.value(attribute: plan.attribute, kind: .duration, scalar: UInt64(bitPattern: milliseconds))
        case .isoDuration:
            guard let duration = ISODuration(String(decoding: text, as: UTF8.self)) else {
                return bad(text, plan, "not an ISO 8601 duration such as PT2H or P1D")
            }
            writer.value(attribute: plan.attribute, kind: .duration, scalar: UInt64(bitPattern: Int64((duration.seconds * 1000).rounded())))
        case .boolean:
            guard case .boolean(let booleanWords) = compiled.source.attributes[plan.index].conversion else { return nil }
            guard let flag = booleanWords.value(String(decoding: text, as: UTF8.self)) else {
                return bad(text, plan, "not a yes/no word (\(booleanWords.trueWords.sorted().prefix(4).joined(separator: ", ")) / \(booleanWords.falseWords.sorted().prefix(4).joined(separator: ", ")))")
            }
            writer.value(attribute: plan.attribute, kind: .boolean, scalar: flag ? 1 : 0)
        case .text:
            guard text.count <= EventRecord.longestField else { return .tooLong(limit: EventRecord.longestField) }
            writer.text(attribute: plan.attribute, text)
        }
        return nil
    }

    private func bad(_ text: UnsafeBufferPointer<UInt8>, _ plan: AttributePlan, _ reason: String) -> RowProblem {
        .badValue(attribute: compiled.brand.attributes[plan.attribute].id, value: Quoted.word(text), reason: reason)
    }

    /// Whether every byte is a space or a tab: a loop rather than
    /// `allSatisfy`, whose closure is called once per byte of every cell.
    @inline(__always)
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 { return false }
        return true
    }
}

/// Why a row of an export is skipped.
public enum RowProblem: Sendable, Hashable {
    /// The format's reader could not read the row: wrong field count,
    /// invalid UTF-8, a line that is not a JSON object…
    case unreadable(String)
    /// The case, the time or the activity is empty or absent.
    case missingValue
    case badTime(String, String)
    case unknownSegment(String)
    case unknownChannel(String)
    case unknownJourney(String)
    /// A lived value that does not convert to its attribute's type.
    case badValue(attribute: String, value: String, reason: String)
    /// A case id, an owner or a text longer than the limit, in bytes.
    case tooLong(limit: Int)
    /// A JSON object or array where a column's value is read: counted as a
    /// value that does not convert, and never quoted (it may hold a case id).
    case nested(array: Bool)

    /// The kinds, for counts.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case unreadable = "unreadable-row"
        case missingValue = "missing-value"
        case badTime = "bad-time"
        case unknownSegment = "unknown-segment-word"
        case unknownChannel = "unknown-channel-word"
        case unknownJourney = "unknown-journey"
        case badValue = "bad-value"
        case tooLong = "too-long"

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind {
        switch self {
        case .unreadable: .unreadable
        case .missingValue: .missingValue
        case .badTime: .badTime
        case .unknownSegment: .unknownSegment
        case .unknownChannel: .unknownChannel
        case .unknownJourney: .unknownJourney
        case .badValue, .nested: .badValue
        case .tooLong: .tooLong
        }
    }

    /// What is wrong, ending with what happens to the row. Values of the
    /// case and owner columns are never quoted: they may be personal data.
    public var message: String {
        switch self {
        case .unreadable(let reason): reason
        case .missingValue: "no value where the source needs one; the row is skipped"
        case .badTime(let text, let reason): "'\(text)' is not a time the source's format reads (\(reason)); the row is skipped"
        case .unknownSegment(let word): "unknown segment word '\(word)': add it to the source's 'segments'; the row is skipped"
        case .unknownChannel(let word): "unknown channel word '\(word)': add it to the source's 'channels'; the row is skipped"
        case .unknownJourney(let word): "unknown journey '\(word)'; the row is skipped"
        case .badValue(let attribute, let value, let reason): "'\(value)' does not convert to \(attribute): \(reason); the row is skipped"
        case .tooLong(let limit): "a value longer than \(limit) bytes; the row is skipped"
        case .nested(let array): "\(array ? "an array" : "an object") where the source reads one value; the row is skipped"
        }
    }
}

/// A skipped row of an export, where it is: the data file, the row (or
/// line), and the column at fault when one is.
public struct RowIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let location: ExportLocation
    public let problem: RowProblem

    public init(file: String, location: ExportLocation, problem: RowProblem) {
        self.file = file
        self.location = location
        self.problem = problem
    }

    /// `Observations/a/t.csv: row 12, field 3 'tier': unknown segment word 'Platinum'…`
    public var description: String { "\(file): \(location): \(problem.message)" }
}
