// swift-tools-version: 6.0
// Throughline depends on the Swift toolchain alone: no `.package` dependencies.

import PackageDescription

/// `Double.rounded()` and friends live in libm, which Linux does not link by default.
let mathLibrary: [LinkerSetting] = [.linkedLibrary("m", .when(platforms: [.linux]))]

let package = Package(
    name: "Throughline",
    products: [
        .executable(name: "throughline", targets: ["throughline"]),
        .executable(name: "throughline-bench", targets: ["throughline-bench"]),
        .library(name: "ThroughlineKit", targets: ["ThroughlineKit", "JourneyAuthoring", "JourneyReporters"]),
    ],
    targets: [
        // reader → loader → model → checker → audit → reporters, then the command line.
        // General libraries the steps use: JSON in and out, text patterns, ordered parallel work.
        .target(name: "JSONCReader", linkerSettings: mathLibrary),
        .target(name: "JSONWriter"),
        .target(name: "TextPattern"),
        .target(name: "OrderedTasks"),
        // Exports replayed against journeys: CSV, JSON Lines and XES read in chunks; timestamps and values.
        .target(name: "EventExports"),
        .target(name: "JourneyModel", dependencies: ["TextPattern", "EventExports"], linkerSettings: mathLibrary),
        .target(name: "JourneyLoader", dependencies: ["JSONCReader", "JourneyModel", "OrderedTasks", "EventExports"]),
        // For authors: JSON Schemas for editors, spreadsheet inventories into journey files.
        .target(name: "JourneyAuthoring", dependencies: ["JSONCReader", "JSONWriter", "JourneyModel", "JourneyLoader", "EventExports"]),
        .target(name: "CharterChecker", dependencies: ["JourneyModel", "OrderedTasks"]),
        .target(name: "CharterAudit", dependencies: ["JSONCReader", "JourneyModel", "CharterChecker"]),
        // Lived journeys: exports → cases matched to their planned journey → the same checker.
        .target(name: "LivedCases", dependencies: ["EventExports", "JourneyModel", "CharterChecker", "OrderedTasks"]),
        .target(name: "LivedReport", dependencies: ["JourneyModel", "CharterChecker", "LivedCases"]),
        // The end-of-period review: computable KPIs, forecasts and the charter over a period, on the same cases.
        .target(name: "PeriodReview", dependencies: ["JourneyModel", "CharterChecker", "LivedCases", "EventExports"]),
        // The same conformance as SQL, for warehouses: DuckDB, Spark, ANSI.
        .target(name: "ConformanceSQL", dependencies: ["JourneyModel", "CharterChecker", "LivedCases", "EventExports"]),
        .target(name: "JourneyReporters", dependencies: ["JourneyModel", "CharterChecker", "CharterAudit", "JSONWriter", "EventExports", "LivedCases", "LivedReport", "PeriodReview"]),
        // Throughline as a library: load, check, audit; the command line is a client.
        .target(name: "ThroughlineKit", dependencies: ["JourneyModel", "JourneyLoader", "CharterChecker", "CharterAudit", "LivedCases", "LivedReport", "PeriodReview"]),
        .target(
            name: "ThroughlineCLI",
            dependencies: [
                "JSONCReader", "JSONWriter", "JourneyModel", "JourneyLoader", "JourneyAuthoring", "CharterChecker", "CharterAudit",
                "JourneyReporters", "OrderedTasks", "ThroughlineKit", "LivedCases", "LivedReport", "ConformanceSQL", "PeriodReview",
            ]
        ),
        .executableTarget(name: "throughline", dependencies: ["ThroughlineCLI"]),
        // Writes the generated lists of marker kinds from the rule files.
        .target(name: "MarkerKindGenerator"),
        .executableTarget(name: "generate-marker-kinds", dependencies: ["MarkerKindGenerator"]),
        // The benchmark's view of the C allocator: how much heap each step's results hold.
        .target(name: "HeapProbe"),
        // Seeded exports of lived journeys with their ground truth, for the benchmark and the tests.
        .target(name: "LogGenerator"),
        .executableTarget(
            name: "throughline-bench",
            dependencies: [
                "JSONCReader", "JourneyModel", "JourneyLoader", "CharterChecker", "CharterAudit", "ThroughlineCLI", "HeapProbe", "EventExports",
                "LogGenerator",
            ]
        ),

        .testTarget(name: "JSONCReaderTests", dependencies: ["JSONCReader"]),
        .testTarget(name: "JSONWriterTests", dependencies: ["JSONWriter"]),
        .testTarget(name: "EventExportsTests", dependencies: ["EventExports"]),
        .testTarget(name: "TextPatternTests", dependencies: ["TextPattern"]),
        .testTarget(name: "JourneyModelTests", dependencies: ["JourneyModel", "MarkerKindGenerator"]),
        .testTarget(name: "JourneyLoaderTests", dependencies: ["JourneyLoader", "JSONCReader", "JourneyModel", "EventExports"], exclude: ["Fixtures"]),
        .testTarget(name: "CharterCheckerTests", dependencies: ["CharterChecker", "JourneyLoader", "JourneyModel"]),
        .testTarget(name: "LivedCasesTests", dependencies: ["LivedCases", "LivedReport", "CharterChecker", "JourneyLoader", "JourneyModel", "EventExports", "OrderedTasks"]),
        .testTarget(name: "ConformanceSQLTests", dependencies: ["ConformanceSQL", "JourneyLoader", "JourneyModel", "LivedCases"]),
        .testTarget(name: "PeriodReviewTests", dependencies: ["PeriodReview", "LivedCases", "JourneyLoader", "JourneyModel", "EventExports"]),
        .testTarget(name: "CharterAuditTests", dependencies: ["CharterAudit", "CharterChecker", "JourneyLoader", "JourneyModel"]),
        .testTarget(name: "JourneyReportersTests", dependencies: ["JourneyReporters", "LivedReport", "CharterAudit", "CharterChecker", "JourneyLoader", "JourneyModel"]),
        .testTarget(name: "ThroughlineKitTests", dependencies: ["ThroughlineKit", "JourneyReporters", "JourneyLoader", "CharterChecker", "JourneyModel", "LivedCases", "LivedReport"]),
        .testTarget(name: "ThroughlineCLITests", dependencies: ["ThroughlineCLI", "JourneyModel"]),
        .testTarget(name: "LogGeneratorTests", dependencies: ["LogGenerator", "ThroughlineKit", "LivedCases", "LivedReport", "JourneyLoader", "JourneyModel"]),
        .testTarget(name: "EndToEndTests", dependencies: ["throughline", "throughline-bench"], exclude: ["Golden"]),
    ]
)
