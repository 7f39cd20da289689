import Foundation
import Testing

/// `--summary FILE` and `$GITHUB_STEP_SUMMARY`: the Markdown report, beside
/// whatever format the step writes.
@Suite("Markdown summaries, end to end")
struct StepSummaryTests {
    @Test("--summary writes the Markdown report; GITHUB_STEP_SUMMARY gets it appended, run after run")
    func summaries() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = folder.appendingPathComponent("summary.md")
        let step = folder.appendingPathComponent("step-summary.md")
        try "earlier step\n".write(to: step, atomically: true, encoding: .utf8)
        let markdown = try ToolRunner.run(["check", "--format", "markdown"])
        for _ in 0..<2 {
            let outcome = try ToolRunner.run(
                ["check", "--format", "github", "--summary", summary.path], environment: ["GITHUB_STEP_SUMMARY": step.path]
            )
            #expect(outcome.status == 1, "\(outcome.error)")
            #expect(outcome.output.hasPrefix("::error "))
        }
        #expect(try String(contentsOf: summary, encoding: .utf8) == markdown.output)
        #expect(try String(contentsOf: step, encoding: .utf8) == "earlier step\n" + markdown.output + markdown.output)
    }

    @Test("without either, no summary is written; an unwritable step summary is an error")
    func unwritable() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ToolRunner.run(["check", "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("GITHUB_STEP_SUMMARY"), "\(outcome.error)")
    }
}
