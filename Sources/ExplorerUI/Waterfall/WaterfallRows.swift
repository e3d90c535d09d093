/// Which rows of a `WaterfallTree` are collapsed, and the visible rows that follow from it.
///
/// Like Jaeger UI's `generateRowStates`: collapse state is kept per row, and the visible rows
/// are derived in one pass that jumps over collapsed subtrees. O(visible rows) per derivation,
/// O(n) at worst; expanding or collapsing everything is one O(n) pass.
public struct WaterfallRows: Sendable {
    public let tree: WaterfallTree
    public private(set) var collapsed: [Bool]
    /// Display positions of the visible rows, top to bottom.
    public private(set) var visible: [Int32] = []

    public init(tree: WaterfallTree) {
        self.tree = tree
        collapsed = [Bool](repeating: false, count: tree.count)
        rebuild()
    }

    public var count: Int { visible.count }

    public func isCollapsed(_ position: Int) -> Bool { collapsed[position] }

    // MARK: - Changing collapse state

    /// Collapses or expands one row. Rows without children are left alone.
    public mutating func setCollapsed(_ position: Int, _ value: Bool) {
        guard tree.hasChildren(position), collapsed[position] != value else { return }
        collapsed[position] = value
        rebuild()
    }

    public mutating func toggle(_ position: Int) { setCollapsed(position, !collapsed[position]) }

    public mutating func expandAll() {
        for i in collapsed.indices { collapsed[i] = false }
        rebuild()
    }

    public mutating func collapseAll() { collapse(belowDepth: 0) }

    /// Shows rows down to `depth` levels (0: only the top rows) and collapses everything deeper.
    public mutating func collapse(belowDepth depth: Int) {
        let limit = Int32(depth)
        for i in collapsed.indices { collapsed[i] = tree.depth[i] >= limit && tree.subtreeSize[i] > 1 }
        rebuild()
    }

    /// Expands every ancestor of a row so it becomes visible.
    public mutating func reveal(_ position: Int) {
        var parent = tree.parentPosition[position]
        var changed = false
        while parent >= 0 {
            if collapsed[Int(parent)] { collapsed[Int(parent)] = false; changed = true }
            parent = tree.parentPosition[Int(parent)]
        }
        if changed { rebuild() }
    }

    /// The index in `visible` of a display position, if it is visible. O(log n).
    public func visibleIndex(of position: Int) -> Int? {
        var lo = 0
        var hi = visible.count
        let target = Int32(position)
        while lo < hi {
            let mid = (lo + hi) / 2
            if visible[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < visible.count && visible[lo] == target ? lo : nil
    }

    private mutating func rebuild() {
        var rows: [Int32] = []
        rows.reserveCapacity(tree.count)
        var position = 0
        while position < tree.count {
            rows.append(Int32(position))
            position += collapsed[position] ? Int(tree.subtreeSize[position]) : 1
        }
        visible = rows
    }
}
