import JourneyAuthoring
import JourneyLoader
import JourneyModel

/// `throughline schema brand|charter|journey|source`: JSON Schemas for editors.
enum SchemaCommand {
    static let brand: Option<String?> = .text("brand", short: "b", value: "BRAND", help: "Tailor the journey schema to this brand's vocabulary.")
    static let output = CommonOptions.output("the schema")

    static let spec = CommandSpec(
        name: "schema",
        abstract: "Print the JSON Schema of brand, charter, journey or source files, for editors.",
        discussion: """
        With --brand, the journey and source schemas know that brand's vocabulary: its stages, channels, segments, \
        attributes and their values (the brand is read from ./Brands, or from the PATHs given after the kind).
        """,
        options: [brand.spec, output.spec],
        positionals: PositionalSpec(name: "KIND-AND-PATHS", help: "brand, charter, journey or source; then, with --brand, where to find brands.", repeating: true, required: true),
        examples: [
            "throughline schema journey --brand maison-aurele --output journey.schema.json",
            "throughline schema brand",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        let kinds = FileKind.allCases.map(\.rawValue)
        guard let name = arguments.positionals.first, let kind = FileKind(rawValue: name) else {
            let given = arguments.positionals.first ?? ""
            io.writeError("error: unknown file kind '\(given)'\(DidYouMean.hint(for: given, in: kinds)); choose one of: \(kinds.joined(separator: ", "))\n")
            return .unusableInput
        }
        let paths = Array(arguments.positionals.dropFirst())
        let run = await WorkspaceRun.load(paths: paths.isEmpty ? ["Brands"] : paths, io: io)
        var brand: Brand?
        if let brandID = arguments[Self.brand] {
            if let failure = run.reportUnusableInput(run.loaded.diagnostics, io: io) { return failure }
            guard let found = run.loaded.workspace.brand(id: brandID) else {
                let known = run.loaded.workspace.brands.map(\.id)
                io.writeError("error: unknown brand '\(brandID)'\(DidYouMean.hint(for: brandID, in: known)); brands found: \(known.joined(separator: ", "))\n")
                return .unusableInput
            }
            brand = found
        }
        let text = FileSchema.schema(for: kind, brand: brand).rendered()
        return run.emit(text, output: arguments[Self.output], io: io) ?? .success
    }
}
