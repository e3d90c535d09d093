import ArgumentParser
import TerminalCore
import TraceQuery

/// A query given on the command line, as `trex query` and `trex metrics` read it.
enum QueryArgument {
    /// The parsed query; a wrong one has its diagnostic (with the caret) printed and exits 2.
    /// A query with `with(...)` hints gets a note on standard error.
    static func parse(_ text: String) throws -> Query {
        switch Query.result(text) {
        case .success(let query):
            if let note = query.hintsNote { FileHandleOutput.standardError("note: " + note) }
            return query
        case .failure(let diagnostic):
            FileHandleOutput.standardError(diagnostic.rendered(query: text))
            throw ExitCode(2)
        }
    }
}
