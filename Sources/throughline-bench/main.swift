import Foundation
import LogGenerator

// throughline-bench: generates realistic workspaces and times Throughline's
// reader, loader, checker and audit against Foundation's JSON parser.

let exitCode: Int32
do throws(ArgumentError) {
    switch try BenchArguments.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(BenchArguments.usage, terminator: "")
        exitCode = 0
    case .generate(let profile, let seed, let output):
        exitCode = await Commands.generate(profile, seed: seed, output: output)
    case .run(let journeys, let scales, let repeats, let seed):
        exitCode = await Commands.run(journeys: journeys, scales: scales, repeats: repeats, seed: seed)
    case .runFiles(let folder, let repeats):
        exitCode = await Commands.runFiles(folder: folder, repeats: repeats)
    case .profile(let source, let step, let repeats):
        exitCode = await Commands.profile(source: source, step: step, repeats: repeats)
    case .generateExport(let events, let seed, let output):
        exitCode = ExportCommands.generate(events: events, seed: seed, output: output)
    case .generateLog(let events, let seed, let order, let output):
        exitCode = ExportCommands.generateLog(LivedLogGenerator(events: events, seed: seed, order: order), output: output)
    case .readExport(let file, let repeats, let chunkSize):
        exitCode = ExportCommands.read(file: file, repeats: repeats, chunkSize: chunkSize)
    }
} catch {
    Commands.printError("error: \(error.description)\n\n\(BenchArguments.usage)")
    exitCode = 2
}
exit(exitCode)
