import Foundation
import Testing
import TraceModel
@testable import TraceAnalysis

/// Jaeger UI's own critical-path cases (../shared/conformance/critical-path), converted to
/// Jaeger JSON: every case must give exactly the sections Jaeger UI gives.
@Suite(.enabled(if: ConformanceFiles.isAvailable, "needs ../shared/conformance (the shared Jaeger cases)"))
struct CriticalPathConformanceTests {
    struct Expected: Equatable, CustomStringConvertible {
        var spanID: String
        var start: Int64
        var end: Int64
        var description: String { "\(spanID)[\(start % 1_000_000),\(end % 1_000_000)]" }
    }

    static let cases = (1...9).map { "test\($0)" }

    @Test(arguments: cases)
    func matchesJaegerUI(_ name: String) throws {
        let table = try JaegerConformanceReader.table("critical-path/\(name).jaeger.json")
        let expectedJSON = try #require(try ConformanceFiles.json("critical-path/\(name).expected.json") as? [String: Any])
        let expected = try #require(expectedJSON["criticalPath"] as? [[String: Any]]).map {
            Expected(spanID: $0["spanID"] as? String ?? "",
                     start: ($0["sectionStart"] as? NSNumber)?.int64Value ?? -1,
                     end: ($0["sectionEnd"] as? NSNumber)?.int64Value ?? -1)
        }
        let trace = table.trace(at: 0)
        for compatibility in [CriticalPath.Compatibility.trex, .jaegerUI] {
            let path = CriticalPath(trace, compatibility: compatibility)
            // Jaeger UI emits the sections latest first; trex in time order.
            let actual = path.sections.reversed().map {
                Expected(spanID: trace[$0.span].spanID.hex, start: $0.start.unixNanos / 1000, end: $0.end.unixNanos / 1000)
            }
            #expect(actual == expected, "\(name) (\(compatibility))")
        }
    }

    @Test func everyCaseFileIsCovered() {
        #expect(ConformanceFiles.names(in: "critical-path", suffix: ".jaeger.json").count == Self.cases.count)
    }
}
