import Foundation
import ThroughlineCLI

exit(await Throughline.run(Array(CommandLine.arguments.dropFirst()), io: .process))
