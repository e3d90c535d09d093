import TraceModel

/// Writes spans as OTLP JSON (`ExportTraceServiceRequest`, lowerCamelCase, hex ids, 64-bit
/// integers as strings), the lingua franca every other format converts to.
///
/// Follows the proto3 JSON mapping: fields holding their default value are left out, enums
/// are integers, 64-bit integers are strings, bytes are base64. Spans are grouped by resource,
/// then scope, each in order of first appearance. Every field of the model that OTLP has is
/// written, so decoding the output gives the same spans back; the one model-only fact that
/// survives is Jaeger's FOLLOWS_FROM (see `FollowsFromLink`).
public enum OTLPJSONEncoder {
    /// Encodes the given traces (indices into `table.traces`; all when nil) as one request.
    /// O(spans + output bytes).
    public static func encode(_ table: SpanTable, traces: [Int]? = nil, pretty: Bool = false) -> [UInt8] {
        let selected: [Range<Int>] = (traces ?? Array(table.traces.indices))
            .filter { table.traces.indices.contains($0) }
            .map { table.traces[$0].spanRange }
        var encoder = OTLPSpanWriter(table: table, capacity: selected.reduce(0) { $0 + $1.count } * 700 + 64)
        encoder.writeRequest(groups: group(selected, in: table))
        let compact = encoder.finish()
        return pretty ? JSONPrettyPrinter.indent(compact) : compact
    }

    /// Spans of one resource, by scope.
    struct ResourceGroup {
        var resource: UInt32
        var scopes: [(scope: UInt32, spans: [Int])]
    }

    /// Groups span indices by resource, then scope, in order of first appearance. O(spans).
    static func group(_ ranges: [Range<Int>], in table: SpanTable) -> [ResourceGroup] {
        var groups: [ResourceGroup] = []
        var resourceIndex: [UInt32: Int] = [:]
        var scopeIndex: [UInt64: (group: Int, slot: Int)] = [:]
        for range in ranges {
            for i in range {
                let span = table.spans[i]
                let key = UInt64(span.resource) << 32 | UInt64(span.scope)
                if let place = scopeIndex[key] {
                    groups[place.group].scopes[place.slot].spans.append(i)
                    continue
                }
                let g: Int
                if let existing = resourceIndex[span.resource] {
                    g = existing
                } else {
                    g = groups.count
                    groups.append(ResourceGroup(resource: span.resource, scopes: []))
                    resourceIndex[span.resource] = g
                }
                scopeIndex[key] = (g, groups[g].scopes.count)
                groups[g].scopes.append((span.scope, [i]))
            }
        }
        return groups
    }
}
