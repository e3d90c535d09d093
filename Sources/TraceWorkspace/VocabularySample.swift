import TraceModel
import TraceQuery
import TraceStore

/// How much of the workspace the vocabulary reads: a few hundred traces, never a scan.
public struct VocabularyLimits: Sendable {
    /// Traces sampled, spread evenly over the listing.
    public var traces = 200
    /// Spans sampled at most: a trace that would pass it is left out (one huge trace must not
    /// cost what a scan does).
    public var spans = 50_000
    /// Values kept per field, the most frequent.
    public var valuesPerField = 50
    /// Distinct values counted per field; later new ones are not counted (the memory of a
    /// field of ids stays bounded).
    public var distinctCounted = 2_000
    /// Longer values are not offered (statements, payloads).
    public var longestValue = 200

    public init() {}
}

/// Counts what a sample holds: attribute keys by scope, the string values of each, span names,
/// services. O(spans and attributes sampled); memory bounded by `VocabularyLimits`.
struct VocabularySample {
    let limits: VocabularyLimits
    private(set) var names = Set<String>()
    private var counts: [Field: [String: Int]] = [:]

    init(limits: VocabularyLimits) {
        self.limits = limits
    }

    /// Counts one value of a field, unless it is too long or the field counts enough already.
    mutating func count(_ value: String, of field: Field, times: Int = 1) {
        guard !value.isEmpty, value.count <= limits.longestValue else { return }
        if counts[field]?[value] == nil, counts[field]?.count ?? 0 >= limits.distinctCounted { return }
        counts[field, default: [:]][value, default: 0] += times
    }

    /// The services, root names and root services of every listed trace (summaries only).
    mutating func add(_ listing: TraceListing) {
        for summary in listing.summaries {
            for service in summary.services { count(listing.strings[service], of: .intrinsic(.service)) }
            count(listing.strings[summary.rootName], of: .intrinsic(.traceName))
            count(listing.strings[summary.rootName], of: .intrinsic(.name))
            count(listing.strings[summary.rootService], of: .intrinsic(.traceService))
        }
    }

    /// The keys of a table's spans and resources (`span.KEY`, `resource.KEY`), their string
    /// values, and the span names. A resource counts once per span it describes.
    mutating func add(_ table: SpanTable) {
        var resourceUses = [Int](repeating: 0, count: table.resources.count)
        for span in table.spans {
            count(table.strings[span.name], of: .intrinsic(.name))
            resourceUses[Int(span.resource)] += 1
            for attribute in table.attributes[span.attributes.range] {
                add(attribute, scope: .span, table: table, times: 1)
            }
        }
        for (i, resource) in table.resources.enumerated() where resourceUses[i] > 0 {
            count(table.strings[resource.serviceName], of: .intrinsic(.service), times: resourceUses[i])
            for attribute in table.attributes[resource.attributes.range] {
                add(attribute, scope: .resource, table: table, times: resourceUses[i])
            }
        }
    }

    private mutating func add(_ attribute: Attribute, scope: AttributeScope, table: SpanTable, times: Int) {
        let key = table.strings[attribute.key]
        guard !key.isEmpty else { return }
        names.insert(scope.prefix + key)
        guard let value = attribute.stringID else { return }
        // `resource.service.name` is the service intrinsic: its values are the services'.
        let field = Field(written: scope.prefix + key) ?? .attribute(scope, key)
        count(table.strings[value], of: field, times: times)
    }

    /// Each field's most frequent values (ties in text order), `valuesPerField` at most.
    var values: [Field: [String]] {
        counts.mapValues { counted in
            counted.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(limits.valuesPerField).map(\.key)
        }
    }
}
