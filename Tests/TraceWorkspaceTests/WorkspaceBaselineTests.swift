import Testing
import TestSupport
import TraceAnalysis
import TraceModel
import TraceStore
@testable import TraceWorkspace

/// The traces a baseline is made of, across files and a store.
@Suite struct WorkspaceBaselineTests {
    /// `t0`..`t3` of `web GET /checkout` starting at 0, 1, 5 and 9 s, `login` of `web POST /login`;
    /// `t1` and `t3` in the store, the rest in the files.
    struct Split {
        let directory = TemporaryDirectory()
        let workspace: Workspace

        init() throws {
            var files = TraceFixture(trace: "t0", unitNanos: 1_000_000_000)
            var store = TraceFixture(trace: "t1", unitNanos: 1_000_000_000)
            for (i, start) in [0, 1, 5, 9].enumerated() {
                let s = Int64(start)
                if i % 2 == 0 { files.inTrace("t\(i)") } else { store.inTrace("t\(i)") }
                let add = { (f: inout TraceFixture) in
                    f.span("root\(i)", service: "web", name: "GET /checkout", start: s, end: s + 1)
                    f.span("db\(i)", parent: "root\(i)", service: "postgres", name: "SELECT", start: s, end: s + 1)
                }
                if i % 2 == 0 { add(&files) } else { add(&store) }
            }
            files.inTrace("login")
            files.span("login", service: "web", name: "POST /login", start: 2, end: 3)
            let persistent = try PersistentStore.open(at: directory.file("t.sqlite"), create: true)
            try StoreImporter(store: persistent).add(store.build())
            workspace = Workspace(files: TraceCatalog(table: files.build()), store: persistent)
        }
    }

    static func id(_ name: String) -> TraceID { StableHash.traceID(for: name) }

    @Test func theOthersOfTheRootOperationNearestInTimeFirst() throws {
        let split = try Split()
        let selection = try #require(try split.workspace.baselineSelection(for: Self.id("t1")))
        #expect(selection.rootOperation == OperationKey(service: "web", name: "GET /checkout"))
        #expect(selection.ids == [Self.id("t0"), Self.id("t2"), Self.id("t3")])
        #expect(selection.matching == 3)
        let two = try #require(try split.workspace.baselineSelection(for: Self.id("t1"), limit: 2))
        #expect(two.ids == [Self.id("t0"), Self.id("t2")] && two.matching == 3)
        #expect(try split.workspace.baselineSelection(for: Self.id("login"))?.ids == [])
        #expect(try split.workspace.baselineSelection(for: Self.id("nowhere")) == nil)
    }

    @Test func eachTraceFoldedFromWhicheverSourceHoldsIt() throws {
        let split = try Split()
        let ids = [Self.id("t3"), Self.id("nowhere"), Self.id("t0"), Self.id("t1")]
        let trees = try split.workspace.operationTrees(ids, batch: 2)
        #expect(trees.count == 3, "the unknown id is left out")
        for tree in trees {
            #expect(tree.nodes.count == 2 && tree.key(of: 1) == OperationKey(service: "postgres", name: "SELECT"))
        }
        let median = OperationTree(medianOf: trees)
        #expect(median.figures.traceCount == 3 && median.nodes.count == 2)
    }
}
