import TraceModel

/// Why a caller stopped waiting for a call that outlived it. A client span that ends before
/// its server and carries an error status or a timeout in its message or error attributes
/// gave up on the call: almost always a client-side timeout.
enum CallerGaveUp {
    /// "the caller gave up: timeout (context deadline exceeded)" when the parent failed or
    /// timed out; nil when nothing on the parent says so.
    static func reason(_ parent: Span, in table: SpanTable) -> String? {
        let message = table.strings[parent.statusMessage]
        var evidence = [message]
        for key in ["error.type", "exception.type", "error", "otel.status_description"] {
            if case .string(let text)? = table.attribute(key, of: parent) { evidence.append(text) }
        }
        let timedOut = evidence.contains { mentionsTimeout($0) }
        guard timedOut || parent.status == .error else { return nil }
        return "the caller gave up: timeout" + (message.isEmpty ? "" : " (\(message))")
    }

    /// True for the usual spellings of a timeout in status messages and error types.
    static func mentionsTimeout(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["timeout", "timed out", "deadline", "time out"].contains { lower.contains($0) }
    }
}
