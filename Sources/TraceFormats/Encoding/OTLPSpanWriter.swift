import TraceModel

/// Writes the parts of an OTLP JSON request from a `SpanTable`, compactly.
///
/// Holds its own references to the table's arrays and strings, so the hot loops index stored
/// properties instead of going through the (class) table on every access.
struct OTLPSpanWriter {
    let table: SpanTable
    let strings: StringTable
    let spans: [Span]
    let attributes: [Attribute]
    let nested: [Attribute]
    let compounds: [ElementRange]
    let events: [SpanEvent]
    let links: [SpanLink]
    var writer: JSONWriter
    private var quoted: QuotedStrings

    init(table: SpanTable, capacity: Int) {
        self.table = table
        strings = table.strings
        spans = table.spans
        attributes = table.attributes
        nested = table.nested
        compounds = table.compounds
        events = table.events
        links = table.links
        writer = JSONWriter(capacity: capacity)
        quoted = QuotedStrings(strings: table.strings)
    }

    /// The output; the writer must not be used afterwards.
    mutating func finish() -> [UInt8] {
        quoted.release()
        return writer.finish()
    }

    /// An interned string, quoted and escaped.
    @inline(__always)
    mutating func string(_ id: StringID) {
        writer.bytes(quoted.quoted(id, in: strings))
    }

    // MARK: - Request, resources, scopes

    mutating func writeRequest(groups: [OTLPJSONEncoder.ResourceGroup]) {
        writer.raw("{\"resourceSpans\":[")
        for (g, group) in groups.enumerated() {
            if g > 0 { writer.byte(UInt8(ascii: ",")) }
            let resource = table.resources[Int(group.resource)]
            writer.raw("{\"resource\":{")
            var comma = false
            if !resource.attributes.isEmpty {
                writer.raw("\"attributes\":")
                writeAttributes(resource.attributes)
                comma = true
            }
            if resource.droppedAttributesCount > 0 {
                if comma { writer.byte(UInt8(ascii: ",")) }
                writer.raw("\"droppedAttributesCount\":")
                writer.int(Int64(resource.droppedAttributesCount))
            }
            writer.raw("},\"scopeSpans\":[")
            for (n, entry) in group.scopes.enumerated() {
                if n > 0 { writer.byte(UInt8(ascii: ",")) }
                writeScopeSpans(scope: table.scopes[Int(entry.scope)], spans: entry.spans)
            }
            writer.byte(UInt8(ascii: "]"))
            if !resource.schemaURL.isEmpty {
                writer.raw(",\"schemaUrl\":")
                string(resource.schemaURL)
            }
            writer.byte(UInt8(ascii: "}"))
        }
        writer.raw("]}")
    }

    private mutating func writeScopeSpans(scope: InstrumentationScope, spans indices: [Int]) {
        writer.raw("{\"scope\":{")
        var comma = false
        func separator(_ w: inout JSONWriter) {
            if comma { w.byte(UInt8(ascii: ",")) }
            comma = true
        }
        if !scope.name.isEmpty {
            separator(&writer)
            writer.raw("\"name\":")
            string(scope.name)
        }
        if !scope.version.isEmpty {
            separator(&writer)
            writer.raw("\"version\":")
            string(scope.version)
        }
        if !scope.attributes.isEmpty {
            separator(&writer)
            writer.raw("\"attributes\":")
            writeAttributes(scope.attributes)
        }
        if scope.droppedAttributesCount > 0 {
            separator(&writer)
            writer.raw("\"droppedAttributesCount\":")
            writer.int(Int64(scope.droppedAttributesCount))
        }
        writer.raw("},\"spans\":[")
        for (n, i) in indices.enumerated() {
            if n > 0 { writer.byte(UInt8(ascii: ",")) }
            writeSpan(spans[i])
        }
        writer.byte(UInt8(ascii: "]"))
        if !scope.schemaURL.isEmpty {
            writer.raw(",\"schemaUrl\":")
            string(scope.schemaURL)
        }
        writer.byte(UInt8(ascii: "}"))
    }

    // MARK: - Attributes

    /// `[{"key": ..., "value": {...}}, ...]` for a range of attributes.
    mutating func writeAttributes(_ range: ElementRange) {
        writer.byte(UInt8(ascii: "["))
        for i in range.range {
            if i > range.range.lowerBound { writer.byte(UInt8(ascii: ",")) }
            writeKeyValue(attributes[i])
        }
        writer.byte(UInt8(ascii: "]"))
    }

    private mutating func writeKeyValue(_ a: Attribute) {
        writer.raw("{\"key\":")
        string(a.key)
        writer.raw(",\"value\":")
        writeValue(a)
        writer.byte(UInt8(ascii: "}"))
    }

    /// An `AnyValue` object for an attribute's value.
    private mutating func writeValue(_ a: Attribute) {
        switch a.tag {
        case .string:
            writer.raw("{\"stringValue\":")
            string(StringID(a.payload))
            writer.byte(UInt8(ascii: "}"))
        case .bool:
            writer.raw(a.payload != 0 ? "{\"boolValue\":true}" : "{\"boolValue\":false}")
        case .smallInt, .int:
            writer.raw("{\"intValue\":")
            writer.quotedInt(table.intValue(of: a) ?? 0)
            writer.byte(UInt8(ascii: "}"))
        case .double:
            writer.raw("{\"doubleValue\":")
            writer.double(table.doubleValue(of: a) ?? 0)
            writer.byte(UInt8(ascii: "}"))
        case .bytes:
            if a.payload == Attribute.emptyPayload {
                writer.raw("{}")
            } else {
                writer.raw("{\"bytesValue\":\"")
                var text: [UInt8] = []
                Base64.encode(table.blobs[Int(a.payload)], into: &text)
                text.withUnsafeBufferPointer { writer.bytes($0) }
                writer.raw("\"}")
            }
        case .array:
            writer.raw("{\"arrayValue\":{\"values\":[")
            let elements = compounds[Int(a.payload)].range
            for i in elements {
                if i > elements.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeValue(nested[i])
            }
            writer.raw("]}}")
        case .keyValueList:
            writer.raw("{\"kvlistValue\":{\"values\":[")
            let elements = compounds[Int(a.payload)].range
            for i in elements {
                if i > elements.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeKeyValue(nested[i])
            }
            writer.raw("]}}")
        }
    }
}
