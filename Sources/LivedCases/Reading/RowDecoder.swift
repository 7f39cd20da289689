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
    let activities: ByteKeyTable
    let channels: ByteKeyTable
    let segments: ByteKeyTable
    let journeyIDs: ByteKeyTable
    /// For each lived attribute, its word table (enumerations and scales).
    let words: [ByteKeyTable?]

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
        var activities = ByteKeyTable(capacity: source.activities.count)
        for (index, mapping) in source.activities.enumerated() { activities.insert(mapping.name, value: index) }
        self.activities = activities
        var channels = ByteKeyTable()
        for (index, channel) in brand.channels.enumerated() { channels.insert(channel.id, value: index) }
        for (word, index) in source.channelWords.sorted(by: { $0.key < $1.key }) { channels.insert(word, value: index) }
        self.channels = channels
        var segments = ByteKeyTable()
        for (index, segment) in brand.segments.enumerated() { segments.insert(segment.id, value: index) }
        for (word, index) in source.segmentWords.sorted(by: { $0.key < $1.key }) { segments.insert(word, value: index) }
        self.segments = segments
        var journeyIDs = ByteKeyTable()
        for (index, journey) in journeys.enumerated() { journeyIDs.insert(journey.id, value: index) }
        self.journeyIDs = journeyIDs
        words = source.attributes.map { lived in
            guard case .words(let table) = lived.conversion else { return nil }
            var words = ByteKeyTable()
            // The export's own words win over the attribute's, which are read as themselves.
            for (word, rank) in table.sorted(by: { $0.key < $1.key }) { words.insert(word, value: rank) }
            for (rank, word) in brand.attributes[lived.attribute].type.choices.enumerated() { words.insert(word, value: rank) }
            return words
        }
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

    init(_ compiled: CompiledSource) {
        self.compiled = compiled
    }

    /// Writes the row's record into `writer`, or returns the problem and
    /// the slot at fault.
    func decode(
        row: Int, cell: (Int) -> UnsafeBufferPointer<UInt8>?, into writer: inout EventRecordWriter
    ) -> (problem: RowProblem, slot: Int)? {
        typealias Source = CompiledSource
        guard let key = cell(Source.caseSlot), !key.isEmpty else { return (.missingValue, Source.caseSlot) }
        guard key.count <= EventRecord.longestField else { return (.tooLong(limit: EventRecord.longestField), Source.caseSlot) }
        guard let timeText = cell(Source.timeSlot), !Self.isBlank(timeText) else { return (.missingValue, Source.timeSlot) }
        let time: Int64
        do throws(TimestampError) {
            time = try compiled.source.time.instant(timeText).millisecondsSince1970
        } catch {
            return (.badTime(Quoted.word(timeText), error.description), Source.timeSlot)
        }
        guard let activityText = cell(Source.activitySlot), !activityText.isEmpty else { return (.missingValue, Source.activitySlot) }
        let activity = compiled.activities.value(for: activityText).map { Int32($0) } ?? -1
        let channel: Int16
        switch lookUp(Source.channelSlot, cell: cell, in: compiled.channels) {
        case .absent: channel = -1
        case .found(let index): channel = Int16(index)
        case .unknown(let word): return (.unknownChannel(word), Source.channelSlot)
        }
        let segment: Int16
        switch lookUp(Source.segmentSlot, cell: cell, in: compiled.segments) {
        case .absent: segment = -1
        case .found(let index): segment = Int16(index)
        case .unknown(let word): return (.unknownSegment(word), Source.segmentSlot)
        }
        let journey: Int16
        switch lookUp(Source.journeySlot, cell: cell, in: compiled.journeyIDs) {
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
        for (index, lived) in compiled.source.attributes.enumerated() {
            let slot = Source.firstAttributeSlot + index
            guard let text = cell(slot), !text.isEmpty || isBooleanWithEmpty(lived) else { continue }
            if let problem = convert(text, lived, words: compiled.words[index], into: &writer) { return (problem, slot) }
        }
        return nil
    }

    private enum LookUp {
        case absent
        case found(Int)
        case unknown(String)
    }

    private func lookUp(_ slot: Int, cell: (Int) -> UnsafeBufferPointer<UInt8>?, in table: ByteKeyTable) -> LookUp {
        guard let text = cell(slot), !Self.isBlank(text) else { return .absent }
        if let index = table.value(for: text) { return .found(index) }
        return .unknown(Quoted.word(text))
    }

    private func isBooleanWithEmpty(_ lived: LivedAttribute) -> Bool {
        if case .boolean(let words) = lived.conversion { return words.empty != nil }
        return false
    }

    /// Adds the cell's value to the record, or says why it does not convert.
    private func convert(
        _ text: UnsafeBufferPointer<UInt8>, _ lived: LivedAttribute, words: ByteKeyTable?, into writer: inout EventRecordWriter
    ) -> RowProblem? {
        let definition = compiled.brand.attributes[lived.attribute]
        func bad(_ reason: String) -> RowProblem { .badValue(attribute: definition.id, value: Quoted.word(text), reason: reason) }
        switch lived.conversion {
        case .words:
            guard let rank = words?.value(for: text) else {
                return bad("not a value of '\(definition.id)' (\(definition.type.choices.prefix(8).joined(separator: ", ")))")
            }
            writer.value(attribute: lived.attribute, kind: .choice, scalar: UInt64(bitPattern: Int64(rank)))
        case .number(let scale):
            do throws(NumberFormat.Failure) {
                let number = try compiled.source.numbers.value(text) * scale
                guard number.isFinite else { return bad("not a finite number") }
                writer.value(attribute: lived.attribute, kind: .number, scalar: number.bitPattern)
            } catch {
                return bad(error.description)
            }
        case .duration(let secondsPerUnit):
            let milliseconds: Int64
            if let secondsPerUnit {
                do throws(NumberFormat.Failure) {
                    let amount = try compiled.source.numbers.value(text)
                    let value = (amount * secondsPerUnit * 1000).rounded()
                    guard value.isFinite, abs(value) < 9.2e18 else { return bad("a duration beyond what can be held") }
                    guard value >= 0 else { return bad("a negative duration") }
                    milliseconds = Int64(value)
                } catch {
                    return bad(error.description)
                }
            } else {
                guard let duration = ISODuration(String(decoding: text, as: UTF8.self)) else {
                    return bad("not an ISO 8601 duration such as PT2H or P1D")
                }
                milliseconds = Int64((duration.seconds * 1000).rounded())
            }
            writer.value(attribute: lived.attribute, kind: .duration, scalar: UInt64(bitPattern: milliseconds))
        case .boolean(let booleanWords):
            guard let flag = booleanWords.value(String(decoding: text, as: UTF8.self)) else {
                return bad("not a yes/no word (\(booleanWords.trueWords.sorted().prefix(4).joined(separator: ", ")) / \(booleanWords.falseWords.sorted().prefix(4).joined(separator: ", ")))")
            }
            writer.value(attribute: lived.attribute, kind: .boolean, scalar: flag ? 1 : 0)
        case .text:
            guard text.count <= EventRecord.longestField else { return .tooLong(limit: EventRecord.longestField) }
            writer.text(attribute: lived.attribute, text)
        }
        return nil
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
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
        case .badValue: .badValue
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

/// Export text shown in a message: at most 40 characters, control and
/// bidirectional characters and line breaks written as escapes, so no
/// cell can break a line of a report or reorder what a terminal shows.
public enum Quoted {
    public static let longest = 40

    public static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        word(String(decoding: bytes, as: UTF8.self))
    }

    /// - Parameter longest: characters kept before `…`; nil keeps them all.
    public static func word(_ text: String, longest: Int? = Quoted.longest) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == longest {
                result += "…"
                break
            }
            count += 1
            let properties = scalar.properties
            if properties.generalCategory == .control || properties.isBidiControl || properties.generalCategory == .format
                || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
