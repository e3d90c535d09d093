import Foundation
import TraceModel

/// A test-only reader for the Jaeger JSON of the conformance cases (the real decoders live in
/// TraceFormats): exactly what those files contain, mapped into a `SpanTable`.
///
/// `{"data":[{traceID, spans:[{traceID, spanID, operationName, references, startTime,
/// duration, tags, logs, processID}], processes:{id:{serviceName, tags}}}]}`; times in
/// microseconds. The first reference is the parent (FOLLOWS_FROM sets `.followsFrom`); the
/// `span.kind` tag sets the kind and `error=true` the status; process tags become resource
/// attributes (typed: string, int64, float64, bool, binary as base64).
enum JaegerConformanceReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func table(_ relative: String) throws -> SpanTable {
        guard let root = try ConformanceFiles.json(relative) as? [String: Any],
              let data = root["data"] as? [[String: Any]] else { throw Failure(description: "\(relative): no data") }
        var builder = SpanTableBuilder()
        for trace in data {
            let processes = trace["processes"] as? [String: [String: Any]] ?? [:]
            var resourceOf: [String: UInt32] = [:]
            for (key, process) in processes.sorted(by: { $0.key < $1.key }) {
                var pairs = [KeyValue("service.name", .string(process["serviceName"] as? String ?? ""))]
                pairs += try (process["tags"] as? [[String: Any]] ?? []).map(keyValue)
                resourceOf[key] = builder.addResource(attributes: builder.appendAttributes(pairs))
            }
            for span in trace["spans"] as? [[String: Any]] ?? [] {
                try append(span, resources: resourceOf, to: &builder)
            }
        }
        return builder.finish()
    }

    private static func append(_ span: [String: Any], resources: [String: UInt32],
                               to builder: inout SpanTableBuilder) throws {
        guard let traceHex = span["traceID"] as? String, let traceID = TraceID(hex: traceHex),
              let spanHex = span["spanID"] as? String, let spanID = SpanID(hex: spanHex),
              let start = (span["startTime"] as? NSNumber)?.int64Value,
              let duration = (span["duration"] as? NSNumber)?.int64Value
        else { throw Failure(description: "span without ids or times: \(span)") }
        var parent = SpanID.zero
        var markers: SpanMarkers = []
        if let first = (span["references"] as? [[String: Any]])?.first,
           let hex = first["spanID"] as? String, let id = SpanID(hex: hex) {
            parent = id
            if first["refType"] as? String == "FOLLOWS_FROM" { markers.insert(.followsFrom) }
        }
        var kind = SpanKind.unspecified
        var status = StatusCode.unset
        let tagMark = builder.attributeMark
        for tag in try (span["tags"] as? [[String: Any]] ?? []).map(keyValue) {
            if tag.key == "span.kind", case .string(let s) = tag.value, let k = SpanKind(name: s) {
                kind = k
            } else if tag.key == "error", tag.value == .bool(true) || tag.value == .string("true") {
                status = .error
            } else {
                builder.append(key: builder.intern(tag.key), value: tag.value)
            }
        }
        let attributes = builder.attributes(since: tagMark)
        let eventMark = builder.eventMark
        for log in span["logs"] as? [[String: Any]] ?? [] {
            guard let t = (log["timestamp"] as? NSNumber)?.int64Value else { continue }
            let fieldMark = builder.attributeMark
            for field in try (log["fields"] as? [[String: Any]] ?? []).map(keyValue) {
                builder.append(key: builder.intern(field.key), value: field.value)
            }
            builder.append(SpanEvent(time: .microseconds(t), name: .empty, attributes: builder.attributes(since: fieldMark)))
        }
        let events = builder.events(since: eventMark)
        let processID = span["processID"] as? String ?? ""
        builder.append(Span(
            traceID: traceID, spanID: spanID, parentSpanID: parent,
            name: builder.intern(span["operationName"] as? String ?? ""), kind: kind,
            start: .microseconds(start), end: .microseconds(start + duration),
            resource: resources[processID] ?? 0, status: status,
            attributes: attributes, events: events, markers: markers))
    }

    /// A Jaeger typed tag as a key and value.
    static func keyValue(_ tag: [String: Any]) throws -> KeyValue {
        guard let key = tag["key"] as? String else { throw Failure(description: "tag without key: \(tag)") }
        let type = (tag["type"] as? String ?? "string").lowercased()
        let raw = tag["value"]
        switch type {
        case "string": return KeyValue(key, .string(raw as? String ?? ""))
        case "bool": return KeyValue(key, .bool((raw as? Bool) ?? ((raw as? String) == "true")))
        case "int64": return KeyValue(key, .int((raw as? NSNumber)?.int64Value ?? Int64(raw as? String ?? "") ?? 0))
        case "float64": return KeyValue(key, .double((raw as? NSNumber)?.doubleValue ?? 0))
        case "binary":
            guard let text = raw as? String, let data = Data(base64Encoded: text) else {
                throw Failure(description: "binary tag that is not base64: \(tag)")
            }
            return KeyValue(key, .bytes(Array(data)))
        default: throw Failure(description: "unknown tag type \(type)")
        }
    }

    /// An OTLP/JSON AnyValue (for the host-key cases' resource attributes).
    static func otlpValue(_ any: [String: Any]) -> AttributeValue {
        if let s = any["stringValue"] as? String { return .string(s) }
        if let b = any["boolValue"] as? Bool { return .bool(b) }
        if let i = any["intValue"] { return .int((i as? NSNumber)?.int64Value ?? Int64(i as? String ?? "") ?? 0) }
        if let d = any["doubleValue"] as? NSNumber { return .double(d.doubleValue) }
        if let array = any["arrayValue"] as? [String: Any] {
            return .array((array["values"] as? [[String: Any]] ?? []).map(otlpValue))
        }
        return .empty
    }
}
