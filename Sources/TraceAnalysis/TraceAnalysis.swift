// TraceAnalysis: pure functions from a trace (or a set of traces) to results.
//
// Everything here reads the immutable model (`Trace`, `TraceTree`, `SpanTable`) and returns
// values; nothing mutates a span. Spans are addressed by their *local index* in the trace
// (0..<spanCount, ordered by start time), like every other per-trace structure.
//
//   CriticalPath/   the chain of sections that set the trace's latency (Jaeger UI compatible)
//   ClockSkew/      host identity, skew detection and estimates, the adjusted (shifted) view
//   Diagnostics/    the ways traces lie: orphans, roots, duplicates, durations, skew, ...
//   FanOut/         children grouped by operation: concurrency, N+1, wide fan-out, SQL shapes
//   RootCause/      where an error cascade started
//   Statistics/     per-operation and per-service counts, error rates, exact percentiles
//   Dependencies/   the service dependency graph
//   Report/         `AnalysisReport`: everything about one trace, encodable as JSON
//
// No function recurses on the span tree: traces of a million spans and chains of a hundred
// thousand are normal inputs. See docs/analysis.md for the definitions and thresholds.
