import EventExports

/// One export of what customers actually lived (a help desk's tickets, a
/// CRM's meetings, an appointment system's bookings) and how to read it
/// against a brand's planned journeys: which columns give the case, the
/// time, the activity, the channel, the segment, the journey and the owner,
/// how activities map to planned touchpoints, and which columns hold lived
/// values of the brand's attributes.
///
/// Read from `Observations/<brand>/<id>.source.jsonc`; every name in it has
/// been checked against the brand when the loader made it.
///
/// ```jsonc
/// { "source": "care-tickets", "brand": "maison-aurele", "data": "care-tickets.csv",
///   "columns": { "case": "ticket_id", "time": "created_at", "activity": "event", "segment": "tier" },
///   "activities": { "Chat opened": "care-chat", "Chat reply": "care-chat" },
///   "segments": { "Gold": "premium", "Silver": "regulars" } }
/// ```
public struct ObservationSource: Identified {
    public let id: String
    public var name: String?
    public var brand: String
    /// The data file as the source writes it, relative to the source file.
    public var data: String
    /// The data file from the folder the run starts in, normalised (no `.`
    /// left, `..` only where the source file's own path has it, before the
    /// source's workspace folder): what the command line opens.
    public var dataPath: String
    /// Where `data` is written, for problems with the data file as a whole.
    public var dataPosition: SourcePosition
    public var format: ExportFormat
    /// How the time column writes its timestamps.
    public var time: TimestampFormat
    /// How number columns write their numbers.
    public var numbers: NumberFormat
    public var columns: ColumnMap
    /// The journey every case follows, when the source names one; else the
    /// journey column, or the journey whose touchpoints the case lives most.
    public var journey: String?
    /// The segment of every case, when the export has no segment column.
    public var segment: Int?
    /// Export activity names, sorted by their bytes, each with what it is.
    public var activities: [ActivityMapping]
    /// Export words for channels; a channel id is also read as itself.
    public var channelWords: [String: Int]
    /// Export words for segments; a segment id is also read as itself.
    public var segmentWords: [String: Int]
    /// Columns that hold lived values of the brand's attributes.
    public var attributes: [LivedAttribute]
    /// How the export tells a deal's forecast and outcome, for the
    /// forecast reliability of `throughline review`; nil when it does not.
    public var forecast: SourceForecast?
    /// The source's top-level object.
    public var location: SourceLocation

    public init(
        id: String, name: String? = nil, brand: String, data: String, dataPath: String, dataPosition: SourcePosition,
        format: ExportFormat, time: TimestampFormat = .iso8601(), numbers: NumberFormat = .period, columns: ColumnMap,
        journey: String? = nil, segment: Int? = nil, activities: [ActivityMapping], channelWords: [String: Int] = [:],
        segmentWords: [String: Int] = [:], attributes: [LivedAttribute] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.brand = brand
        self.data = data
        self.dataPath = dataPath
        self.dataPosition = dataPosition
        self.format = format
        self.time = time
        self.numbers = numbers
        self.columns = columns
        self.journey = journey
        self.segment = segment
        self.activities = activities.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.channelWords = channelWords
        self.segmentWords = segmentWords
        self.attributes = attributes
        self.location = location
    }

    /// The same source, with how its export tells forecasts and outcomes.
    public func with(forecast: SourceForecast?) -> ObservationSource {
        var copy = self
        copy.forecast = forecast
        return copy
    }

    public var file: String { location.file }

    /// A place in the source file.
    public func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: location.file, position: position)
    }
}

/// How an export is written.
public enum ExportFormat: Sendable, Equatable {
    /// Comma-separated values; the separator is detected when nil.
    case csv(separator: CSVSeparator?)
    /// One JSON object per line.
    case jsonLines
    /// XES, the process-mining standard (IEEE 1849-2016).
    case xes

    /// The name the source file uses: `csv`, `jsonl`, `xes`.
    public var name: String {
        switch self {
        case .csv: "csv"
        case .jsonLines: "jsonl"
        case .xes: "xes"
        }
    }

    public static let names = ["csv", "jsonl", "xes"]
}

/// A column of the export, as the source names it: a CSV header name, a
/// JSON Lines key, an XES attribute key.
public struct ExportColumn: Sendable, Equatable {
    public var name: String
    /// Where the source writes the name.
    public var position: SourcePosition

