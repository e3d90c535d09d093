import GRDB

/// What the `facets` table says about one trace: for each service, span name, kind and status
/// among its spans, how many spans have it and their shortest and longest duration.
///
/// The facets replace per-span secondary indexes: a trace has about a third as many facet rows
/// as spans (30 for a 100-span trace of 10 services), and `facets_by_value` answers "which
/// traces have a span with service S (or name N, kind K, status T) lasting at least a" exactly
/// (the group's longest span), and with an upper bound too a superset (longest >= a, shortest
/// <= b): candidates the query engine then evaluates exactly on the loaded traces.
struct TraceFacets: Equatable {
    /// The `facets.field` column.
    enum Field: Int64, CaseIterable {
        case service = 0
        case name = 1
        case kind = 2
        case status = 3
    }

    struct Group: Equatable {
        var spans: Int64
        var minDuration: Int64
        var maxDuration: Int64
    }

    /// Keyed by `field << 56 | value` (values are string ids or enum raw values).
    private(set) var groups: [Int64: Group] = [:]

    init() {}

    /// The facets of a trace's spans. O(spans).
    init(_ facts: [SpanFacts]) {
        for f in facts { add(f) }
    }

    static func key(_ field: Field, _ value: Int64) -> Int64 { field.rawValue << 56 | value }

    /// Counts one span in its four groups.
    mutating func add(_ f: SpanFacts) {
        let duration = f.duration
        for key in [Self.key(.service, f.service), Self.key(.name, f.name), Self.key(.kind, Int64(f.kind)),
                    Self.key(.status, Int64(f.status))] {
            if var g = groups[key] {
                g.spans += 1
                g.minDuration = min(g.minDuration, duration)
                g.maxDuration = max(g.maxDuration, duration)
                groups[key] = g
            } else {
                groups[key] = Group(spans: 1, minDuration: duration, maxDuration: duration)
            }
        }
    }

    /// Sets one group as read from the table.
    mutating func set(_ field: Field, _ value: Int64, _ group: Group) { groups[Self.key(field, value)] = group }

    /// The groups as (field, value, group), ordered by field and value.
    var rows: [(field: Int64, value: Int64, group: Group)] {
        groups.keys.sorted().map { ($0 >> 56, $0 & ((1 << 56) - 1), groups[$0]!) }
    }
}
