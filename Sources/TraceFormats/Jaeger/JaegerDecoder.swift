import TraceModel

/// Decodes Jaeger JSON in every shape people save:
/// - `{"data": [trace, ...]}` (query API, UI download) and `{"data": trace}` (UI-transformed);
/// - a bare trace object `{"traceID", "spans", "processes"}`;
/// - a bare array of spans (or of traces), and a single bare span object.
///
/// Spans reference processes by id and the `processes` map may follow the spans, so each
/// trace's spans wait until the trace object ends; then processes become resources (a span
/// with an inline `process`, as the UI writes it, uses that), spans without a trace id take the
/// trace's, client/server halves sharing an id are split, and the spans reach the builder.
struct JaegerDecoder {
    enum ObjectField: String, CaseIterable { case data, spans, processes }

    private let objectKeys = KeyTable<ObjectField>()
    var spans: JaegerSpanDecoder

    /// Spans with a process id that no process defines, or with no process at all.
    private(set) var unknownProcess = 0
    private(set) var splitPairs = 0
    private(set) var unpaired = 0

    /// The spans of one trace (or of a bare array of spans) waiting for the trace to end.
    struct TraceGroup {
        var traceID = TraceID.zero
        var hashedTraceID = false
        var pending: [JaegerSpan] = []
        var processes: [String: UInt32] = [:]
    }

    init(builder: inout SpanTableBuilder) {
        spans = JaegerSpanDecoder(builder: &builder)
    }

    // MARK: - Documents

    /// Decodes one top-level value (object or array).
    mutating func decodeDocument(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) {
        var group = TraceGroup()
        do {
            if s.scanner.peek() == UInt8(ascii: "[") {
                _ = try s.scanner.beginArray()
                var first = true
                while try s.scanner.nextElement(&first) {
                    try decodeObject(&s, &b, into: &group, top: false)
                    s.tick()
                }
            } else {
                try decodeObject(&s, &b, into: &group, top: true)
            }
        } catch {
            resolve(&group, &s, &b)
            throw error
        }
        resolve(&group, &s, &b)
    }

    /// Decodes a trace object, a bare span object (added to `group`), or at the top a
    /// `{"data": ...}` document.
    private mutating func decodeObject(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                                       into group: inout TraceGroup, top: Bool) throws(JSONError) {
        s.scanner.skipWhitespace()
        let offset = s.scanner.pos
        guard try s.scanner.beginObject() else { return }
        var own: TraceGroup?
        var span = spans.begin(at: offset)
        var spanMembers = 0
        do {
            var first = true
            while let key = try s.scanner.nextKey(&first) {
                let name = try s.scanner.bytes(of: key)
                if let member = objectKeys.lookup(name) {
                    switch member {
                    case .data where top:
                        try decodeData(&s, &b)
                    case .spans:
                        if own == nil { own = TraceGroup() }
                        guard try s.scanner.beginArray() else { continue }
                        var f = true
                        while try s.scanner.nextElement(&f) {
                            if let j = try spans.decodeSpan(&s, &b) { own!.pending.append(j) }
                            s.tick()
                        }
                    case .processes:
                        if own == nil { own = TraceGroup() }
                        try decodeProcesses(&s, &b, into: &own!.processes)
                    case .data:
                        try s.scanner.skipValue()
                    }
                } else if let field = spans.field(name) {
                    s.spanStart = own == nil ? offset : -1
                    try spans.decode(field, &s, &b, into: &span)
                    spanMembers += 1
                } else {
                    try s.scanner.skipValue()
                }
            }
        } catch {
            if var own {
                adopt(span, into: &own)
                resolve(&own, &s, &b)
            }
            throw error
        }
        s.spanStart = -1
        if var own {
            adopt(span, into: &own)
            resolve(&own, &s, &b)
        } else if spanMembers > 0 {
            spans.finish(&span, &b, times: &s.times)
            group.pending.append(span)
        }
    }

