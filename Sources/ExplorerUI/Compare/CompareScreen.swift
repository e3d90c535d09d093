import TerminalCore
import TraceAnalysis
import TraceModel
import TraceWorkspace

/// The compare screen: two traces (`x` marks one, `=` compares another with it) or a trace and
/// the median of its root operation's traces (`B`), merged by the path of (service, operation)
/// from the root, as `trex compare` prints them. Each path shows its span count and total
/// duration in A and in B and the difference; paths only in A or only in B are marked; siblings
/// come biggest difference first; the critical path's paths are drawn in the critical role and
/// a path on one side's critical path only is starred.
///
/// The tree folds as the waterfall does (Enter, `h`, `l`, `O`, `C`); `t` shows the differences
/// of self time rather than of duration; `d` hides the paths where nothing changed.
struct CompareScreen {
    let comparison: TraceComparison
    let a: ComparedSide
    let b: ComparedSide
    private(set) var collapsed: Set<Int> = []
    /// The differences of self time rather than of duration (`t`).
    private(set) var selfTime = false
    /// Only the paths that changed, with their ancestors (`d`).
    private(set) var changedOnly = false
    /// The node indices shown, in order.
    private(set) var visible: [Int] = []
    /// Per node: it or a path below it changed (its duration, self time or critical role).
    private let changedBelow: [Bool]
    /// The largest size of a difference (duration and self time), for the bars.
    let largestDurationDelta: Int64
    let largestSelfDelta: Int64
    var cursor = ListCursor()

    init(comparison: TraceComparison, a: ComparedSide, b: ComparedSide) {
        self.comparison = comparison
        self.a = a
        self.b = b
        let nodes = comparison.nodes
        var changed = nodes.map { $0.durationDelta != .zero || $0.selfTimeDelta != .zero || $0.criticalPathDiffers
            || $0.isOnlyInA || $0.isOnlyInB }
        for i in nodes.indices.reversed() { if changed[i], let p = nodes[i].parent { changed[p] = true } }
        changedBelow = changed
        largestDurationDelta = nodes.lazy.map { Int64(clamping: $0.durationDelta.value.magnitude) }.max() ?? 0
        largestSelfDelta = nodes.lazy.map { Int64(clamping: $0.selfTimeDelta.value.magnitude) }.max() ?? 0
        rebuild()
    }

    /// The node under the cursor.
    var selectedNode: Int? { visible.indices.contains(cursor.selected) ? visible[cursor.selected] : nil }

    func hasChildren(_ node: Int) -> Bool { comparison.nodes[node].subtreeEnd > node + 1 }

    /// Recomputes the shown rows, keeping the selected node when it is still shown. O(nodes).
    private mutating func rebuild() {
        let keep = selectedNode
        let nodes = comparison.nodes
        var shown: [Int] = []
        var i = 0
        while i < nodes.count {
            if changedOnly && !changedBelow[i] {
                i = nodes[i].subtreeEnd
                continue
            }
            shown.append(i)
            i = collapsed.contains(i) ? nodes[i].subtreeEnd : i + 1
        }
        visible = shown
        cursor.count = shown.count
        if let keep, let at = shown.firstIndex(of: keep) { cursor.select(at) }
    }

    mutating func perform(_ command: Command) -> Bool {
        if cursor.perform(command) { return true }
        guard let node = selectedNode else {
            if command == .toggleChangedOnly { changedOnly.toggle(); rebuild(); return true }
            if command == .toggleSelfTime { selfTime.toggle(); return true }
            return false
        }
        switch command {
        case .toggleCollapse:
            guard hasChildren(node) else { return false }
            if collapsed.contains(node) { collapsed.remove(node) } else { collapsed.insert(node) }
        case .expand:
            guard collapsed.contains(node) else { return false }
            collapsed.remove(node)
        case .collapse:
            if hasChildren(node) && !collapsed.contains(node) {
                collapsed.insert(node)
            } else if let parent = comparison.nodes[node].parent, let at = visible.firstIndex(of: parent) {
                cursor.select(at)
                return true
            } else {
                return false
            }
        case .expandAll:
            collapsed = []
        case .collapseAll:
            collapsed = Set(comparison.nodes.indices.filter { comparison.nodes[$0].depth == 0 && hasChildren($0) })
        case .toggleSelfTime:
            selfTime.toggle()
            return true
        case .toggleChangedOnly:
            changedOnly.toggle()
        default:
            return false
        }
        rebuild()
        return true
    }

    /// The status line.
    var summary: String {
        let paths = NumberFormat.count(comparison.nodes.count, "path")
        let what = selfTime ? "self time" : "duration"
        let shown = changedOnly ? " · changed only (\(NumberFormat.grouped(visible.count)) shown)" : ""
        return "Compare · \(paths) · \(what)\(shown)"
    }
}
