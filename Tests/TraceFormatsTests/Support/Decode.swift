import Foundation
import Testing
import TraceModel
@testable import TraceFormats

/// Decoding helpers for tests.
enum Decode {
    /// Decodes JSON text (or bytes) into a finished table; records an issue when it throws.
    static func table(_ json: String, source: String = "test.json",
                      keepingTimeNotes: Bool = false) throws -> (table: SpanTable, report: DecodeReport) {
        try table(Array(json.utf8), source: source, keepingTimeNotes: keepingTimeNotes)
    }

    /// The fixtures are written with times near the epoch, for legible numbers: the notes that
    /// such times cannot be real are left out of the report unless `keepingTimeNotes`
    /// (TimeSanityTests checks them).
    static func table(_ bytes: [UInt8], source: String = "test.json",
                      keepingTimeNotes: Bool = false) throws -> (table: SpanTable, report: DecodeReport) {
        var b = SpanTableBuilder()
        var report = try TraceDecoder.decode(bytes, source: source, into: &b)
        if !keepingTimeNotes { report.warnings.removeAll(where: \.isImplausibleTime) }
        return (b.finish(), report)
    }

    /// The failure a decode throws, or nil when it succeeds.
    static func failure(_ bytes: [UInt8]) -> DecodeFailure? {
        var b = SpanTableBuilder()
        do {
            _ = try TraceDecoder.decode(bytes, source: "test.json", into: &b)
            return nil
        } catch {
            return error
        }
    }
}

extension SpanTable {
    /// The span with a hex span id.
    func span(_ hex: String) -> Span? { spans.first { $0.spanID == SpanID(hex: hex) } }

    /// A string attribute (or other value) of a span, by key.
    func value(_ key: String, of span: Span) -> AttributeValue? { attribute(key, of: span) }

    /// The span's attributes as (key, value) pairs.
    func pairs(of span: Span) -> [KeyValue] { keyValues(span.attributes) }

    /// The span's resource attributes as pairs.
    func resourcePairs(of span: Span) -> [KeyValue] { keyValues(resources[Int(span.resource)].attributes) }
}

/// Where the shared samples and the docs samples are.
enum Paths {
    /// The package root, found from this file's path (Tests/TraceFormatsTests/Support/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared/samples` beside the package (present on the team's machines only).
    static let sharedSamples = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
    static let docsSamples = packageRoot.appendingPathComponent("docs/samples")

    static var sharedSamplesExist: Bool { FileManager.default.fileExists(atPath: sharedSamples.path) }

    /// Every file under a directory (recursively), sorted, as paths relative to it.
    static func files(under dir: URL, suffixes: [String] = [".json", ".jsonl", ".gz"]) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { p in suffixes.contains { p.hasSuffix($0) } }.sorted()
    }

    static func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
