import Foundation

/// Where the shared Jaeger conformance cases live: `../shared/conformance` beside the
/// repository (override with TREX_CONFORMANCE_DIR). Tests that need them are skipped, visibly,
/// when the directory is absent.
enum ConformanceFiles {
    static let directory: URL = {
        if let override = ProcessInfo.processInfo.environment["TREX_CONFORMANCE_DIR"] {
            return URL(fileURLWithPath: override)
        }
        // Tests/TraceAnalysisTests/Conformance/ConformanceFiles.swift -> repository root.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/conformance")
    }()

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("critical-path").path)
    }

    static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    static func json(_ relative: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relative)))
    }

    /// The file names in a case directory with a suffix, sorted.
    static func names(in folder: String, suffix: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return items.filter { $0.hasSuffix(suffix) }.sorted()
    }
}