    public init(_ name: String, at position: SourcePosition) {
        self.name = name
        self.position = position
    }
}

/// Which columns say what. Case, time and activity are required; XES
/// exports have standard keys for them (`concept:name` of the trace and
/// of the event, `time:timestamp`) and for the owner (`org:resource`).
public struct ColumnMap: Sendable, Equatable {
    public var caseID: ExportColumn
    public var time: ExportColumn
    public var activity: ExportColumn
    public var channel: ExportColumn?
    public var segment: ExportColumn?
    public var journey: ExportColumn?
    public var owner: ExportColumn?

    public init(
        caseID: ExportColumn, time: ExportColumn, activity: ExportColumn, channel: ExportColumn? = nil,
        segment: ExportColumn? = nil, journey: ExportColumn? = nil, owner: ExportColumn? = nil
    ) {
        self.caseID = caseID
        self.time = time
        self.activity = activity
        self.channel = channel
        self.segment = segment
        self.journey = journey
        self.owner = owner
    }

    /// The keys of a source's `columns` object, in the order they are documented.
    public static let keys = ["case", "time", "activity", "channel", "segment", "journey", "owner"]
}

/// What an export's activity name stands for.
public struct ActivityMapping: Sendable, Equatable {
    public var name: String
    public var target: ActivityTarget
    /// Where the source maps it.
    public var position: SourcePosition

    public init(name: String, target: ActivityTarget, position: SourcePosition) {
        self.name = name
        self.target = target
        self.position = position
    }
}

public enum ActivityTarget: Sendable, Equatable {
    /// A planned touchpoint, by id: of the case's journey, whichever it is
    /// (several journeys may share an id), or of one journey when given.
    case touchpoint(String, journey: String?)
    /// Not a touchpoint (a status change, an internal note): neither lived
    /// nor ad hoc. Written `null` in the source.
    case ignored
}

/// A column that holds a lived value of one of the brand's attributes,
/// with how its cells become values.
public struct LivedAttribute: Sendable, Equatable {
    /// The most attributes one source may map: an event keeps its lived
    /// values' count in one byte.
    public static let mostPerSource = 255
    /// Lived values can be kept for the brand's first 65,536 attributes: an
    /// event keeps each value's attribute in two bytes.
    public static let catalogPositions = 1 << 16

    /// Position in the brand's attribute catalog.
    public var attribute: Int
    public var column: ExportColumn
    public var conversion: LivedConversion

    public init(attribute: Int, column: ExportColumn, conversion: LivedConversion) {
        self.attribute = attribute
        self.column = column
        self.conversion = conversion
    }
}

/// How an export's cell becomes a value of the attribute's type. An empty
/// cell is no value (the planned one stands), except for a yes/no column
/// whose words say what empty means.
public enum LivedConversion: Sendable, Equatable {
    /// Words of an enumeration or scale: the export's word → the
    /// attribute's value position; the attribute's own words are read as
    /// themselves.
    case words([String: Int])
    /// A number in the source's number format, times `scale` (100 for an
    /// export that writes 0.35 for a percentage of 35).
    case number(scale: Double)
    /// A number of units (`secondsPerUnit`) in the source's number format,
    /// or ISO 8601 text when nil.
    case duration(secondsPerUnit: Double?)
    case boolean(BooleanWords)
    case text
}

/// Which lived values are a deal's forecast, and which activities close it.
///
/// ```jsonc
/// "forecast": { "probability": "winProbability", "scale": 100, "amount": "dealValue",
///               "won": ["Contract signed"], "lost": ["Closed lost"] }
/// ```
public struct SourceForecast: Sendable, Equatable {
    /// The number attribute holding the forecast win probability.
    public var probability: Int
    /// What a certain win is written as (100 for percent).
    public var scale: Double
    /// The number attribute holding the deal's amount, if any.
    public var amount: Int?
    /// Export activity names that close a deal as won, or as lost.
    public var won: Set<String>
    public var lost: Set<String>

    public init(probability: Int, scale: Double = 100, amount: Int? = nil, won: Set<String>, lost: Set<String>) {
        self.probability = probability
        self.scale = scale
        self.amount = amount
        self.won = won
        self.lost = lost
    }

    public static let keys = ["probability", "scale", "amount", "won", "lost"]
}
