// TraceStore
