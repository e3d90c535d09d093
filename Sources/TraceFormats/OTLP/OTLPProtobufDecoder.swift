import Foundation
import OTLPProto
import SwiftProtobuf
import TraceModel

/// Decodes OTLP's protobuf `ExportTraceServiceRequest` (the body of OTLP/HTTP with
/// `application/x-protobuf`, the message of OTLP/gRPC) into a builder, with the rules of the
/// JSON decoder: a span without a valid trace id or span id is skipped and counted, times that
/// cannot be real are noted, and trex's follows-from link is read back as the relation.
///
/// SwiftProtobuf parses the message (its depth limit bounds nested values); the spans are then
/// copied into the builder, strings interned. O(message size).
public enum OTLPProtobufDecoder {
    /// The spans of a request appended to `builder`; the report's `spansSkipped` are the spans a
    /// receiver answers as rejected (OTLP's partial success).
    ///
    /// - Throws: `DecodeFailure.badProtobuf` when the bytes are not a request at all.
    ///   gzip-compressed bytes are inflated first (a protobuf message never starts with gzip's
    ///   magic 1f 8b: 0x1f would be field 3 with the invalid wire type 7), at most to
    ///   `limits.maxInflatedBytes`.
    public static func decode(_ bytes: [UInt8], source: String, into builder: inout SpanTableBuilder,
                              limits: DecodeLimits = .standard) throws(DecodeFailure) -> DecodeReport {
        var message = bytes
        var gzipped = false
        let inflated: Result<GzipInflater.Output, GzipError>? = bytes.withUnsafeBufferPointer { input in
            GzipInflater.isGzip(input) ? GzipInflater.inflate(input, limit: limits.maxInflatedBytes) : nil
        }
        switch inflated {
        case .success(let output)?:
            message = output.bytes
            gzipped = true
        case .failure(.tooLarge(let limit))?: throw .inflatesTooLarge(source: source, limit: limit)
        case .failure(.corrupt(let detail))?: throw .badGzip(source: source, detail: detail)
        case nil: break
        }
        let request: Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
        do {
            request = try .init(serializedBytes: message)
        } catch {
            throw .badProtobuf(source: source, detail: "\(error)")
        }
        var report = decode(request, source: source, into: &builder)
        report.gzipped = gzipped
        return report
    }

    /// The spans of an already parsed request (OTLP/gRPC's, which the gRPC library parses and
    /// inflates) appended to `builder`, with the same rules.
    public static func decode(_ request: Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest,
                              source: String, into builder: inout SpanTableBuilder) -> DecodeReport {
        var state = State(builder: &builder)
        for resourceSpans in request.resourceSpans { state.add(resourceSpans, &builder) }
        return state.report(source: source)
    }

    /// What one request has decoded so far.
    private struct State {
        let followsFrom: FollowsFromLink
        var decoded = 0
        var skipped: [SkipReason: Int] = [:]
        var times = TimeSanity()

        init(builder: inout SpanTableBuilder) {
            followsFrom = FollowsFromLink(builder: &builder)
        }

        mutating func add(_ rs: Opentelemetry_Proto_Trace_V1_ResourceSpans, _ b: inout SpanTableBuilder) {
            let attributes = Self.keyValues(rs.resource.attributes, &b)
            let resource = b.addResource(attributes: attributes, droppedAttributesCount: rs.resource.droppedAttributesCount,
                                         schemaURL: b.intern(rs.schemaURL))
            for ss in rs.scopeSpans {
                let scope = b.addScope(InstrumentationScope(
                    name: b.intern(ss.scope.name), version: b.intern(ss.scope.version),
                    attributes: Self.keyValues(ss.scope.attributes, &b),
                    droppedAttributesCount: ss.scope.droppedAttributesCount, schemaURL: b.intern(ss.schemaURL)))
                for span in ss.spans {
                    if var decoded = self.span(span, &b) {
                        decoded.resource = resource
                        decoded.scope = scope
                        b.append(decoded)
                        self.decoded += 1
                    }
                }
            }
        }

