import TraceModel

/// Context propagation: calls whose answer starts a new trace (the broken-propagation
/// evidence of `TraceSetIndex`, summed per service pair), spans whose parent is not in their
/// trace, and SERVER spans without a remote parent in services that others call.
enum PropagationLint {
    /// A span of a table: trace index and local index.
    struct SpanRef: Hashable {
        var trace: Int
        var span: Int
    }

    /// A client span by its ids, to count each broken call once across `add` calls.
    struct CallID: Hashable, Sendable {
        var trace: TraceID
        var span: SpanID
    }

    /// Tallies each candidate in which one of the traces takes part, per client service →
    /// server service, and remembers both sides so the other rules leave them to this one.
    static func noteCandidates(_ index: TraceSetIndex, of traces: Set<Int>, into acc: inout LintAccumulator) -> Set<SpanRef> {
        var sides = Set<SpanRef>()
        let table = index.table
        for c in index.candidates where traces.contains(c.serverTrace) || traces.contains(c.clientTrace) {
            sides.insert(SpanRef(trace: c.serverTrace, span: c.serverSpan))
            sides.insert(SpanRef(trace: c.clientTrace, span: c.clientSpan))
            let client = table.trace(at: c.clientTrace)[c.clientSpan]
            // A call is counted once, however many roots it is the best match of, and however many of
            // the calls adding its traces see it (the client's trace, then the server's).
            guard acc.countedCalls.insert(CallID(trace: client.traceID, span: client.spanID)).inserted else { continue }
            let server = table.trace(at: c.serverTrace)[c.serverSpan]
            let pair = "\(LintTally.service(of: client, in: table)) → \(LintTally.service(of: server, in: table))"
            acc.tallies[.brokenPropagation, pair].note(client, in: table)
            acc.tallies[.brokenPropagation, pair].add(service: LintTally.service(of: server, in: table))
            acc.tallies[.brokenPropagation, pair].add(operation: table.name(of: server))
        }
        return sides
    }

    /// What one table's spans add up to, by string id, turned into names by `flush`: so the
    /// spans of a million-span table are counted without building a name for each.
    struct TableCounts {
        let table: SpanTable
        /// Calls per caller and callee (`StringID.mapKey(caller, callee)`).
        var connected = IntegerKeyMap<Int>()
        var serverSpans = IntegerKeyMap<Int>()
        /// Calls whose peer names were read, per pair: the first `peerSamples` are enough to
        /// learn which names a service answers to.
        var peersRead = IntegerKeyMap<Int>()
        static let peerSamples = 64
        /// The names calls name their peers by, read once per distinct set of values.
        var peers: PeerNameCache

        init(table: SpanTable) {
            self.table = table
            peers = PeerNameCache(table: table)
        }

        /// The first name a client span calls its peer by.
        mutating func peer(of span: Span) -> String? { peers.called(by: span).first }

        func name(_ id: StringID) -> String {
            let name = table.strings[id]
            return name.isEmpty ? "(no service)" : name
        }

        func flush(into acc: inout LintAccumulator) {
            for (pair, count) in connected.entries {
                let caller = name(StringID(UInt32(pair >> 32))), callee = name(StringID(UInt32(truncatingIfNeeded: pair)))
                acc.connectedCalls[ServicePair(caller, callee), default: 0] += count
                if !(acc.callers[callee]?.contains(caller) ?? false) { acc.callers[callee, default: []].append(caller) }
            }
            for (service, count) in serverSpans.entries {
                acc.serverSpans[name(StringID(UInt32(truncatingIfNeeded: service))), default: 0] += count
            }
        }
    }

