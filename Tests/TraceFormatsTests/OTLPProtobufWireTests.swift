import Foundation
import OTLPProto
import SwiftProtobuf
import Testing
import TestSupport
import TraceModel
@testable import TraceFormats

/// The purpose-built wire reader against what protobuf allows and forbids: fields in any order
/// and repeated fields interleaved decode as in order; unknown fields are skipped; malformed
/// framing (truncation, lengths past the end, varints over 64 bits, groups, wrong wire types) is
/// refused with where; deep nesting is cut, not recursed without end; bad UTF-8 never enters the
/// string table.
@Suite struct OTLPProtobufWireTests {
    typealias Request = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
    typealias ResourceSpans = Opentelemetry_Proto_Trace_V1_ResourceSpans
    typealias Span = Opentelemetry_Proto_Trace_V1_Span

    static func bytes(_ m: some SwiftProtobuf.Message) -> [UInt8] { (try? m.serializedBytes()) ?? [] }

    /// A length-delimited field: tag, length, bytes.
    static func field(_ number: Int, _ payload: [UInt8]) -> [UInt8] {
        varint(UInt64(number << 3 | 2)) + varint(UInt64(payload.count)) + payload
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value, out: [UInt8] = []
        repeat {
            out.append(UInt8(v & 0x7f) | (v >= 0x80 ? 0x80 : 0))
            v >>= 7
        } while v > 0
        return out
    }

    static let full = try! Decode.table(OTLPFixture.full).table

    @Test func fieldsInAnyOrderDecodeAsInOrder() throws {
        let request = OTLPProtobufDecoderTests.request(Self.full)
        let inOrder = try OTLPProtobufDecoderTests.decode(Self.bytes(request)).0
        // Every message's fields reversed: each ResourceSpans with its resource last, each span
        // with its attributes after its events and links, and so on down.
        let reversed = request.resourceSpans.map { rs -> [UInt8] in
            var rest = ResourceSpans()
            rest.resource = rs.resource
            rest.schemaURL = rs.schemaURL
            let scopeParts = rs.scopeSpans.map { ss -> [UInt8] in
                let spans = ss.spans.map { span -> [UInt8] in
                    var tail = Span()
                    tail.attributes = span.attributes
                    tail.traceID = span.traceID
                    var head = span
                    head.attributes = []
                    head.traceID = Data()
                    return Self.bytes(head) + Self.bytes(tail)
                }
                var meta = ss
                meta.spans = []
                return spans.map { Self.field(2, $0) }.joined() + Self.bytes(meta)
            }
            return scopeParts.map { Self.field(2, $0) }.joined() + Self.bytes(rest)
        }
        let bytes = Array(reversed.map { Self.field(1, $0) }.joined())
        let outOfOrder = try OTLPProtobufDecoderTests.decode(bytes).0
        #expect(outOfOrder.snapshots == inOrder.snapshots)
        #expect(inOrder.snapshots == Self.full.snapshots)
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        let request = OTLPProtobufDecoderTests.request(Self.full)
        let unknown: [UInt8] = Self.varint(99 << 3 | 0) + [0x96, 0x01]   // varint 150
            + Self.varint(98 << 3 | 1) + [UInt8](repeating: 7, count: 8)   // fixed64
            + Self.varint(97 << 3 | 5) + [1, 2, 3, 4]                      // fixed32
            + Self.field(96, [1, 2, 3])                                     // bytes
        var withUnknown = request
        try withUnknown.resourceSpans[0].scopeSpans[0].spans[0].merge(serializedBytes: unknown)
        try withUnknown.merge(serializedBytes: unknown)
        let table = try OTLPProtobufDecoderTests.decode(Self.bytes(withUnknown)).0
        #expect(table.snapshots == Self.full.snapshots)
    }

