import Foundation
import ThroughlineCLI

// Before any file is written: an interrupted run removes its temporary files.
Interruption.removeTemporaryFilesOnSignals()
exit(await Throughline.run(Array(CommandLine.arguments.dropFirst()), io: .process))
