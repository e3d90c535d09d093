import ArgumentParser
import TraceModel
import TraceQuery

/// A metrics step on the command line, written as a query duration: `30s`, `1m`, `500ms`, `1h30m`.
struct StepArgument: ExpressibleByArgument, Equatable {
    var duration: Nanoseconds

    init?(argument: String) {
        guard let tokens = try? Lexer.tokenize(argument), tokens.count == 2, case .duration(let ns) = tokens[0].kind,
              ns > 0 else { return nil }
        duration = Nanoseconds(ns)
    }
}