    @Test(arguments: [
        ([0x0a, 0x05, 0x0a], "a length past the end"),
        ([0x0a], "a truncated varint"),
        ([0x0a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], "a varint over 64 bits"),
        ([0x2b], "a group"),
        ([0x0b], "field 1 with wire type 3"),
        ([0x08, 0x01], "field 1 with wire type 0"),
        ([0x00], "an invalid field tag"),
        ([0x0a, 0x02, 0x12, 0x09], "a length past the end"),
    ] as [([UInt8], String)])
    func malformedFramingIsRefusedWithWhere(bytes: [UInt8], why: String) {
        var b = SpanTableBuilder()
        do {
            _ = try OTLPProtobufDecoder.decode(bytes, source: "request", into: &b)
            Issue.record("accepted \(bytes)")
        } catch {
            #expect("\(error)".contains(why) && "\(error)".contains("at byte"), "\(error)")
        }
    }

    @Test func aTruncatedRequestIsRefusedWherEverItIsCut() throws {
        let bytes = Self.bytes(OTLPProtobufDecoderTests.request(Self.full))
        var refused = 0
        for cut in stride(from: 1, to: bytes.count, by: 7) {
            var b = SpanTableBuilder()
            if (try? OTLPProtobufDecoder.decode(Array(bytes[..<cut]), source: "cut", into: &b)) == nil { refused += 1 }
        }
        // A cut between two top-level ResourceSpans is a valid shorter request; inside one, never.
        #expect(refused > bytes.count / 7 * 9 / 10, "\(refused) of \(bytes.count / 7)")
    }

    @Test func nestingDeeperThanSixtyFourLevelsIsCutNotRecursed() throws {
        // AnyValue { array_value { values { array_value { ... "deep" } } } }, 10,000 levels.
        var value: [UInt8] = Self.field(1, Array("deep".utf8))
        for _ in 0..<10_000 { value = Self.field(5, Self.field(1, value)) }
        let keyValue = Self.field(1, Array("nested".utf8)) + Self.field(2, value)
        var span = Span()
        span.traceID = Data(repeating: 1, count: 16)
        span.spanID = Data(repeating: 2, count: 8)
        span.name = "deep"
        let spanBytes = Self.bytes(span) + Self.field(9, keyValue)
        let request = Self.field(1, Self.field(2, Self.field(2, spanBytes)))
        let table = try OTLPProtobufDecoderTests.decode(request).0
        #expect(table.spans.count == 1)
        var depth = 0
        var current = table.keyValues(table.spans[0].attributes).first?.value
        while case .array(let items)? = current { depth += 1; current = items.first }
        #expect(depth == 64)
        #expect(current == .empty)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var span = Span()
        span.traceID = Data(repeating: 1, count: 16)
        span.spanID = Data(repeating: 2, count: 8)
        var bytes = Self.bytes(span) + Self.field(5, [0x47, 0x45, 0x54, 0xff, 0xfe])   // name "GET\xff\xfe"
        bytes += Self.field(9, Self.field(1, Array("k".utf8)) + Self.field(2, Self.field(1, [0xc3, 0x28])))
        let request = Self.field(1, Self.field(2, Self.field(2, bytes)))
        let table = try OTLPProtobufDecoderTests.decode(request).0
        #expect(table.strings[table.spans[0].name] == "GET\u{FFFD}\u{FFFD}")
        #expect(table.keyValues(table.spans[0].attributes).first?.value == .string("\u{FFFD}("))
    }

    @Test func aLinkWithoutValidIdsIsDroppedWithItsAttributes() throws {
        var span = Span()
        span.traceID = Data(repeating: 1, count: 16)
        span.spanID = Data(repeating: 2, count: 8)
        span.links = [.with { $0.traceID = Data([1, 2]); $0.attributes = [.with { $0.key = "lost" }] },
                      .with { $0.traceID = Data(repeating: 3, count: 16); $0.spanID = Data(repeating: 4, count: 8) }]
        let request = Self.field(1, Self.field(2, Self.field(2, Self.bytes(span))))
        let table = try OTLPProtobufDecoderTests.decode(request).0
        #expect(table.spans[0].links.count == 1)
        #expect(table.attributes.isEmpty)
    }
}
