import ArgumentParser
import TraceModel
import TraceStore
import TraceWorkspace

/// What the commands ask of the workspace, with failures reported the commands' way: a
/// message on standard error and exit status 1.
extension Workspace {
    /// The trace an id text names, loaded whole; prints why and exits 1 when there is no such
    /// single trace.
    func requireTrace(_ text: String) throws -> (catalog: TraceCatalog, index: Int) {
        switch try sourceOperation({ try trace(named: text) }) {
        case .success(let found): return found
        case .failure(let error):
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
    }

    /// The trace an id text names with its neighbours, ready for the analysis.
    func requireAnalysisSubject(_ text: String) throws -> AnalysisSubject {
        let id: TraceID
        switch try sourceOperation({ try findTrace(text) }) {
        case .success(let found): id = found
        case .failure(let error):
            FileHandleOutput.message("\(error)")
            throw ExitCode(1)
        }
        guard let subject = try sourceOperation({ try analysisSubject(id) }) else {
            FileHandleOutput.message("\(TraceCatalog.LookupError.notFound(text))")
            throw ExitCode(1)
        }
        return subject
    }
}
