import Synchronization
import TraceAnalysis
import TraceModel

/// Each trace's problems once found, and the index of every trace in memory that finding
/// them needs: shared by the trace list's marks (found in the background), the filter's
/// `trace:problem` and anything else that asks the workspace. Thread-safe.
final class ProblemCache: Sendable {
    private let known = Mutex<[TraceID: TraceProblems]>([:])
    private let setIndex = Mutex<TraceSetIndex?>(nil)

    subscript(id: TraceID) -> TraceProblems? {
        known.withLock { $0[id] }
    }

    func record(_ found: [(TraceID, TraceProblems)]) {
        known.withLock { table in for (id, problems) in found { table[id] = problems } }
    }

    var count: Int { known.withLock { $0.count } }

    /// Forgets what is known of these traces, and those known to be missing spans (a trace
    /// that arrives may hold their orphans' parents); returns how many were forgotten.
    func forget(_ ids: some Sequence<TraceID>) -> Int {
        known.withLock { table in
            var forgotten = 0
            for id in ids where table.removeValue(forKey: id) != nil { forgotten += 1 }
            for (id, problems) in table where problems.contains(.missingSpans) {
                table.removeValue(forKey: id)
                forgotten += 1
            }
            return forgotten
        }
    }

    /// The set index of a source held in memory, built on first use (O(its spans)) and kept.
    func index(building make: () -> TraceSetIndex) -> TraceSetIndex {
        setIndex.withLock { index in
            if let index { return index }
            let made = make()
            index = made
            return made
        }
    }
}
