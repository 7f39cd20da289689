// swift-tools-version:5.4
// libFuzzer targets for Throughline. Build and run with ./run.sh; see README.md.
//
// A separate package on purpose: `-sanitize=fuzzer` cannot link an executable
// of the main package (SwiftPM renames `main` for executables that tests
// import), and the main package keeps no dependency on this one.

import PackageDescription

let package = Package(
    name: "FuzzTesting",
    dependencies: [
        .package(name: "Throughline", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "ThroughlineKit", package: "Throughline")],
            path: "Sources/FuzzSupport"
        ),
        // One executable per fuzzer: a main.swift whose real entry point is
        // `LLVMFuzzerTestOneInput`; libFuzzer provides `main`. Tools version
        // 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's `main`
        // (so that tests can import it) and the fuzzer no longer links.
        .executableTarget(
            name: "FuzzJSONC",
            dependencies: ["FuzzSupport", .product(name: "ThroughlineKit", package: "Throughline")]
        ),
        .executableTarget(
            name: "FuzzLoader",
            dependencies: ["FuzzSupport", .product(name: "ThroughlineKit", package: "Throughline")]
        ),
        .executableTarget(
            name: "FuzzExports",
            dependencies: ["FuzzSupport", .product(name: "ThroughlineKit", package: "Throughline")]
        ),
    ]
)
