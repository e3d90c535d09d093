import TraceModel

extension OTLPSpanWriter {
    // MARK: - Spans

    /// One span object, fields in protobuf order, defaults left out.
    mutating func writeSpan(_ s: Span) {
        writer.raw("{\"traceId\":")
        writer.hex(s.traceID)
        writer.raw(",\"spanId\":")
        writer.hex(s.spanID)
        if !s.traceState.isEmpty {
            writer.raw(",\"traceState\":")
            string(s.traceState)
        }
        if s.parentSpanID.isValid {
            writer.raw(",\"parentSpanId\":")
            writer.hex(s.parentSpanID)
        }
        if s.markers.contains(.hasFlags) {
            writer.raw(",\"flags\":")
            writer.int(Int64(s.flags))
        }
        writer.raw(",\"name\":")
        string(s.name)
        writer.raw(",\"kind\":")
        writer.int(Int64(s.kind.rawValue))
        writer.raw(",\"startTimeUnixNano\":")
        writer.quotedInt(s.start.unixNanos)
        writer.raw(",\"endTimeUnixNano\":")
        writer.quotedInt(s.end.unixNanos)
        if !s.attributes.isEmpty {
            writer.raw(",\"attributes\":")
            writeAttributes(s.attributes)
        }
        if s.droppedAttributesCount > 0 {
            writer.raw(",\"droppedAttributesCount\":")
            writer.int(Int64(s.droppedAttributesCount))
        }
        if !s.events.isEmpty {
            writer.raw(",\"events\":[")
            for i in s.events.range {
                if i > s.events.range.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeEvent(events[i])
            }
            writer.byte(UInt8(ascii: "]"))
        }
        if s.droppedEventsCount > 0 {
            writer.raw(",\"droppedEventsCount\":")
            writer.int(Int64(s.droppedEventsCount))
        }
        let followsFrom = s.markers.contains(.followsFrom) && s.parentSpanID.isValid
        if !s.links.isEmpty || followsFrom {
            writer.raw(",\"links\":[")
            if followsFrom {
                writer.raw("{\"traceId\":")
                writer.hex(s.traceID)
                writer.raw(",\"spanId\":")
                writer.hex(s.parentSpanID)
                writer.raw(",\"attributes\":[{\"key\":")
                writer.string(FollowsFromLink.key)
                writer.raw(",\"value\":{\"stringValue\":")
                writer.string(FollowsFromLink.value)
                writer.raw("}}]}")
            }
            for i in s.links.range {
                if followsFrom || i > s.links.range.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeLink(links[i])
            }
            writer.byte(UInt8(ascii: "]"))
        }
        if s.droppedLinksCount > 0 {
            writer.raw(",\"droppedLinksCount\":")
            writer.int(Int64(s.droppedLinksCount))
        }
        if s.status != .unset || !s.statusMessage.isEmpty {
            writer.raw(",\"status\":{")
            if !s.statusMessage.isEmpty {
                writer.raw("\"message\":")
                string(s.statusMessage)
                if s.status != .unset { writer.byte(UInt8(ascii: ",")) }
            }
            if s.status != .unset {
                writer.raw("\"code\":")
                writer.int(Int64(s.status.rawValue))
            }
            writer.byte(UInt8(ascii: "}"))
        }
        writer.byte(UInt8(ascii: "}"))
    }

    private mutating func writeEvent(_ e: SpanEvent) {
        writer.raw("{\"timeUnixNano\":")
        writer.quotedInt(e.time.unixNanos)
        writer.raw(",\"name\":")
        string(e.name)
        if !e.attributes.isEmpty {
            writer.raw(",\"attributes\":")
            writeAttributes(e.attributes)
        }
        if e.droppedAttributesCount > 0 {
            writer.raw(",\"droppedAttributesCount\":")
            writer.int(Int64(e.droppedAttributesCount))
        }
        writer.byte(UInt8(ascii: "}"))
    }

    private mutating func writeLink(_ l: SpanLink) {
        writer.raw("{\"traceId\":")
        writer.hex(l.traceID)
        writer.raw(",\"spanId\":")
        writer.hex(l.spanID)
        if !l.traceState.isEmpty {
            writer.raw(",\"traceState\":")
            string(l.traceState)
        }
        if !l.attributes.isEmpty {
            writer.raw(",\"attributes\":")
            writeAttributes(l.attributes)
        }
        if l.droppedAttributesCount > 0 {
            writer.raw(",\"droppedAttributesCount\":")
            writer.int(Int64(l.droppedAttributesCount))
        }
        if l.flags != 0 {
            writer.raw(",\"flags\":")
            writer.int(Int64(l.flags))
        }
        writer.byte(UInt8(ascii: "}"))
    }
}
