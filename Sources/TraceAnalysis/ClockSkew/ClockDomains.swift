import TraceModel

/// Which clock every span was timed by: its host, or its service when the resource names no
/// host.
///
/// The host comes from `HostKey` (Jaeger's rules). Where Jaeger gives up on a span with no
/// host key and compares it with its parent every time, trex falls back to the service name:
/// spans of one service without host information are assumed to share a clock. A resource
/// with neither host nor service has the *unknown* domain, which never matches any other span
/// (Jaeger's empty-key behaviour). Computed once per resource, so O(resources) plus O(1) per
/// span lookup.
public struct ClockDomains: Sendable {
    /// The domain of each resource of the table: 0 = unknown, else an index into `labels`.
    public let domainOfResource: [Int32]
    /// Readable names of the domains: "host 10.0.0.7", "service checkout"; index 0 is "unknown".
    public let labels: [String]

    /// Domains for every resource of a table. O(resources × attributes).
    public init(_ table: SpanTable) {
        var labels = ["unknown host"]
        var index: [String: Int32] = [:]
        var domains = [Int32](repeating: 0, count: table.resources.count)
        for r in table.resources.indices {
            let host = HostKey.of(resource: r, in: table)
            let service = table.strings[table.resources[r].serviceName]
            let label: String
            if !host.isEmpty {
                label = "host " + host
            } else if !service.isEmpty {
                label = "service " + service
            } else {
                continue
            }
            if let existing = index[label] {
                domains[r] = existing
            } else {
                labels.append(label)
                index[label] = Int32(labels.count - 1)
                domains[r] = Int32(labels.count - 1)
            }
        }
        domainOfResource = domains
        self.labels = labels
    }

    /// The domain of a span (0 = unknown).
    @inlinable public func domain(of span: Span) -> Int32 { domainOfResource[Int(span.resource)] }

    /// True when two spans were timed by one clock: the same known domain.
    @inlinable public func shareClock(_ a: Span, _ b: Span) -> Bool {
        let da = domain(of: a)
        return da != 0 && da == domain(of: b)
    }

    /// The readable name of a span's domain.
    public func label(of span: Span) -> String { labels[Int(domain(of: span))] }
}
