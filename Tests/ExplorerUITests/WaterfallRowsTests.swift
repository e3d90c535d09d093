import Testing
import TraceModel
import TestSupport
@testable import ExplorerUI

@Suite struct WaterfallRowsTests {
    static let drawing = """
        root   frontend [====================]
         a     api        [=====]
          a1   db          [=]
          a2   db            [=]
         b     api               [=====]
          b1   db                 [=]
        """

    private func names(_ rows: WaterfallRows, _ trace: Trace) -> [String] {
        rows.visible.map { position in
            switch rows.tree.nodes[Int(position)] {
            case .span(let local): return trace.nameOf(Int(local))
            case .missingParent(let id): return "missing \(id.hex.prefix(4))"
            }
        }
    }

    @Test func collapsingHidesTheSubtreeAndExpandingBringsItBack() {
        let trace = TraceDrawing.trace(Self.drawing)
        let tree = WaterfallTree(trace, tree: TraceTree(trace))
        var rows = WaterfallRows(tree: tree)
        #expect(names(rows, trace) == ["root", "a", "a1", "a2", "b", "b1"])
        rows.toggle(Int(tree.positionOfSpan[trace.local("a")]))
        #expect(names(rows, trace) == ["root", "a", "b", "b1"])
        rows.collapseAll()
        #expect(names(rows, trace) == ["root"])
        rows.expandAll()
        #expect(rows.count == 6)
        rows.collapse(belowDepth: 1)
        #expect(names(rows, trace) == ["root", "a", "b"])
        rows.reveal(Int(tree.positionOfSpan[trace.local("b1")]))
        #expect(names(rows, trace) == ["root", "a", "b", "b1"])
        #expect(rows.visibleIndex(of: Int(tree.positionOfSpan[trace.local("b1")])) == 3)
        #expect(rows.visibleIndex(of: Int(tree.positionOfSpan[trace.local("a1")])) == nil)
    }

    @Test func leavesCannotBeCollapsed() {
        let trace = TraceDrawing.trace(Self.drawing)
        var rows = WaterfallRows(tree: WaterfallTree(trace, tree: TraceTree(trace)))
        rows.toggle(Int(rows.tree.positionOfSpan[trace.local("a1")]))
        #expect(rows.count == 6)
        #expect(!rows.isCollapsed(Int(rows.tree.positionOfSpan[trace.local("a1")])))
    }

    @Test func orphansSharingAMissingParentAreGroupedUnderOneSyntheticRow() {
        var f = TraceFixture()
        f.span("root", start: 0, end: 100)
        f.span("x", parent: "lost", start: 10, end: 20)
        f.span("y", parent: "elsewhere", start: 15, end: 25)
        f.span("z", parent: "lost", start: 30, end: 40)
        f.span("z1", parent: "z", start: 31, end: 32)
        let trace = f.buildTrace()
        let tree = WaterfallTree(trace, tree: TraceTree(trace))
        let rows = WaterfallRows(tree: tree)
        let lost = TraceFixture.id("lost").hex.prefix(4)
        let elsewhere = TraceFixture.id("elsewhere").hex.prefix(4)
        #expect(names(rows, trace) == ["root", "missing \(lost)", "x", "z", "z1", "missing \(elsewhere)", "y"])
        #expect(tree.depth.map { Int($0) } == [0, 0, 1, 1, 2, 0, 1])
        #expect(tree.subtreeSize[1] == 4)
    }
}
