import TraceModel

/// Writes the parts of an OTLP JSON request from a `SpanTable`, compactly.
struct OTLPSpanWriter {
    let table: SpanTable
    var writer: JSONWriter

    init(table: SpanTable, capacity: Int) {
        self.table = table
        writer = JSONWriter(capacity: capacity)
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
                writer.string(resource.schemaURL, in: table.strings)
            }
            writer.byte(UInt8(ascii: "}"))
        }
        writer.raw("]}")
    }

    private mutating func writeScopeSpans(scope: InstrumentationScope, spans: [Int]) {
        writer.raw("{\"scope\":{")
        var comma = false
        func separator(_ w: inout JSONWriter) {
            if comma { w.byte(UInt8(ascii: ",")) }
            comma = true
        }
        if !scope.name.isEmpty {
            separator(&writer)
            writer.raw("\"name\":")
            writer.string(scope.name, in: table.strings)
        }
        if !scope.version.isEmpty {
            separator(&writer)
            writer.raw("\"version\":")
            writer.string(scope.version, in: table.strings)
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
        for (n, i) in spans.enumerated() {
            if n > 0 { writer.byte(UInt8(ascii: ",")) }
            writeSpan(table.spans[i])
        }
        writer.byte(UInt8(ascii: "]"))
        if !scope.schemaURL.isEmpty {
            writer.raw(",\"schemaUrl\":")
            writer.string(scope.schemaURL, in: table.strings)
        }
        writer.byte(UInt8(ascii: "}"))
    }

    // MARK: - Attributes

    /// `[{"key": ..., "value": {...}}, ...]` for a range of attributes.
    mutating func writeAttributes(_ range: ElementRange) {
        writer.byte(UInt8(ascii: "["))
        for i in range.range {
            if i > range.range.lowerBound { writer.byte(UInt8(ascii: ",")) }
            writeKeyValue(table.attributes[i])
        }
        writer.byte(UInt8(ascii: "]"))
    }

    private mutating func writeKeyValue(_ a: Attribute) {
        writer.raw("{\"key\":")
        writer.string(a.key, in: table.strings)
        writer.raw(",\"value\":")
        writeValue(a)
        writer.byte(UInt8(ascii: "}"))
    }

    /// An `AnyValue` object for an attribute's value.
    private mutating func writeValue(_ a: Attribute) {
        switch a.tag {
        case .string:
            writer.raw("{\"stringValue\":")
            writer.string(StringID(a.payload), in: table.strings)
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
                Base64.encode(table.blobs[Int(a.payload)], into: &writer.out)
                writer.raw("\"}")
            }
        case .array:
            writer.raw("{\"arrayValue\":{\"values\":[")
            let elements = table.compounds[Int(a.payload)].range
            for i in elements {
                if i > elements.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeValue(table.nested[i])
            }
            writer.raw("]}}")
        case .keyValueList:
            writer.raw("{\"kvlistValue\":{\"values\":[")
            let elements = table.compounds[Int(a.payload)].range
            for i in elements {
                if i > elements.lowerBound { writer.byte(UInt8(ascii: ",")) }
                writeKeyValue(table.nested[i])
            }
            writer.raw("]}}")
        }
    }
}
