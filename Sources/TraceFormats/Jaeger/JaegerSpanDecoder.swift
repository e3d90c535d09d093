import TraceModel

/// Decodes the members of one Jaeger span object into a `JaegerSpan`.
///
/// `startTime` and `duration` are microseconds. References follow Jaeger's own rule
/// (`model.Span.ParentSpanID`): the parent is the first CHILD_OF reference in the span's trace,
/// or a FOLLOWS_FROM reference when it comes first (then the span gets `.followsFrom`); every
/// other reference becomes a link with `opentracing.ref_type` = `child_of`/`follows_from`.
/// Logs become events named by their `event` field ("log" when there is none). `flags` bit 0
/// (sampled) becomes the W3C sampled flag.
struct JaegerSpanDecoder {
    enum SpanField: String, CaseIterable {
        case traceID, spanID, parentSpanID, flags, operationName, references, startTime, duration, tags, logs
        case processID, process
    }
    enum ReferenceField: String, CaseIterable { case refType, traceID, spanID }
    enum LogField: String, CaseIterable { case timestamp, fields }
    enum ProcessField: String, CaseIterable { case serviceName, tags }

    private let spanKeys = KeyTable<SpanField>()
    private let referenceKeys = KeyTable<ReferenceField>()
    private let logKeys = KeyTable<LogField>()
    private let processKeys = KeyTable<ProcessField>()

    var tags: JaegerTagDecoder
    private let serviceNameKey: StringID
    private let refTypeKey: StringID
    private let childOfValue: StringID
    private let followsFromValue: StringID
    private let logName: StringID

    private struct Reference {
        var followsFrom: Bool
        var traceID: TraceID
        var spanID: SpanID
    }
    /// References of the span being read.
    private var references: [Reference] = []
    /// Spans without a duration (loaded with duration 0).
    private(set) var missingDurations = 0

    init(builder: inout SpanTableBuilder) {
        tags = JaegerTagDecoder(builder: &builder)
        serviceNameKey = builder.intern("service.name")
        refTypeKey = builder.intern(FollowsFromLink.key)
        childOfValue = builder.intern("child_of")
        followsFromValue = builder.intern(FollowsFromLink.value)
        logName = builder.intern("log")
    }

    // MARK: - Span objects

    /// The span field a member name denotes, or nil.
    @inline(__always)
    func field(_ name: UnsafeBufferPointer<UInt8>) -> SpanField? { spanKeys.lookup(name) }

    /// Starts a span at an offset (call before its members).
    mutating func begin(at offset: Int) -> JaegerSpan {
        references.removeAll(keepingCapacity: true)
        return JaegerSpan(offset: offset)
    }

    /// Decodes a whole span object.
    mutating func decodeSpan(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> JaegerSpan? {
        s.scanner.skipWhitespace()
        let offset = s.scanner.pos
        s.spanStart = offset
        guard try s.scanner.beginObject() else {
            s.spanStart = -1
            s.skip(.notAnObject, at: offset, "skipped a span that is not a JSON object")
            return nil
        }
        var span = begin(at: offset)
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            if let f = field(try s.scanner.bytes(of: key)) { try decode(f, &s, &b, into: &span) } else { try s.scanner.skipValue() }
        }
        s.spanStart = -1
        finish(&span, &b, times: &s.times)
        return span
    }

