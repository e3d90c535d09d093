import Foundation
import OTLPProto
import Testing
import TestSupport
import TraceModel
@testable import TraceFormats

/// OTLP protobuf requests, as the receiver gets them: every field the model holds survives
/// (the JSON fixture with every field, written as protobuf, decodes to the same spans), and
/// bad spans and bad bytes are counted and refused as the JSON decoder does.
@Suite struct OTLPProtobufDecoderTests {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest

    /// A table written as a protobuf request (the test's own encoder, one ResourceSpans per span).
    static func request(_ t: SpanTable) -> Request {
        func keyValues(_ range: ElementRange) -> [Opentelemetry_Proto_Common_V1_KeyValue] {
            t.keyValues(range).map { kv in .with { $0.key = kv.key; $0.value = anyValue(kv.value) } }
        }
        func anyValue(_ v: AttributeValue) -> Opentelemetry_Proto_Common_V1_AnyValue {
            .with {
                switch v {
                case .string(let s): $0.stringValue = s
                case .bool(let b): $0.boolValue = b
                case .int(let i): $0.intValue = i
                case .double(let d): $0.doubleValue = d
                case .bytes(let b): $0.bytesValue = Data(b)
                case .array(let items): $0.arrayValue = .with { $0.values = items.map(anyValue) }
                case .keyValueList(let pairs):
                    $0.kvlistValue = .with { $0.values = pairs.map { kv in .with { $0.key = kv.key; $0.value = anyValue(kv.value) } } }
                case .empty: break
                }
            }
        }
        func bytes<T: Sequence<UInt8>>(_ s: T) -> Data { Data(s) }
        return .with { request in
            request.resourceSpans = t.spans.map { span in
                let resource = t.resources[Int(span.resource)]
                let scope = t.scope(of: span)
                return .with { rs in
                    rs.resource = .with { $0.attributes = keyValues(resource.attributes); $0.droppedAttributesCount = resource.droppedAttributesCount }
                    rs.schemaURL = t.strings[resource.schemaURL]
                    rs.scopeSpans = [.with { ss in
                        ss.scope = .with {
                            $0.name = t.strings[scope.name]; $0.version = t.strings[scope.version]
                            $0.attributes = keyValues(scope.attributes); $0.droppedAttributesCount = scope.droppedAttributesCount
                        }
                        ss.schemaURL = t.strings[scope.schemaURL]
                        ss.spans = [.with { s in
                            s.traceID = bytes(span.traceID.bytes)
                            s.spanID = bytes(span.spanID.bytes)
                            if span.parentSpanID.isValid { s.parentSpanID = bytes(span.parentSpanID.bytes) }
                            s.name = t.strings[span.name]
                            s.kind = .init(rawValue: Int(span.kind.rawValue)) ?? .unspecified
                            s.startTimeUnixNano = UInt64(span.start.unixNanos)
                            s.endTimeUnixNano = UInt64(span.end.unixNanos)
                            s.traceState = t.strings[span.traceState]
                            s.flags = span.flags
                            s.attributes = keyValues(span.attributes)
                            s.droppedAttributesCount = span.droppedAttributesCount
                            s.droppedEventsCount = span.droppedEventsCount
                            s.droppedLinksCount = span.droppedLinksCount
                            s.events = t.events(of: span).map { e in .with {
                                $0.timeUnixNano = UInt64(e.time.unixNanos); $0.name = t.strings[e.name]
                                $0.attributes = keyValues(e.attributes); $0.droppedAttributesCount = e.droppedAttributesCount
                            } }
                            s.links = t.links(of: span).map { l in .with {
                                $0.traceID = bytes(l.traceID.bytes); $0.spanID = bytes(l.spanID.bytes)
                                $0.traceState = t.strings[l.traceState]; $0.attributes = keyValues(l.attributes)
                                $0.droppedAttributesCount = l.droppedAttributesCount; $0.flags = l.flags
                            } }
                            s.status = .with {
                                $0.code = .init(rawValue: Int(span.status.rawValue)) ?? .unset
                                $0.message = t.strings[span.statusMessage]
                            }
                        }]
                    }]
                }
            }
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> (SpanTable, DecodeReport) {
        var b = SpanTableBuilder()
        let report = try OTLPProtobufDecoder.decode(bytes, source: "request", into: &b)
        return (b.finish(), report)
    }

    @Test func everyFieldOfTheJSONFixtureSurvivesAsProtobuf() throws {
        let json = try Decode.table(OTLPFixture.full).table
        let bytes: [UInt8] = try Self.request(json).serializedBytes()
        let (table, report) = try Self.decode(bytes)
        #expect(report.format == .otlpProtobuf)
        #expect(report.spansSkipped == 0)
        #expect(report.spansDecoded == json.spans.count)
        #expect(table.snapshots == json.snapshots)
    }

    @Test func spansWithoutValidIDsAreCountedAsRejected() throws {
        let json = try Decode.table(OTLPFixture.full).table
        var request = Self.request(json)
        request.resourceSpans[0].scopeSpans[0].spans[0].traceID = Data(repeating: 0, count: 16)
        request.resourceSpans[1].scopeSpans[0].spans[0].spanID = Data()
        request.resourceSpans[2].scopeSpans[0].spans[0].traceID = Data([1, 2, 3])
        let (table, report) = try Self.decode(try request.serializedBytes())
        #expect(report.spansSkipped == 3)
        #expect(table.spans.count == json.spans.count - 3)
        #expect(report.warnings.map(\.message).contains("skipped 1 span: a span without a span id"), "\(report.warnings)")
    }

    @Test func bytesThatAreNoMessageAreRefused() {
        #expect(throws: DecodeFailure.self) { _ = try Self.decode([0xFF, 0xFF, 0xFF, 0x0F]) }
        var b = SpanTableBuilder()
        #expect((try? OTLPProtobufDecoder.decode([UInt8](), source: "empty", into: &b))?.spansDecoded == 0)
    }

    @Test func timesThatCannotBeRealAreNoted() throws {
        let json = try Decode.table(OTLPFixture.full).table
        var request = Self.request(json)
        request.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano = 5
        let (_, report) = try Self.decode(try request.serializedBytes())
        #expect(report.warnings.contains { $0.isImplausibleTime && $0.message.contains("before 1980") }, "\(report.warnings)")
    }
}

extension OTLPProtobufDecoderTests {
    @Test func gzipCompressedRequestsAreInflatedFirst() throws {
        let json = try Decode.table(OTLPFixture.full).table
        let bytes: [UInt8] = try Self.request(json).serializedBytes()
        let (table, report) = try Self.decode(Gzip.compress(bytes))
        #expect(report.gzipped)
        #expect(table.snapshots == json.snapshots)
        var b = SpanTableBuilder()
        #expect(throws: DecodeFailure.self) {
            _ = try OTLPProtobufDecoder.decode(Gzip.compress(bytes), source: "bomb", into: &b,
                                               limits: DecodeLimits(maxInflatedBytes: 10))
        }
    }
}
