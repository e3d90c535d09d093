import TraceModel

/// Where a trace's latency went, by service (or by any resource attribute: `cloud.region`,
/// `host.name`, `k8s.pod.name`), with the network as a line of its own: the critical time of
/// each group, and the critical time of client calls not covered by the server they reached
/// (the time on the wire, and in proxies and queues between them). The groups and the network
/// add up to the critical path's length, so each share is of the response:
///
///     eu-west         180ms   39%
///     ap-southeast    220ms   48%
///     network          60ms   13%
///
/// O(spans).
public struct LatencyBreakdown: Sendable {
    public struct Line: Sendable, Hashable {
        /// The group's value ("checkout", "eu-west"), or nil for the network line.
        public var group: String?
        public var time: Nanoseconds
        /// Of the critical path's length, 0...1.
        public var share: Double
    }

    /// Largest first; the network line among them.
    public let lines: [Line]
    /// What the groups are: "service.name" or the resource attribute's key.
    public let key: String

    /// Groups the critical time of `report` by `key`, a resource attribute (`service.name` by
    /// default); spans without it fall in a group "(none)".
    public init(_ report: AnalysisReport, by key: String = "service.name") {
        let trace = report.trace
        let table = trace.table
        let tree = TraceTree(trace)
        var byGroup: [String: Nanoseconds] = [:]
        var network = Nanoseconds.zero
        let keyID = table.strings.lookup(key)
        for local in 0..<trace.spanCount {
            let critical = report.criticalPath.criticalTime[local]
            guard critical > .zero else { continue }
            let span = trace[local]
            // A client's own critical time while its server child ran elsewhere is the network.
            if span.kind == .client, tree.children(of: local).contains(where: { trace[Int($0)].kind == .server }) {
                network = network + critical
                continue
            }
            var group = "(none)"
            if key == "service.name" {
                group = table.serviceName(of: span)
            } else if keyID != nil {   // the key occurs somewhere in the table
                let resource = table.resources[Int(span.resource)]
                if let value = table.keyValues(resource.attributes).first(where: { $0.key == key })?.value {
                    group = value.displayText
                }
            }
            byGroup[group, default: .zero] = byGroup[group, default: .zero] + critical
        }
        let total = Nanoseconds(max(report.criticalPathDuration.value, 1))
        var lines = byGroup.map { Line(group: $0.key, time: $0.value, share: $0.value.ratio(to: total)) }
        if network > .zero { lines.append(Line(group: nil, time: network, share: network.ratio(to: total))) }
        self.lines = lines.sorted { $0.time != $1.time ? $0.time > $1.time : ($0.group ?? "") < ($1.group ?? "") }
        self.key = key
    }
}
