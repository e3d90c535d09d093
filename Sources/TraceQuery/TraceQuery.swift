// TraceQuery
