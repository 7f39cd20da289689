import EventExports

/// Everything a CSV reader hands back for some input, as plain values a
/// test can compare in one `#expect`.
struct CSVReading: Equatable, CustomStringConvertible {
    var header: [String]?
    var rows: [[String]] = []
    /// Row number and starting line of each delivered row.
    var places: [Place] = []
    var issues: [CSVIssue] = []
    var separator: CSVSeparator?

    struct Place: Equatable, CustomStringConvertible {
        let row: Int
        let line: Int
        var description: String { "\(row)@\(line)" }
    }

    var description: String {
        "header \(header ?? []), rows \(rows), places \(places), issues \(issues.map(\.description))"
    }

    /// Reads `bytes` fed in chunks of `chunkSize` (all at once by default),
    /// or split at the given offsets; with `inPlace`, through the reader's
    /// lent rows rather than its record values.
    static func read(
        _ bytes: [UInt8], _ options: CSVOptions = CSVOptions(), chunkSize: Int? = nil, splits: [Int]? = nil, inPlace: Bool = false
    ) -> CSVReading {
        var reading = CSVReading()
        var reader = CSVReader(options)
        // The two kinds of events differ only in how a row comes.
        func add(_ strings: [String], row: Int, line: Int) {
            reading.rows.append(strings)
            reading.places.append(Place(row: row, line: line))
        }
        let handle: (CSVEvent) -> Void = { event in
            switch event {
            case .header(let header): reading.header = header.names
            case .record(let record): add(record.strings, row: record.row, line: record.line)
            case .issue(let issue): reading.issues.append(issue)
            }
        }
        let handleInPlace: (CSVRowEvent) -> Void = { event in
            switch event {
            case .header(let header): reading.header = header.names
            case .row(let fields): add(fields.strings, row: fields.row, line: fields.line)
            case .issue(let issue): reading.issues.append(issue)
            }
        }
        var cuts = splits ?? []
        if splits == nil, let chunkSize {
            cuts = Array(stride(from: chunkSize, to: bytes.count, by: chunkSize))
        }
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            if inPlace {
                reader.readInPlace(Array(bytes[start..<cut]), handleInPlace)
            } else {
                reader.read(Array(bytes[start..<cut]), handle)
            }
            start = cut
        }
        if inPlace { reader.finishInPlace(handleInPlace) } else { reader.finish(handle) }
        reading.separator = reader.separator
        return reading
    }

    static func read(_ text: String, _ options: CSVOptions = CSVOptions(), chunkSize: Int? = nil) -> CSVReading {
        read(Array(text.utf8), options, chunkSize: chunkSize)
    }
}

extension CSVOptions {
    static let noHeader = CSVOptions(separator: .comma, hasHeader: false)
}