    static func observe(_ c: LintTraceContext, candidates: Set<SpanRef>, counts: inout TableCounts,
                        into acc: inout LintAccumulator) {
        let table = c.table
        for i in 0..<c.trace.spanCount {
            let span = c.trace[i]
            let serviceID = table.serviceID(of: span)
            let isCandidate = !candidates.isEmpty && candidates.contains(SpanRef(trace: c.trace.index, span: i))
            if let p = c.parent(of: i) {
                let parent = c.trace[p]
                let callerID = table.serviceID(of: parent)
                if callerID != serviceID, span.kind == .server || span.kind == .consumer {
                    let pair = StringID.mapKey(callerID, serviceID)
                    counts.connected[pair, default: 0] += 1
                    if parent.kind == .client || parent.kind == .producer, counts.peersRead[pair, default: 0] < TableCounts.peerSamples {
                        counts.peersRead[pair, default: 0] += 1
                        let service = counts.name(serviceID)
                        for name in counts.peers.called(by: parent) { acc.peerServices[name] = service }
                    }
                }
            } else if span.parentSpanID.isValid, !c.tree.cycleBreaks.contains(Int32(i)) {
                let service = counts.name(serviceID)
                if let (_, parent) = c.index.locate(span.parentSpanID, notIn: c.trace.index) {
                    let subject = "\(LintTally.service(of: parent, in: table)) → \(service)"
                    acc.tallies[.lostParent, subject, ["elsewhere"]].note(span, in: table)
                } else {
                    acc.tallies[.lostParent, service, ["missing"]].note(span, in: table)
                }
            }
            if span.kind == .server {
                counts.serverSpans[serviceID.mapKey, default: 0] += 1
                let startsTrace = !span.parentSpanID.isValid && !isCandidate
                if startsTrace || parentIsLocal(span) {
                    let service = counts.name(serviceID)
                    acc.rootServers[service, default: LintTally(rule: .serverWithoutRemoteParent, subject: service)]
                        .note(span, in: table)
                }
            }
            if span.kind == .client, c.tree.childCount(of: i) == 0, span.status != .error, !isCandidate,
               let peer = counts.peer(of: span) {
                let service = counts.name(serviceID)
                acc.childlessCalls[ServicePair(service, peer), default: LintTally(rule: .perServiceSampling, subject: service)]
                    .note(span, in: table)
            }
        }
    }

    /// OTLP's flags say the parent is known and not remote (bit 8 set, bit 9 clear).
    static func parentIsLocal(_ span: Span) -> Bool {
        span.markers.contains(.hasFlags) && span.parentSpanID.isValid && span.flags & 0x100 != 0 && span.flags & 0x200 == 0
    }

    static func lostParentFinding(_ t: LintTally) -> LintFinding {
        let spans = SpanLabel.count(t.count, "span")
        let name = LintTally.agree(t.count, "names", "name")
        if t.details.first == "elsewhere" {
            return t.finding("\(t.subject): \(spans) in \(SpanLabel.count(t.traceIDs.count, "trace")) \(name) a parent "
                + "that is in another trace: the call kept the parent span id but not the trace id.")
        }
        return t.finding("\(t.subject): \(spans) in \(SpanLabel.count(t.traceIDs.count, "trace")) \(name) a parent "
            + "that no loaded trace holds: the parent's service did not export it (not instrumented, not flushed, "
            + "or it sampled the trace out).")
    }

    /// The findings that need the whole set: calls per pair, who calls whom.
    static func finish(_ acc: LintAccumulator) -> [LintFinding] {
        var out: [LintFinding] = []
        for tally in acc.tallies.all where tally.rule == .brokenPropagation {
            let names = tally.subject.components(separatedBy: " → ")
            let connected = names.count == 2 ? acc.connectedCalls[ServicePair(names[0], names[1])] ?? 0 : 0
            let calls = tally.count + connected
            let start = calls == 1 ? "its only call starts" : "\(tally.count) of \(calls) calls start"
            out.append(tally.finding("\(tally.subject): \(start) a new trace: the callee's root SERVER span runs within a "
                + "childless CLIENT call to the same peer, so one request became two traces."))
        }
        for (service, tally) in acc.rootServers {
            guard let callers = acc.callers[service], !callers.isEmpty else { continue }
            let total = acc.serverSpans[service] ?? tally.count
            out.append(tally.finding("\(service): \(tally.count) of \(SpanLabel.count(total, "SERVER span")) have no remote "
                + "parent, though \(service) is called by \(callers.sorted().joined(separator: ", ")): its server "
                + "instrumentation does not extract the incoming context."))
        }
        for (key, tally) in acc.childlessCalls {
            guard let callee = acc.peerServices[key.second], callee != key.first,
                  let connected = acc.connectedCalls[ServicePair(key.first, callee)], connected > 0 else { continue }
            var t = tally
            t.subject = "\(key.first) → \(callee)"
            t.add(service: callee)
            out.append(t.finding("\(t.subject): \(t.count) of \(SpanLabel.count(t.count + connected, "call")) to "
                + "\"\(key.second)\" have no \(callee) span in their trace, while the others do: \(callee) probably "
                + "decides on its own whether to record a trace (head sampling that is not parent-based)."))
        }
        return out
    }
}
