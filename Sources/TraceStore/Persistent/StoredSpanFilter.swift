import TraceModel

/// A conjunction of span predicates the store answers from its indexes: the shape the query
/// pushdown reduces a query's indexed clauses to. Every set field must hold; nil means "any".
///
/// Times and durations are integers, so strict bounds are exact: `duration > 1.5s` is
/// `duration: (1.5s + 1ns)...`, see `Nanoseconds.above(_:)`.
public struct StoredSpanFilter: Sendable, Hashable {
    /// Span start within these bounds (`spans_by_start`).
    public var start: ClosedRange<Timestamp>?
    /// Span duration within these bounds (`spans_by_service` by skip-scan, or with a service
    /// or a name).
    public var duration: ClosedRange<Nanoseconds>?
    /// The resource's `service.name` is one of these (`spans_by_service`).
    public var services: [String]?
    /// The span name is one of these (`spans_by_kind_name`, skip-scanning the kinds).
    public var names: [String]?
    /// The span kind is one of these (`spans_by_kind_name`).
    public var kinds: [SpanKind]?
    /// `spans_by_status` covers OK and ERROR (UNSET, the common case, is not indexed).
    public var statuses: [StatusCode]?
    /// Span attributes with these string values (no index: checked on each candidate row by
    /// `trex_attr_sid`, without decoding strings).
    public var attributes: [KeyValuePair]

    public struct KeyValuePair: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(start: ClosedRange<Timestamp>? = nil, duration: ClosedRange<Nanoseconds>? = nil,
                services: [String]? = nil, names: [String]? = nil, kinds: [SpanKind]? = nil,
                statuses: [StatusCode]? = nil, attributes: [KeyValuePair] = []) {
        self.start = start
        self.duration = duration
        self.services = services
        self.names = names
        self.kinds = kinds
        self.statuses = statuses
        self.attributes = attributes
    }
}

extension Nanoseconds {
    /// Durations strictly longer than `d`: `(d + 1ns)...max`.
    public static func above(_ d: Nanoseconds) -> ClosedRange<Nanoseconds> { Nanoseconds(d.value + 1)...Nanoseconds(.max) }

    /// Durations strictly shorter than `d`: `min...(d - 1ns)`.
    public static func below(_ d: Nanoseconds) -> ClosedRange<Nanoseconds> { Nanoseconds(.min)...Nanoseconds(d.value - 1) }
}

extension PersistentStore {
    /// The `spans.id` of every span matching the filter, using the indexes SQLite picks.
    /// O(matching index entries); empty at once when a string the filter names is not stored.
    public func spanRows(matching filter: StoredSpanFilter) throws(StoreError) -> [Int64] {
        var terms: [String] = []
        func ids(_ texts: [String]) throws(StoreError) -> [Int64] {
            var found: [Int64] = []
            for text in texts { if let id = try stringID(for: text) { found.append(id) } }
            return found
        }
        if let start = filter.start {
            terms.append("start_ns BETWEEN \(start.lowerBound.unixNanos) AND \(start.upperBound.unixNanos)")
        }
        if let duration = filter.duration {
            terms.append("duration_ns BETWEEN \(duration.lowerBound.value) AND \(duration.upperBound.value)")
        }
        if let services = filter.services {
            let found = try ids(services)
            if found.isEmpty { return [] }
            terms.append("service_id IN (\(found.map(String.init).joined(separator: ",")))")
        }
        if let names = filter.names {
            let found = try ids(names)
            if found.isEmpty { return [] }
            terms.append("name_id IN (\(found.map(String.init).joined(separator: ",")))")
        }
        if let kinds = filter.kinds {
            terms.append("kind IN (\(kinds.map { String($0.rawValue) }.joined(separator: ",")))")
        }
        if let statuses = filter.statuses {
            terms.append("status IN (\(statuses.map { String($0.rawValue) }.joined(separator: ",")))")
            // Lets SQLite use the partial index, which covers exactly these rows.
            if !statuses.contains(.unset) { terms.append("status <> 0") }
        }
        for pair in filter.attributes {
            guard let key = try stringID(for: pair.key), let value = try stringID(for: pair.value) else { return [] }
            terms.append("trex_attr_sid(attributes, \(key)) = \(value)")
        }
        return try spanRowIDs(where: terms.isEmpty ? "1" : terms.joined(separator: " AND "))
    }
}