    /// Takes a trace object's own `traceID` as the fallback for its spans.
    private func adopt(_ traceObject: JaegerSpan, into group: inout TraceGroup) {
        if traceObject.sawTraceID {
            group.traceID = traceObject.span.traceID
            group.hashedTraceID = traceObject.span.markers.contains(.hashedID)
        }
    }

    /// `data`: an array of trace objects, or one.
    private mutating func decodeData(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) {
        if s.scanner.peek() == UInt8(ascii: "{") {
            var group = TraceGroup()
            do { try decodeObject(&s, &b, into: &group, top: false) } catch {
                resolve(&group, &s, &b)
                throw error
            }
            resolve(&group, &s, &b)
            return
        }
        guard try s.scanner.beginArray() else { return }
        var first = true
        while try s.scanner.nextElement(&first) {
            var group = TraceGroup()
            do { try decodeObject(&s, &b, into: &group, top: false) } catch {
                resolve(&group, &s, &b)
                throw error
            }
            resolve(&group, &s, &b)
        }
    }

    /// `processes`: `{"p1": {"serviceName": ..., "tags": [...]}, ...}`.
    private mutating func decodeProcesses(_ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                                          into map: inout [String: UInt32]) throws(JSONError) {
        guard try s.scanner.beginObject() else { return }
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            let id = try s.scanner.text(of: key)
            map[id] = try spans.decodeProcess(&s, &b)
        }
    }

    // MARK: - Completing a trace

    /// Validates the waiting spans, resolves their processes, splits shared ids and appends
    /// them to the builder. O(spans).
    private mutating func resolve(_ group: inout TraceGroup, _ s: inout DecodeSession, _ b: inout SpanTableBuilder) {
        guard !group.pending.isEmpty else { return }
        var ready: [Span] = []
        ready.reserveCapacity(group.pending.count)
        for var j in group.pending {
            if !j.sawTraceID && group.traceID.isValid {
                j.span.traceID = group.traceID
                j.sawTraceID = true
                if group.hashedTraceID { j.span.markers.insert(.hashedID) }
            }
            if let (reason, text) = problem(j) {
                s.skip(reason, at: j.offset, text)
                continue
            }
            if let id = j.processID, let r = group.processes[id] {
                j.span.resource = r
            } else if let r = j.inlineResource {
                j.span.resource = r
            } else {
                unknownProcess += 1
            }
            ready.append(j.span)
        }
        group.pending.removeAll()
        let serverHalf = ready.map { $0.kind == .server }
        let outcome = SharedSpanSplitter.split(&ready, serverHalf: serverHalf) { b.resources[Int($0.resource)].serviceName }
        splitPairs += outcome.pairs
        unpaired += outcome.unpaired
        for span in ready { b.append(span) }
        s.spansDecoded += ready.count
    }

    private func problem(_ j: JaegerSpan) -> (SkipReason, String)? {
        if !j.sawTraceID { return (.missingTraceID, "skipped a span without a traceID") }
        if !j.span.traceID.isValid { return (.invalidTraceID, "skipped a span whose traceID is all zeros") }
        if !j.sawSpanID { return (.missingSpanID, "skipped a span without a spanID") }
        if !j.span.spanID.isValid { return (.invalidSpanID, "skipped a span whose spanID is all zeros") }
        if let bad = j.badTime { return (.badTime, "skipped a span: \(bad)") }
        if j.start == nil { return (.missingStart, "skipped a span without a startTime") }
        return nil
    }

    // MARK: - Notes

    func addNotes(to log: inout WarningLog) {
        if unknownProcess > 0 {
            log.note(NumberFormat.count(unknownProcess, "span names", "spans name") + " no process that the trace defines; their service is unknown")
        }
        if spans.missingDurations > 0 { log.note(NumberFormat.count(spans.missingDurations, "span has", "spans have") + " no duration; loaded as 0") }
        if unpaired > 0 {
            log.note(NumberFormat.count(unpaired, "span shares its", "spans share their") + " span id with another span that is not its client/server half; "
                     + "kept as they are (exact duplicates are dropped once traces are built)")
        }
    }
}
