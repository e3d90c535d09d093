import TraceModel

/// What the mapped tags of one span said.
struct MappedTags {
    var kind: SpanKind?
    /// An `error` tag that means error (Jaeger `true`; any Zipkin `error` tag).
    var error = false
    /// The value of Zipkin's `error` tag (its message).
    var errorMessage = StringID.empty
    var statusCode: StatusCode?
    var statusDescription: StringID?
    var scopeName = StringID.empty
    var scopeVersion = StringID.empty
    var traceState = StringID.empty

    /// The status and message these tags amount to.
    var status: (code: StatusCode, message: StringID) {
        if let statusCode { return (statusCode, statusDescription ?? (statusCode == .error ? errorMessage : .empty)) }
        if error { return (.error, statusDescription ?? errorMessage) }
        return (.unset, statusDescription ?? .empty)
    }

    /// Records a mapped tag whose value is text (`value`) and, for `error`, a truth value.
    mutating func set(_ field: TagMapping.Field, text value: StringID, truth: Bool?, in b: SpanTableBuilder) {
        switch field {
        case .kind: kind = SpanKind(name: b.strings[value])
        case .error:
            if let truth { error = error || truth } else { error = true }
            errorMessage = value
        case .statusCode: statusCode = StatusCode(name: b.strings[value])
        case .statusDescription: statusDescription = value
        case .scopeName: scopeName = value
        case .scopeVersion: scopeVersion = value
        case .traceState: traceState = value
        }
    }

    /// The scope these tags name (index 0, the empty scope, when they name none).
    func scope(_ b: inout SpanTableBuilder) -> UInt32 {
        if scopeName.isEmpty && scopeVersion.isEmpty { return 0 }
        return b.addScope(InstrumentationScope(name: scopeName, version: scopeVersion))
    }
}
