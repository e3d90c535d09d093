// swift-tools-version: 6.1
import PackageDescription

// Layers, imports only downward:
//   TraceModel <- TraceFormats, TraceQuery, TraceAnalysis <- TraceStore <- TraceWorkspace
//   <- ExplorerUI (over TerminalCore) <- trex (wires NcursesBackend in)
let package = Package(
    name: "trex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "trex", targets: ["trex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // MARK: - Data
        .target(name: "TraceModel"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OTLP's protobuf messages (for the OTLP receiver), generated from Sources/OTLPProto/proto
        // by scripts/gen-proto; the generated Swift is committed, so builds never need protoc.
        .target(name: "OTLPProto", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
                exclude: ["proto"]),
        .target(name: "TraceFormats", dependencies: [
            "TraceModel", "CZlib", "OTLPProto", .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        ]),
        // RE2 (Debian's libre2-dev) behind a C interface, so regexes match in linear time.
        .target(name: "CRE2", linkerSettings: [.linkedLibrary("re2")]),
        .target(name: "TraceQuery", dependencies: ["TraceModel", "CRE2"]),
        .target(name: "TraceAnalysis", dependencies: ["TraceModel"]),
        .target(name: "TraceStore", dependencies: [
            "TraceModel", "TraceFormats", "TraceQuery",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // OTLP received over HTTP (SwiftNIO) into the store.
        .target(name: "TraceReceiver", dependencies: [
            "TraceModel", "TraceFormats", "TraceStore", "OTLPProto",
            .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),

        // The open sources composed: listing, lookup, query, analysis and whole-set work.
        .target(name: "TraceWorkspace", dependencies: ["TraceModel", "TraceQuery", "TraceAnalysis", "TraceStore"]),

        // MARK: - Terminal
        .target(name: "TerminalCore"),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CTerminalGuard"),
        .target(name: "NcursesBackend", dependencies: ["TerminalCore", "CNcursesw", "CTerminalGuard"]),
        .target(name: "ExplorerUI", dependencies: [
            "TerminalCore", "TraceModel", "TraceFormats", "TraceQuery", "TraceAnalysis", "TraceStore", "TraceWorkspace",
        ]),

        // MARK: - Executables
        .executableTarget(name: "trex", dependencies: [
            "TraceModel", "TraceFormats", "TraceQuery", "TraceAnalysis", "TraceStore", "TraceWorkspace",
            "TerminalCore", "NcursesBackend", "ExplorerUI", "TraceReceiver",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),   // ~/.config/trex/config.toml
        ]),
        .executableTarget(name: "trex-terminal-demo", dependencies: ["TerminalCore", "NcursesBackend"]),
        .executableTarget(name: "trex-bench", dependencies: [
            "TraceModel", "TraceFormats", "TraceQuery", "TraceAnalysis", "TraceStore", "TraceWorkspace",
            "TerminalCore", "ExplorerUI",
            "TestSupport",   // SyntheticTraces, the store benchmark's generator
        ], path: "Benchmarks/trex-bench"),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["TraceModel", "CZlib"], path: "Tests/TestSupport"),
        .target(name: "TerminalTestSupport", path: "Tests/TerminalTestSupport"),
        .testTarget(name: "TraceModelTests", dependencies: ["TraceModel", "TestSupport"]),
        .testTarget(name: "TraceFormatsTests", dependencies: ["TraceFormats", "TestSupport", "OTLPProto"]),
        .testTarget(name: "OTLPProtoTests", dependencies: ["OTLPProto"]),
        .testTarget(name: "TraceReceiverTests", dependencies: ["TraceReceiver", "TraceStore", "OTLPProto", "TestSupport"]),
        .testTarget(name: "TraceQueryTests", dependencies: ["TraceQuery", "TestSupport"]),
        .testTarget(name: "TraceAnalysisTests", dependencies: ["TraceAnalysis", "TestSupport"]),
        .testTarget(name: "TraceStoreTests", dependencies: ["TraceStore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TraceWorkspaceTests", dependencies: ["TraceWorkspace", "TraceStore", "TestSupport"]),
        .testTarget(name: "TerminalCoreTests", dependencies: ["TerminalCore"]),
        .testTarget(name: "NcursesBackendTests", dependencies: [
            "NcursesBackend", "TerminalCore", "CNcursesw", "trex-terminal-demo", "TerminalTestSupport",
        ]),
        .testTarget(name: "ExplorerUITests", dependencies: ["ExplorerUI", "TraceWorkspace", "TestSupport"]),
        .testTarget(name: "trexTests", dependencies: [
            "TestSupport", "TerminalTestSupport", "trex",
            // The agreement test draws the explorer in memory and compares it with `trex analyze`.
            "ExplorerUI", "TerminalCore", "TraceModel", "TraceStore", "TraceWorkspace",
        ]),
    ],
    cxxLanguageStandard: .cxx17
)

// Fuzzing (docs/fuzzing.md): `scripts/fuzz` sets TREX_FUZZ=1 and builds this target alone, with
// libFuzzer and the address sanitizer, in its own scratch path. A normal build never sees it.
if Context.environment["TREX_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "trex-fuzz", dependencies: [
        "TraceModel", "TraceFormats", "TraceQuery", "TraceStore", "ExplorerUI",
    ], path: "Fuzz"))
}
