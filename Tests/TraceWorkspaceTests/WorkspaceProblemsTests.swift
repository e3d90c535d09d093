import Foundation
import Synchronization
import Testing
import TestSupport
import TraceAnalysis
import TraceModel
import TraceQuery
import TraceStore
@testable import TraceWorkspace

/// Each trace's problems are the same whichever way they are asked for: from the workspace
/// in memory (one index of every trace), through a store (each trace with its neighbours),
/// with the spans split between the two, from the report `trex analyze` prints, and by
/// `trace:problem` in a query.
@Suite struct WorkspaceProblemsTests {
    /// The bundled samples (errors, clock skew, N+1, outliving children) and drawn traces for
    /// the other problems: a client call whose server root is in another trace (broken
    /// propagation), an orphan (missing spans), twelve concurrent calls (fan-out).
    static let samples: SpanTable = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/samples")
        let drawn = AnalysisDrawing.table("""
            checkout web    [==============]  trace=t1 kind=server
             pay     web      [==========]    trace=t1 kind=client
            charge   payment    [======]      trace=t2 kind=server parent=-
            lost     worker  [===]            trace=orphaned parent=gone
            """ + "\nfan      web  [==========]  trace=fan kind=server"
            + (1...12).map { "\n call\($0)   db    [====]   trace=fan kind=client" }.joined(),
            attributes: ["pay": ["peer.service": .string("payment")]])
        return SpanTable.merging([TraceLoader.load([root.path]).table, drawn])
    }()

    /// The samples in memory, in a store, and split span by span between both.
    static let workspaces: (directory: TemporaryDirectory, memory: Workspace, store: Workspace, split: Workspace) = {
        let directory = TemporaryDirectory()
        let whole = try! PersistentStore.open(at: directory.file("whole.sqlite"), create: true)
        try! StoreImporter(store: whole).add(samples)
        var stored = SpanTableBuilder(), files = SpanTableBuilder()
        for (i, span) in samples.spans.enumerated() {
            if i % 2 == 0 { stored.copy(span, from: samples) } else { files.copy(span, from: samples) }
        }
        let half = try! PersistentStore.open(at: directory.file("half.sqlite"), create: true)
        try! StoreImporter(store: half).add(stored.finish())
        return (directory, Workspace(files: TraceCatalog(table: samples), store: nil), Workspace(files: nil, store: whole),
                Workspace(files: TraceCatalog(table: files.finish()), store: half))
    }()

    static var ids: [TraceID] { samples.traces.map(\.traceID) }

    @Test func theSamplesHoldEveryProblem() throws {
        let found = try Self.workspaces.memory.problems(of: Self.ids)
        let union = found.reduce(TraceProblems()) { $0.union($1) }
        #expect(union == TraceProblems(TraceProblems.all), "\(union.name)")
    }

    @Test func memoryStoreAndSplitAgreeWithTheReport() throws {
        let (_, memory, store, split) = Self.workspaces
        let inMemory = try memory.problems(of: Self.ids)
        #expect(try store.problems(of: Self.ids) == inMemory)
        #expect(try split.problems(of: Self.ids) == inMemory)
        for (id, problems) in zip(Self.ids, inMemory) {
            let subject = try #require(try memory.analysisSubject(id))
            #expect(subject.report().problems == problems, "\(id.hex)")
        }
    }

    @Test func aQueryOnAProblemFindsExactlyTheTracesThatHaveIt() throws {
        let (_, memory, store, split) = Self.workspaces
        let known = Dictionary(uniqueKeysWithValues: zip(Self.ids, try memory.problems(of: Self.ids)))
        for problem in TraceProblems.all {
            let expected = Set(known.filter { $0.value.contains(problem) }.keys)
            let query = try Query.parse("trace:problem = \"\(problem.name)\"")
            // Fresh workspaces, so the query finds the problems itself rather than reading them.
            for workspace in [Workspace(sources: memory.sources), Workspace(sources: store.sources),
                              Workspace(sources: split.sources)] {
                let found = Set(try workspace.query(query).orderedMatches.map { $0.catalog.trace(at: $0.match.traceIndex).id })
                #expect(found == expected, "\(problem.name) in \(workspace.sources.map(\.sourceDescription))")
            }
        }
    }

    @Test func theScanDoesTheScreensTracesFirstThenEveryOther() throws {
        let workspace = Workspace(sources: Self.workspaces.memory.sources)
        let scan = ProblemScan(workspace: workspace, order: Self.ids)
        let onScreen = Array(Self.ids.suffix(3))
        scan.prioritize(onScreen)
        #expect(workspace.knownProblems(of: onScreen[0]) == nil)
        var notices = 0
        let counter = Mutex(0)
        scan.runToEnd { counter.withLock { $0 += 1 } }
        notices = counter.withLock { $0 }
        #expect(scan.isFinished)
        #expect(notices >= 2)   // after the screen's traces, and at the end
        #expect(workspace.knownProblemCount == Set(Self.ids).count)
        for id in Self.ids { #expect(workspace.knownProblems(of: id) != nil) }
    }

    @Test func aStoppedScanStopsAndTheWorkspaceKnowsOnlyWhatItFound() throws {
        let workspace = Workspace(sources: Self.workspaces.memory.sources)
        let scan = ProblemScan(workspace: workspace, order: Self.ids)
        scan.stop()
        scan.runToEnd()
        #expect(workspace.knownProblemCount == 0)
        #expect(workspace.knownProblems(of: Self.ids[0]) == nil)
    }
}