    /// Decodes the value of one span member.
    mutating func decode(_ field: SpanField, _ s: inout DecodeSession, _ b: inout SpanTableBuilder,
                         into j: inout JaegerSpan) throws(JSONError) {
        switch field {
        case .traceID:
            if let v = try s.scanner.readString() {
                let r = s.ids.traceID(try s.scanner.bytes(of: v), at: v.start)
                j.span.traceID = r.id
                j.sawTraceID = v.rawCount > 0
                if r.hashed { j.span.markers.insert(.hashedID) }
            }
        case .spanID:
            if let v = try s.scanner.readString() {
                let r = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start)
                j.span.spanID = r.id
                j.sawSpanID = v.rawCount > 0
                if r.hashed { j.span.markers.insert(.hashedID) }
            }
        case .parentSpanID:
            if let v = try s.scanner.readString(), !j.span.parentSpanID.isValid {
                j.span.parentSpanID = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start).id
            }
        case .flags:
            if let v = try s.scanner.readInt64() {
                j.span.flags = UInt32(truncatingIfNeeded: v) & 1
                j.span.markers.insert(.hasFlags)
            }
        case .operationName:
            if let v = try s.scanner.readString() { j.span.name = try s.intern(v, &b) }
        case .references:
            try decodeReferences(&s)
        case .startTime:
            j.start = try time(&s, "startTime", &j.badTime)
        case .duration:
            j.duration = try time(&s, "duration", &j.badTime)
        case .tags:
            var unused = StringID.empty
            j.span.attributes = try tags.decodeTags(&s, &b, purpose: .span, mapped: &j.mapped, eventName: &unused)
        case .logs:
            j.span.events = try decodeLogs(&s, &b)
        case .processID:
            if let v = try s.scanner.readString() { j.processID = try s.scanner.text(of: v) }
        case .process:
            j.inlineResource = try decodeProcess(&s, &b)
        }
    }

    /// Microseconds as a number (or a numeric string); notes why not otherwise.
    private func time(_ s: inout DecodeSession, _ name: String, _ bad: inout String?) throws(JSONError) -> Int64? {
        let before = s.scanner.mismatches
        let v = try s.scanner.readInt64()
        if v == nil && s.scanner.mismatches != before { bad = "\(name) is not a number of microseconds" }
        return v
    }

    /// Completes a span once its members are read: parent and links from the references,
    /// status, kind and scope from mapped tags, times.
    mutating func finish(_ j: inout JaegerSpan, _ b: inout SpanTableBuilder, times: inout TimeSanity) {
        let trace = j.span.traceID
        var parentIndex: Int?
        for (i, r) in references.enumerated() where !r.traceID.isValid || !trace.isValid || r.traceID == trace {
            if !r.followsFrom || i == 0 {
                parentIndex = i
                break
            }
        }
        if let p = parentIndex {
            j.span.parentSpanID = references[p].spanID
            if references[p].followsFrom { j.span.markers.insert(.followsFrom) }
        }
        let linkMark = b.linkMark
        for (i, r) in references.enumerated() where i != parentIndex {
            let linkTrace = r.traceID.isValid ? r.traceID : trace
            guard linkTrace.isValid else { continue }
            let attributeMark = b.attributeMark
            b.appendString(refTypeKey, r.followsFrom ? followsFromValue : childOfValue)
            b.append(SpanLink(traceID: linkTrace, spanID: r.spanID, attributes: b.attributes(since: attributeMark)))
        }
        j.span.links = b.links(since: linkMark)
        references.removeAll(keepingCapacity: true)

        j.span.kind = j.mapped.kind ?? .unspecified
        (j.span.status, j.span.statusMessage) = j.mapped.status
        j.span.traceState = j.mapped.traceState
        j.span.scope = j.mapped.scope(&b)
        if let start = j.start {
            // Microseconds, unless the value only makes sense as nanoseconds (an export mistake).
            let (startNanos, wasNanoseconds) = TimeSanity.nanoseconds(fromMicroseconds: start)
            let duration = j.duration ?? 0
            let end = TimeMath.add(startNanos, wasNanoseconds ? duration : TimeMath.multiply(duration, 1_000))
            j.span.start = Timestamp(unixNanos: startNanos)
            j.span.end = Timestamp(unixNanos: end)
            if j.duration == nil && j.badTime == nil { missingDurations += 1 }
            if wasNanoseconds { times.note(.nanosecondsAsMicroseconds, at: j.offset) }
            times.check(start: startNanos, end: end, at: j.offset)
        }
    }

    // MARK: - References, logs, processes

    private mutating func decodeReferences(_ s: inout DecodeSession) throws(JSONError) {
        guard try s.scanner.beginArray() else { return }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var r = Reference(followsFrom: false, traceID: .zero, spanID: .zero)
            var f = true
            while let key = try s.scanner.nextKey(&f) {
                switch referenceKeys.lookup(try s.scanner.bytes(of: key)) {
                case .refType?:
                    if let v = try s.scanner.readString() { r.followsFrom = try s.scanner.text(of: v).uppercased() == "FOLLOWS_FROM" }
                case .traceID?:
                    if let v = try s.scanner.readString() { r.traceID = s.ids.traceID(try s.scanner.bytes(of: v), at: v.start).id }
                case .spanID?:
                    if let v = try s.scanner.readString() { r.spanID = s.ids.spanID(try s.scanner.bytes(of: v), at: v.start).id }
                case nil:
                    try s.scanner.skipValue()
                }
            }
            if r.spanID.isValid { references.append(r) }
        }
    }

    private mutating func decodeLogs(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> ElementRange {
        let mark = b.eventMark
        guard try s.scanner.beginArray() else { return .empty }
        var first = true
        while try s.scanner.nextElement(&first) {
            guard try s.scanner.beginObject() else { continue }
            var event = SpanEvent(time: .zero, name: logName)
            var f = true
            while let key = try s.scanner.nextKey(&f) {
                switch logKeys.lookup(try s.scanner.bytes(of: key)) {
                case .timestamp?:
                    if let v = try s.scanner.readInt64() {
                        event.time = Timestamp(unixNanos: TimeSanity.nanoseconds(fromMicroseconds: v).nanos)
                    }
                case .fields?:
                    var unused = MappedTags()
                    var name = StringID.empty
                    event.attributes = try tags.decodeTags(&s, &b, purpose: .log, mapped: &unused, eventName: &name)
                    if !name.isEmpty { event.name = name }
                case nil:
                    try s.scanner.skipValue()
                }
            }
            b.append(event)
        }
        return b.events(since: mark)
    }

    /// Decodes a process (`{"serviceName", "tags"}`) into a resource: `service.name` first,
    /// then the process tags.
    mutating func decodeProcess(_ s: inout DecodeSession, _ b: inout SpanTableBuilder) throws(JSONError) -> UInt32 {
        let mark = b.attributeMark
        guard try s.scanner.beginObject() else { return 0 }
        var service = StringID.empty
        var serviceAppended = false
        var first = true
        while let key = try s.scanner.nextKey(&first) {
            switch processKeys.lookup(try s.scanner.bytes(of: key)) {
            case .serviceName?:
                if let v = try s.scanner.readString() { service = try s.intern(v, &b) }
            case .tags?:
                if !service.isEmpty && !serviceAppended {
                    b.appendString(serviceNameKey, service)
                    serviceAppended = true
                }
                var unused = MappedTags()
                var name = StringID.empty
                _ = try tags.decodeTags(&s, &b, purpose: .process, mapped: &unused, eventName: &name)
            case nil:
                try s.scanner.skipValue()
            }
        }
        if !service.isEmpty && !serviceAppended { b.appendString(serviceNameKey, service) }
        return b.addResource(attributes: b.attributes(since: mark))
    }
}
