import Foundation
import Testing
import TraceModel
@testable import TraceFormats

@Suite struct RoundTripTests {
    /// Decodes, encodes, decodes again; returns both tables and the encoded bytes.
    private func roundTrip(_ bytes: [UInt8], pretty: Bool = false) throws -> (SpanTable, SpanTable, [UInt8]) {
        let first = try Decode.table(bytes).table
        let encoded = OTLPJSONEncoder.encode(first, pretty: pretty)
        let (second, report) = try Decode.table(encoded)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(report.format == .otlpJSON)
        return (first, second, encoded)
    }

    @Test func theFixtureWithEveryFieldSurvivesOTLPModelOTLPModel() throws {
        let (first, second, encoded) = try roundTrip(Array(OTLPFixture.full.utf8))
        #expect(first.spans.count == 3)
        #expect(first.snapshots == second.snapshots)
        #expect(OTLPJSONEncoder.encode(second) == encoded)
    }

    @Test func prettyOutputIsIndentedAndDecodesTheSame() throws {
        let (first, second, encoded) = try roundTrip(Array(OTLPFixture.full.utf8), pretty: true)
        #expect(first.snapshots == second.snapshots)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"resourceSpans\": [\n    {\n      \"resource\": {"))
        #expect(text.contains("\"status\": {\n"))
        #expect(text.contains("\"value\": {}"))
    }

    @Test func theEncodingFollowsTheProto3JSONMapping() throws {
        let text = String(decoding: OTLPJSONEncoder.encode(try Decode.table(OTLPFixture.full).table), as: UTF8.self)
        #expect(text.contains(#""traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331""#))
        #expect(text.contains(#""startTimeUnixNano":"1700000000000000000""#))
        #expect(text.contains(#""kind":2"#))
        #expect(text.contains(#""status":{"message":"card declined","code":2}"#))
        #expect(text.contains(#"{"key":"http.status_code","value":{"intValue":"402"}}"#))
        #expect(text.contains(#"{"key":"blob","value":{"bytesValue":"AAEC/w=="}}"#))
        #expect(text.contains(#"{"key":"escaped","value":{"stringValue":"café \"q\" \\ \n"}}"#))
        #expect(text.contains(#""flags":769"#))
        #expect(!text.contains("droppedEventsCount\":0"))
    }

    @Test func aSubsetOfTracesCanBeEncoded() throws {
        let table = try Decode.table(OTLPFixture.full).table
        let index = try #require(table.traceIndex(of: TraceID(hex: OTLPFixture.traceB)!))
        let (only, _) = try Decode.table(OTLPJSONEncoder.encode(table, traces: [index]))
        #expect(only.traces.map(\.traceID) == [TraceID(hex: OTLPFixture.traceB)!])
        #expect(only.spans.count == 1)
        let (none, _) = try Decode.table(OTLPJSONEncoder.encode(table, traces: [99]))
        #expect(none.spans.isEmpty)
    }

    @Test func specialDoublesAndControlCharactersSurvive() throws {
        let json = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01","spanId":"01","name":"tab\there\u0001","attributes":[{"key":"nan","value":{"doubleValue":"NaN"}},{"key":"inf","value":{"doubleValue":"-Infinity"}},{"key":"tiny","value":{"doubleValue":5e-324}}]}]}]}]}"#
        let (first, second, _) = try roundTrip(Array(json.utf8))
        #expect(second.name(of: second.spans[0]) == "tab\there\u{1}")
        let values = second.pairs(of: second.spans[0]).map(\.value)
        guard case .double(let nan) = values[0], case .double(let inf) = values[1], case .double(let tiny) = values[2] else {
            Issue.record("not doubles: \(values)")
            return
        }
        #expect(nan.isNaN)
        #expect(inf == -.infinity)
        #expect(tiny == 5e-324)
        #expect(first.spans.count == second.spans.count)
    }

    @Test func jaegerFollowsFromAndLinksSurviveConversionToOTLP() throws {
        let (first, second, _) = try roundTrip(Array(JaegerDecoderTests.document.utf8))
        #expect(first.spans.contains { $0.markers.contains(.followsFrom) })
        #expect(first.snapshots == second.snapshots)
    }

    @Test func zipkinSharedSpansConvertWithTheirDerivedIDs() throws {
        let (first, second, _) = try roundTrip(Array(ZipkinDecoderTests.shared.utf8))
        // Converted to OTLP, the spans are no longer Zipkin's: neither half of a shared span nor
        // string-valued tags (the OTLP copy says each value's type) are marked on reading it back.
        let zipkinBits = SpanMarkers.sharedServerHalf.rawValue | SpanMarkers.stringValuedTags.rawValue
        #expect(first.snapshots.map { var s = $0; s.markers &= ~zipkinBits; return s } == second.snapshots)
    }

    @Test(.enabled(if: Paths.sharedSamplesExist, "../shared/samples is absent: skipping the round trip of the shared OTLP samples"))
    func sharedOTLPSamplesRoundTrip() throws {
        var checked = 0
        for name in Paths.files(under: Paths.sharedSamples.appendingPathComponent("otlp")) {
            let bytes = try Paths.read(Paths.sharedSamples.appendingPathComponent("otlp").appendingPathComponent(name))
            let (first, second, _) = try roundTrip(bytes)
            #expect(first.snapshots == second.snapshots, "\(name)")
            checked += 1
        }
        #expect(checked >= 30)
    }

    @Test func docsOTLPSamplesRoundTrip() throws {
        var checked = 0
        for folder in ["otlp", "otlp-jsonl"] {
            let dir = Paths.docsSamples.appendingPathComponent(folder)
            for name in Paths.files(under: dir) {
                let (first, second, _) = try roundTrip(try Paths.read(dir.appendingPathComponent(name)))
                #expect(first.snapshots == second.snapshots, "\(name)")
                checked += 1
            }
        }
        #expect(checked == 7)
    }
}
