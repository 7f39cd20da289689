// Fuzzes `conform` with arbitrary bytes read as every export of the bundled
// workspace at once: Maison Aurèle's care tickets (CSV, `;`) and store
// appointments (TSV), Zignature's CRM meetings and pipeline (CSV, `,`) and
// opportunities (JSON Lines), and an XES log of Maison Aurèle's care journey
// (a source written here, as the bundled examples hold none). Each source
// reads the same bytes in its own format, so one input exercises every
// reader, the grouping by case, the matching and the charter on lived values.
//
// Beyond "no crash, no hang" it checks on every input:
// - the report does not depend on how the bytes arrive or on the memory
//   budget: read in chunks of the replay's size with the standard budget,
//   and in chunks of 1 to 64 bytes with a budget of a few hundred bytes in
//   three partitions (so that everything spills and each partition is read
//   back), the JSON reports and the diagnostics are byte-identical;
// - the counts add up: per export, events + skipped rows ≤ rows, duplicates
//   ≤ events, the skipped rows by kind sum to the skipped rows, and every
//   skipped row's message names the export;
// - diagnostics lie in a file of the workspace, at line ≥ 1 and column ≥ 1;
// - every lived report format is written (text, JSON, each CSV part,
//   Markdown, HTML); the JSON is valid without duplicate keys; the text
//   holds no control character but line feeds.
import FuzzSupport
import JSONCReader
import JourneyLoader
import JourneyModel
import JourneyReporters
import JSONWriter
import LivedCases
import LivedReport
import ThroughlineKit

let xesSourcePath = "Observations/maison-aurele/care-log.source.jsonc"
let xesSource = #"""
{
  "source": "care-log", "brand": "maison-aurele", "data": "care-log.xes", "format": "xes",
  "journey": "care-and-repair", "segment": "regulars",
  "activities": { "Chat SAV": "care-chat", "Devis envoyé": "repair-quote-mail", "Ticket clos": null },
  "attributes": { "responseTime": { "column": "delai", "unit": "minutes" } }
}
"""#

let bundledFiles: [SourceFile] = [
    "Brands/aurele-group.charter.jsonc",
    "Brands/maison-aurele.brand.jsonc",
    "Brands/zignature.brand.jsonc",
    "Journeys/maison-aurele/care-and-repair.journey.jsonc",
    "Journeys/maison-aurele/first-purchase.journey.jsonc",
    "Journeys/zignature/new-business.journey.jsonc",
    "Observations/maison-aurele/care-tickets.source.jsonc",
    "Observations/maison-aurele/store-appointments.source.jsonc",
    "Observations/zignature/crm-meetings.source.jsonc",
    "Observations/zignature/crm-opportunities.source.jsonc",
    "Observations/zignature/crm-pipeline.source.jsonc",
].map { SourceFile(path: $0, bytes: Fuzz.repositoryFile($0)) } + [SourceFile(path: xesSourcePath, bytes: Array(xesSource.utf8))]

/// The bundled workspace, loaded and checked once.
let check: CheckRun = {
    let loaded = Fuzz.wait { await LoadedWorkspace.load(bundledFiles) }
    let run = Fuzz.wait { await CheckRun.check(loaded) }
    Fuzz.require(run.loaded.sources.count == 6, "the bundled workspace does not load its six sources: \(run.diagnostics)")
    return run
}()

let dataPaths = check.loaded.sources.map(\.dataPath)
let workspaceFiles = Set(bundledFiles.map(\.path) + dataPaths)

/// Exports in memory, lent in chunks of a fixed size whatever the replay
/// asks, with a spill store in memory.
struct SmallChunks: ExportAccess {
    let exports: InMemoryExports
    let chunk: Int

    func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError) {
        try exports.read(path, chunkSize: chunk, body)
    }

    func makeSpill() throws(ExportAccessError) -> any SpillStore {
        try exports.makeSpill()
    }
}

func rendered(_ reporter: some Reporter<LivedReport>, _ report: LivedReport) -> String {
    ReportOutput.text { reporter.write(report, to: &$0) }
}

/// The first line where `left` and `right` differ, both ways, for the message.
func firstDifference(_ left: String, _ right: String) -> String {
    let leftLines = left.split(separator: "\n", omittingEmptySubsequences: false)
    let rightLines = right.split(separator: "\n", omittingEmptySubsequences: false)
    let index = zip(leftLines, rightLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(leftLines.count, rightLines.count)
    func line(_ lines: [Substring]) -> String { index < lines.count ? String(lines[index].prefix(300)) : "(the end)" }
    return "line \(index + 1): \(line(leftLines)) ≠ \(line(rightLines))"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExports(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let files = Dictionary(uniqueKeysWithValues: dataPaths.map { ($0, bytes) })

    let whole = InMemoryExports(files)
    let standard = ConformRun.conform(check, access: whole)
    let chunk = 1 + Int(bytes.first ?? 0) % 64
    let pieces = SmallChunks(exports: InMemoryExports(files), chunk: chunk)
    let spilled = ConformRun.conform(check, access: pieces, budget: GroupingBudget(bytes: 300, partitions: 3))
    Fuzz.require(whole.spills.open == 0 && pieces.exports.spills.open == 0, "a spill store was left open")

    // Whether each export spilled is the one thing that may differ.
    var unspilled = spilled.report
    for index in unspilled.sources.indices { unspilled.sources[index].spilled = standard.report.sources[index].spilled }
    let json = rendered(LivedJSON(), standard.report)
    let other = rendered(LivedJSON(), unspilled)
    Fuzz.require(json == other, "the report depends on chunks of \(chunk) bytes or on spilling: \(firstDifference(json, other))")
    Fuzz.require(standard.diagnostics == spilled.diagnostics, "the diagnostics depend on chunks of \(chunk) bytes or on spilling")
    Fuzz.require(standard.tooManyBadRows == spilled.tooManyBadRows, "the bad-row verdict depends on chunks or spilling")

    for diagnostic in standard.diagnostics {
        let location = diagnostic.location
        Fuzz.require(workspaceFiles.contains(location.file), "a diagnostic in \(location.file), not a file of the workspace")
        Fuzz.require(location.position.line >= 1 && location.position.column >= 1, "a diagnostic at \(location)")
    }
    for source in standard.report.sources {
        // Rows are events read or skipped (or neither: a status an activity maps to null); duplicates are among the events.
        Fuzz.require(
            source.events + source.skipped <= source.rows && source.duplicates <= source.events,
            "\(source.source): \(source.rows) rows, \(source.events) events, \(source.skipped) skipped, \(source.duplicates) duplicates"
        )
        Fuzz.require(source.skippedByKind.reduce(0) { $0 + $1.count } == source.skipped, "\(source.source): skipped rows by kind do not add up")
        for issue in source.issues {
            Fuzz.require(issue.hasPrefix(source.data + ": "), "a skipped row's message does not name \(source.data): \(issue)")
        }
    }

    do {
        let document = try JSONCDocument.parse(json)
        Fuzz.require(document.duplicateKeys.isEmpty, "the JSON report repeats a key: \(document.duplicateKeys[0])")
    } catch {
        Fuzz.require(false, "the JSON report is not valid JSON: \(error)")
    }
    let text = rendered(LivedText(style: .plain), standard.report)
    Fuzz.require(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }, "the text report holds a control character")
    for part in LivedCSV.Part.allCases { _ = rendered(LivedCSV(part: part), standard.report) }
    _ = rendered(LivedMarkdown(), standard.report)
    _ = rendered(LivedHTML(), standard.report)
    return 0
}