        /// One span, or nil (counted) when its ids are missing or invalid.
        private mutating func span(_ s: Opentelemetry_Proto_Trace_V1_Span, _ b: inout SpanTableBuilder) -> Span? {
            let reason: SkipReason? = s.traceID.isEmpty ? .missingTraceID
                : TraceID(bytes: s.traceID).map { $0.isValid ? nil : SkipReason.invalidTraceID } ?? .invalidTraceID
            let spanReason: SkipReason? = s.spanID.isEmpty ? .missingSpanID
                : SpanID(bytes: s.spanID).map { $0.isValid ? nil : SkipReason.invalidSpanID } ?? .invalidSpanID
            if let r = reason ?? spanReason {
                skipped[r, default: 0] += 1
                return nil
            }
            let traceID = TraceID(bytes: s.traceID)!
            let parent = s.parentSpanID.isEmpty ? SpanID.zero : SpanID(bytes: s.parentSpanID) ?? .zero
            let start = Self.time(s.startTimeUnixNano, &times)
            let end = Self.time(s.endTimeUnixNano, &times)
            times.check(start: start, end: end, at: decoded)
            let attributes = Self.keyValues(s.attributes, &b)
            let eventMark = b.eventMark
            for e in s.events {
                b.append(SpanEvent(time: Timestamp(unixNanos: Self.time(e.timeUnixNano, &times)), name: b.intern(e.name),
                                   attributes: Self.keyValues(e.attributes, &b),
                                   droppedAttributesCount: e.droppedAttributesCount))
            }
            let events = b.events(since: eventMark)
            let linkMark = b.linkMark
            for l in s.links {
                guard let id = TraceID(bytes: l.traceID), let spanID = SpanID(bytes: l.spanID) else { continue }
                b.append(SpanLink(traceID: id, spanID: spanID, traceState: b.intern(l.traceState),
                                  attributes: Self.keyValues(l.attributes, &b),
                                  droppedAttributesCount: l.droppedAttributesCount, flags: l.flags))
            }
            var links = b.links(since: linkMark)
            var markers: SpanMarkers = s.flags != 0 ? [.hasFlags] : []
            if followsFrom.matches(links, traceID: traceID, parent: parent, in: b) {
                markers.insert(.followsFrom)
                links = ElementRange(start: links.start + 1, count: links.count - 1)
            }
            return Span(traceID: traceID, spanID: SpanID(bytes: s.spanID)!, parentSpanID: parent, name: b.intern(s.name),
                        kind: SpanKind(rawValue: UInt8(clamping: s.kind.rawValue)) ?? .unspecified,
                        start: Timestamp(unixNanos: start), end: Timestamp(unixNanos: end),
                        status: StatusCode(rawValue: UInt8(clamping: s.status.code.rawValue)) ?? .unset,
                        statusMessage: b.intern(s.status.message), traceState: b.intern(s.traceState),
                        attributes: attributes, events: events, links: links,
                        droppedAttributesCount: s.droppedAttributesCount, droppedEventsCount: s.droppedEventsCount,
                        droppedLinksCount: s.droppedLinksCount, flags: s.flags, markers: markers)
        }

        /// A fixed64 time, held as the largest Int64 past it (noted).
        private static func time(_ value: UInt64, _ times: inout TimeSanity) -> Int64 {
            if value > UInt64(Int64.max) {
                times.note(.aboveInt64, at: 0)
                return .max
            }
            return Int64(value)
        }

        /// Key-values appended to the builder's attributes; their range.
        static func keyValues(_ list: [Opentelemetry_Proto_Common_V1_KeyValue], _ b: inout SpanTableBuilder) -> ElementRange {
            let mark = b.attributeMark
            for kv in list { b.append(key: b.intern(kv.key), value: value(kv.value, depth: 0)) }
            return b.attributes(since: mark)
        }

        /// An AnyValue as the model's value; nesting beyond 64 levels is cut to an empty value.
        static func value(_ v: Opentelemetry_Proto_Common_V1_AnyValue, depth: Int) -> AttributeValue {
            guard depth < 64, let kind = v.value else { return .empty }
            switch kind {
            case .stringValue(let s): return .string(s)
            case .boolValue(let x): return .bool(x)
            case .intValue(let i): return .int(i)
            case .doubleValue(let d): return .double(d)
            case .bytesValue(let data): return .bytes(Array(data))
            case .arrayValue(let a): return .array(a.values.map { value($0, depth: depth + 1) })
            case .kvlistValue(let l): return .keyValueList(l.values.map { KeyValue($0.key, value($0.value, depth: depth + 1)) })
            }
        }

        func report(source: String) -> DecodeReport {
            var warnings: [DecodeWarning] = []
            for (reason, n) in skipped.sorted(by: { $0.key.summary < $1.key.summary }) {
                warnings.append(DecodeWarning(source: source, message: "skipped \(n == 1 ? "1 span" : "\(n) spans"): "
                                              + reason.summary, skippedSpans: n))
            }
            for note in times.notes {
                warnings.append(DecodeWarning(source: source, message: note.message, isImplausibleTime: note.implausible))
            }
            return DecodeReport(format: .otlpProtobuf, spansDecoded: decoded, spansSkipped: skipped.values.reduce(0, +),
                                warnings: warnings)
        }
    }
}
