import TraceModel

/// Decodes Zipkin v2 JSON: an array of spans, an array of traces (arrays of spans, as
/// `/api/v2/traces` returns), or one bare span object.
///
/// Spans wait until the top-level value ends, because two fixes need them all: fragments of
/// one span are merged (`ZipkinFragmentMerger`), and client/server halves sharing an id are
/// split (`SharedSpanSplitter`). Times are microseconds. A span without `timestamp` takes its
/// earliest annotation's time, or is skipped; a span without `duration` ends at its latest
/// annotation, or lasts 0 (both noted once). A span without `kind` is INTERNAL (a local span);
/// `debug: true` sets the W3C sampled flag.
struct ZipkinDecoder {
    var spans: ZipkinSpanDecoder
    private var pending: [ZipkinSpan] = []

    private(set) var missingDurations = 0
    private(set) var timedByAnnotations = 0
    private(set) var merged = 0
    private(set) var unpaired = 0
    private(set) var nestedTooDeep = 0

    init(builder: inout SpanTableBuilder) {
        spans = ZipkinSpanDecoder(builder: &builder)
    }

    // MARK: - Documents

    /// Decodes one top-level value.
    mutating func decodeDocument(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) {
        do {
            if s.scanner.peek() == UInt8(ascii: "[") {
                try decodeArray(&s, &b, depth: 0)
            } else if let z = try spans.decodeSpan(&s, &b) {
                pending.append(z)
            }
        } catch {
            resolve(&s, &b)
            throw error
        }
        resolve(&s, &b)
    }

    private mutating func decodeArray(_ s: inout DecodeSession, _ b: inout SpanTableBuilder, depth: Int) throws(JSONError) {
        guard try s.scanner.beginArray() else { return }
        var first = true
        while try s.scanner.nextElement(&first) {
            if s.scanner.peek() == UInt8(ascii: "[") {
                if depth == 0 {
                    try decodeArray(&s, &b, depth: 1)
                } else {
                    nestedTooDeep += 1
                    try s.scanner.skipValue()
                }
                continue
            }
            if let z = try spans.decodeSpan(&s, &b) { pending.append(z) }
            s.tick()
        }
    }

    // MARK: - Completing

    /// Merges fragments, validates, converts, splits shared halves, appends. O(pending).
    private mutating func resolve(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) {
        guard !pending.isEmpty else { return }
        merged += ZipkinFragmentMerger.merge(&pending, &b)
        var ready: [Span] = []
        var serverHalf: [Bool] = []
        ready.reserveCapacity(pending.count)
        for z in pending {
            if let (reason, text) = problem(z) {
                s.skip(reason, at: z.offset, text)
                continue
            }
            guard let span = convert(z, &b, times: &s.times) else {
                s.skip(.missingStart, at: z.offset, "skipped a span without a timestamp (and no annotations to take one from)")
                continue
            }
            ready.append(span)
            serverHalf.append(z.shared || span.kind == .server)
        }
        pending.removeAll()
        let outcome = SharedSpanSplitter.split(&ready, serverHalf: serverHalf) { b.resources[Int($0.resource)].serviceName }
        unpaired += outcome.unpaired
        for span in ready { b.append(span) }
        s.spansDecoded += ready.count
    }

    private func problem(_ z: ZipkinSpan) -> (SkipReason, String)? {
        if !z.sawTraceID { return (.missingTraceID, "skipped a span without a traceId") }
        if !z.traceID.isValid { return (.invalidTraceID, "skipped a span whose traceId is all zeros") }
        if !z.sawSpanID { return (.missingSpanID, "skipped a span without an id") }
        if !z.spanID.isValid { return (.invalidSpanID, "skipped a span whose id is all zeros") }
        if let bad = z.badTime { return (.badTime, "skipped a span: \(bad)") }
        return nil
    }

    /// The model span, or nil when no start time can be found.
    private mutating func convert(_ z: ZipkinSpan, _ b: inout SpanTableBuilder, times sanity: inout TimeSanity) -> Span? {
        let times = b.events[z.events.range].map(\.time)
        let start: Timestamp
        // Microseconds, unless the value only makes sense as nanoseconds (an export mistake).
        var wasNanoseconds = false
        if let t = z.timestamp {
            let converted = TimeSanity.nanoseconds(fromMicroseconds: t)
            wasNanoseconds = converted.wasNanoseconds
            start = Timestamp(unixNanos: converted.nanos)
        } else if let earliest = times.min() {
            start = earliest
            timedByAnnotations += 1
        } else {
            return nil
        }
        let end: Timestamp
        if let d = z.duration {
            end = start + Nanoseconds(wasNanoseconds ? d : TimeMath.multiply(d, 1_000))
        } else {
            end = max(start, times.max() ?? start)
            missingDurations += 1
        }
        if wasNanoseconds { sanity.note(.nanosecondsAsMicroseconds, at: z.offset) }
        sanity.check(start: start.unixNanos, end: end.unixNanos, at: z.offset)
        var markers: SpanMarkers = z.hashed ? [.hashedID, .stringValuedTags] : [.stringValuedTags]
        if z.debug { markers.insert(.hasFlags) }
        let (status, message) = z.mapped.status
        return Span(traceID: z.traceID, spanID: z.spanID, parentSpanID: z.parentID, name: z.name,
                    kind: z.kind ?? z.mapped.kind ?? .internal, start: start, end: end, resource: z.resource,
                    scope: z.mapped.scope(&b), status: status, statusMessage: message, traceState: z.mapped.traceState,
                    attributes: z.attributes, events: z.events, flags: z.debug ? 1 : 0, markers: markers)
    }

    // MARK: - Notes

    func addNotes(to log: inout WarningLog) {
        if missingDurations > 0 {
            log.note(NumberFormat.count(missingDurations, "span has", "spans have") + " no duration; each ends at its last annotation, or lasts 0")
        }
        if timedByAnnotations > 0 {
            log.note(NumberFormat.count(timedByAnnotations, "span has", "spans have") + " no timestamp; each starts at its first annotation")
        }
        if unpaired > 0 {
            log.note(NumberFormat.count(unpaired, "span shares its", "spans share their") + " id with another span that is not its client/server half; "
                     + "kept as they are (exact duplicates are dropped once traces are built)")
        }
        if nestedTooDeep > 0 { log.note("skipped " + NumberFormat.count(nestedTooDeep, "array", "arrays") + " nested deeper than an array of traces") }
    }
}
