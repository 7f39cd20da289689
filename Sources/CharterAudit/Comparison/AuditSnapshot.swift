import CharterChecker
import JSONCReader
import JourneyModel

/// What `--compare` needs of a previous `audit --format json`: each
/// segment's score and status, per channel and per marker, and its open
/// gaps by fingerprint.
///
/// Audits written before statuses and fingerprints were part of the JSON
/// (no `auditFormat`) are read too: their statuses are left unknown, and
/// their gaps are matched on every fingerprint field but the one that tells
/// two gaps of one marker at one place apart.
public struct AuditSnapshot: Sendable, Equatable {
    public var date: String?
    public var segments: [Segment]

    public struct Segment: Sendable, Equatable {
        public var brand: String
        public var segment: String
        public var score: Double?
        public var status: AuditStatus?
        public var channels: [Entry]
        public var markers: [Entry]
        public var gaps: [GapEntry]

        public var label: String { "\(brand)/\(segment)" }
    }

    /// A channel's or a marker's score and status.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var score: Double?
        public var status: AuditStatus?
    }

    public struct GapEntry: Sendable, Equatable {
        /// As ``DescribedGap/fingerprint``; when the file had none, made from
        /// its fields with an empty last field, and `exact` is false.
        public var fingerprint: String
        public var exact: Bool
        public var severity: Severity?
        public var marker: String
        public var journey: String
        public var touchpoint: String?
        public var channel: String?
        public var message: String
        public var location: SourceLocation?
    }

    /// Reads `bytes`, the file at `path`, as an audit JSON. A file that is
    /// not JSON, or not an audit, gives located diagnostics and no snapshot.
    public static func read(_ bytes: [UInt8], path: String) -> (snapshot: AuditSnapshot?, diagnostics: [Diagnostic]) {
        let document: JSONCDocument
        do {
            document = try JSONCDocument.parse(bytes)
        } catch {
            return (nil, [Diagnostic(
                .syntax, at: SourceLocation(file: path, line: error.line, column: error.column),
                "\(error.message); --compare expects the output of `throughline audit --format json`"
            )])
        }
        var reader = SnapshotReader(path: path, document: document)
        let snapshot = reader.snapshot()
        return (reader.diagnostics.isEmpty ? snapshot : nil, reader.diagnostics)
    }
}

/// Walks the document, noting each value of the wrong kind where it is.
private struct SnapshotReader {
    let path: String
    let document: JSONCDocument
    var diagnostics: [Diagnostic] = []
    /// Messages are bounded: a file of a million bad entries says so in a few lines.
    static let diagnosticLimit = 20

    init(path: String, document: JSONCDocument) {
        self.path = path
        self.document = document
    }

    mutating func snapshot() -> AuditSnapshot? {
        let root = document.root
        guard expect(.object, root, "an audit (an object with 'segments')") else { return nil }
        guard let segments = root["segments"] else {
            report(.missingField, at: root, "'segments' is missing: --compare expects the output of `throughline audit --format json`")
            return nil
        }
        guard expect(.array, segments, "'segments' (an array)") else { return nil }
        let exact = root["auditFormat"] != nil
        let date = root["context"].flatMap { $0["date"] }.flatMap(\.string)
        var result: [AuditSnapshot.Segment] = []
        for element in segments.elements {
            guard expect(.object, element, "a segment (an object)") else { continue }
            guard let brand = requiredString(element, "brand"), let segment = requiredString(element, "segment") else { continue }
            result.append(AuditSnapshot.Segment(
                brand: brand, segment: segment, score: number(element["score"]), status: status(element["status"]),
                channels: entries(element["byChannel"], key: "channel"), markers: entries(element["byMarker"], key: "marker"),
                gaps: gaps(element["gaps"], exact: exact)
            ))
        }
        return AuditSnapshot(date: date, segments: result)
    }

    private mutating func entries(_ value: JSONCValue?, key: String) -> [AuditSnapshot.Entry] {
        guard let value, expect(.array, value, "'\(key == "channel" ? "byChannel" : "byMarker")' (an array)") else { return [] }
        return value.elements.compactMap { element in
            guard expect(.object, element, "an entry (an object)"), let id = requiredString(element, key) else { return nil }
            return AuditSnapshot.Entry(key: id, score: number(element["score"]), status: status(element["status"]))
        }
    }

    private mutating func gaps(_ value: JSONCValue?, exact: Bool) -> [AuditSnapshot.GapEntry] {
        guard let value, expect(.array, value, "'gaps' (an array)") else { return [] }
        return value.elements.compactMap { element in
            guard expect(.object, element, "a gap (an object)") else { return nil }
            guard let brand = requiredString(element, "brand"), let journey = requiredString(element, "journey"),
                  let marker = requiredString(element, "marker") else { return nil }
            func text(_ key: String) -> String? { element[key].flatMap(\.string) }
            let fields = [
                brand, journey, text("touchpoint") ?? "", text("segment") ?? "", marker, text("attribute") ?? "",
                text("stage") ?? "", text("channel") ?? "",
            ]
            let written = exact ? text("fingerprint") : nil
            var location: SourceLocation?
            if let file = text("file"), let line = element["line"]?.number?.int, let column = element["column"]?.number?.int {
                location = SourceLocation(file: file, line: line, column: column)
            }
            return AuditSnapshot.GapEntry(
                fingerprint: written ?? DescribedGap.fingerprint(fields: fields + [""]), exact: written != nil,
                severity: text("severity").flatMap(Severity.init(rawValue:)), marker: marker, journey: journey,
                touchpoint: text("touchpoint"), channel: text("channel"), message: text("message") ?? "", location: location
            )
        }
    }

    private func number(_ value: JSONCValue?) -> Double? { value?.number?.double }

    private func status(_ value: JSONCValue?) -> AuditStatus? { value?.string.flatMap(AuditStatus.init(rawValue:)) }

    private mutating func requiredString(_ object: JSONCValue, _ key: String) -> String? {
        guard let value = object[key] else {
            report(.missingField, at: object, "'\(key)' is missing")
            return nil
        }
        guard let text = value.string else {
            report(.wrongType, at: value, "'\(key)' should be a string, found \(value.kind)")
            return nil
        }
        return text
    }

    private mutating func expect(_ kind: JSONCKind, _ value: JSONCValue, _ what: String) -> Bool {
        guard value.kind != kind else { return true }
        report(.wrongType, at: value, "expected \(what), found \(value.kind)")
        return false
    }

    private mutating func report(_ code: DiagnosticCode, at value: JSONCValue, _ message: String) {
        guard diagnostics.count < Self.diagnosticLimit else { return }
        let (line, column) = document.lineMap.position(of: value.offset)
        let suffix = diagnostics.count == Self.diagnosticLimit - 1 ? " (further problems are not listed)" : ""
        diagnostics.append(Diagnostic(code, at: SourceLocation(file: path, line: line, column: column), message + suffix))
    }
}
