import Foundation
import CharterChecker
import JourneyAuthoring
import JourneyLoader
import JourneyModel
import JourneyReporters

/// `throughline import FILE.csv --brand B`: a spreadsheet inventory of
/// touchpoints into journey files.
enum ImportCommand {
    static let brand: Option<String?> = .text("brand", short: "b", value: "BRAND", help: "The brand whose vocabulary the inventory uses.")
    static let brands: Option<String> = .text("brands", value: "PATH", help: "Where to find brand and charter files.", default: "Brands")
    static let outputFolder: Option<String?> = .text(
        "output-dir", short: "o", value: "FOLDER", help: "Where to write the journey files.", shownDefault: "Journeys/<brand>"
    )
    static let force = Flag("force", help: "Overwrite journey files that already exist.")

    static let spec = CommandSpec(
        name: "import",
        abstract: "Turn a spreadsheet inventory of touchpoints (CSV) into journey files.",
        discussion: """
        Columns: journey, touchpoint, stage, channel, and optionally name, initiator, after, segment (blank for the common \
        experience, a segment id for its refinement), next (ids separated by spaces or ';'), then one column \
        per attribute of the brand's vocabulary. Cells are checked against the brand (read from ./Brands unless \
        --brands says where); nothing is written unless every journey is valid. Existing files are kept unless --force.
        """,
        options: [brand.spec, brands.spec, outputFolder.spec],
        flags: [force.spec],
        positionals: PositionalSpec(name: "CSV", help: "The inventory, exported from a spreadsheet as CSV.", repeating: false, required: true),
        examples: ["throughline import inventory.csv --brand maison-aurele"]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        guard let csvPath = arguments.positionals.first else { return .unusableInput }
        guard let brandID = arguments[Self.brand] else {
            io.writeError("error: import needs --brand: the brand whose vocabulary the inventory uses\n")
            return .unusableInput
        }
        let run = await WorkspaceRun.load(paths: [arguments[Self.brands]], io: io)
        if let failure = run.reportUnusableInput(run.loaded.diagnostics, io: io) { return failure }
        guard let brand = run.loaded.workspace.brand(id: brandID) else {
            let known = run.loaded.workspace.brands.map(\.id)
            io.writeError("error: unknown brand '\(brandID)'\(DidYouMean.hint(for: brandID, in: known)); brands found: \(known.joined(separator: ", "))\n")
            return .unusableInput
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(run.files.absolute(csvPath))
        } catch {
            io.writeError("error: cannot read \(csvPath): \(error.reason)\n")
            return .unusableInput
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            io.writeError("error: \(csvPath) is not UTF-8 text; export the spreadsheet as \"CSV UTF-8\"\n")
            return .unusableInput
        }
        let output = TouchpointInventory.convert(csv: text, path: csvPath, brand: brand)
        guard output.diagnostics.isEmpty else {
            io.writeError(CheckText().render(CheckResult(workspace: run.loaded.workspace, diagnostics: output.diagnostics, gaps: [DescribedGap](), fileCount: 1)))
            return .unusableInput
        }
        let folder = arguments[Self.outputFolder] ?? "Journeys/\(brand.id)"
        // A journey id becomes a file name: one that names another folder
        // ("../x", "a/b") or a hidden file would write outside the output folder.
        for file in output.files where file.name.contains("/") || file.name.hasPrefix(".") || file.name.contains("\u{0}") {
            let id = String(file.name.dropLast(FileKind.journey.suffix.count))
            io.writeError("error: cannot import journey '\(TerminalEscaping.text(id))': its id is used as a file name in \(folder), so it cannot contain '/' or start with '.'; nothing was written\n")
            return .unusableInput
        }
        let force = arguments[Self.force]
        for file in output.files {
            let path = run.files.absolute(folder + "/" + file.name)
            if !force, FileManager.default.fileExists(atPath: path) {
                io.writeError("error: \(folder)/\(TerminalEscaping.text(file.name)) already exists; use --force to replace it\n")
                return .unusableInput
            }
            // Something there that is never replaced (a link, a folder)
            // stops the import before any file is written.
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            do {
                _ = try OutputFile.destination(of: path, shownAs: "\(folder)/\(file.name)")
            } catch {
                io.writeError("error: \(error.message)\n")
                return .unusableInput
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: run.files.absolute(folder), withIntermediateDirectories: true)
            for file in output.files {
                try OutputFile.write(file.text, to: run.files.absolute(folder + "/" + file.name), shownAs: "\(folder)/\(file.name)", io: io)
                io.writeOutput("wrote \(folder)/\(TerminalEscaping.text(file.name))\n")
            }
        } catch let failure as OutputFile.Failure {
            io.writeError("error: \(failure.message)\n")
            return .unusableInput
        } catch {
            io.writeError("error: cannot create \(folder): \(error.localizedDescription)\n")
            return .unusableInput
        }
        return .success
    }
}
