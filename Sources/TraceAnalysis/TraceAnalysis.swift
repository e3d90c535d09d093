// TraceAnalysis
