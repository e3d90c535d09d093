import Testing
import TerminalCore
import TraceModel
@testable import ExplorerUI

/// The service map's layered layout: callers left of callees, no line through a box, no two
/// lines on one cell unless they cross, crossings removed where a better order exists, cycles
/// drawn with their arrow back, and the text `trex deps --graph` prints.
@Suite struct ServiceMapLayoutTests {
    /// A graph from "caller>callee" pairs, 10 calls each, p95 20ms.
    static func graph(_ pairs: [String], errors: Int = 0) -> ServiceGraph {
        let names = Set(pairs.flatMap { $0.split(separator: ">").map(String.init) }).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let edges = pairs.map { pair -> ServiceGraph.Edge in
            let parts = pair.split(separator: ">").map(String.init)
            return ServiceGraph.Edge(from: index[parts[0]]!, to: index[parts[1]]!, calls: 10, errors: errors,
                                     p95: Nanoseconds(20_000_000))
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        return ServiceGraph(services: names, edges: edges)
    }

    static func box(_ layout: ServiceMapLayout, _ name: String) -> Rect {
        layout.boxes.first { layout.graph.services[$0.service] == name }!.rect
    }

    /// Every rule the drawing must keep, checked on any layout.
    static func checkInvariants(_ layout: ServiceMapLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let boxes = layout.boxes.map(\.rect)
        for path in layout.paths {
            let points: [(x: Int, y: Int)] = path.cells.map { ($0.x, $0.y) } + [(path.arrow.x, path.arrow.y)]
            for cell in points {
                let inside = boxes.contains { (r: Rect) in cell.x >= r.x && cell.x < r.right && cell.y >= r.y && cell.y < r.bottom }
                #expect(!inside, "edge \(path.edge) passes through a box at \(cell.x),\(cell.y)", sourceLocation: sourceLocation)
            }
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let overlap = a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom
                #expect(!overlap, "boxes overlap: \(a) \(b)", sourceLocation: sourceLocation)
            }
        }
        // Two lines share a cell only where they cross straight (one horizontal, one vertical).
        var seen: [Int: [ServiceMapLayout.Directions]] = [:]
        for path in layout.paths {
            for cell in path.cells { seen[cell.y * 100_000 + cell.x, default: []].append(cell.directions) }
        }
        for (key, uses) in seen where uses.count > 1 {
            let straight = uses.allSatisfy { $0 == [.left, .right] || $0 == [.up, .down] }
            let both = Set(uses.map(\.rawValue)).count == 2
            #expect(straight && both && uses.count == 2, "lines overlap at \(key % 100_000),\(key / 100_000): \(uses)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func callersAreLeftOfTheirCallees() {
        let layout = ServiceMapLayout(Self.graph(["frontend>checkout", "checkout>payment", "frontend>auth"]))
        #expect(Self.box(layout, "frontend").x < Self.box(layout, "checkout").x)
        #expect(Self.box(layout, "checkout").x < Self.box(layout, "payment").x)
        #expect(Self.box(layout, "auth").x == Self.box(layout, "checkout").x)
        Self.checkInvariants(layout)
    }

    @Test func anEdgeOverSeveralColumnsGoesAroundTheBoxesBetween() {
        // a calls c directly and through b: a -> c spans two columns.
        let layout = ServiceMapLayout(Self.graph(["a>b", "b>c", "a>c"]))
        #expect(Self.box(layout, "a").x < Self.box(layout, "b").x && Self.box(layout, "b").x < Self.box(layout, "c").x)
        Self.checkInvariants(layout)
        let long = layout.paths.first { layout.graph.services[layout.graph.edges[$0.edge].to] == "c"
            && layout.graph.services[layout.graph.edges[$0.edge].from] == "a" }!
        #expect(long.arrow.x == Self.box(layout, "c").x - 1)
    }

    @Test func crossingsAreRemovedWhereAnOrderWithoutThemExists() {
        // In name order, a>d and b>c cross; swapping c and d (or a and b) uncrosses them.
        let layout = ServiceMapLayout(Self.graph(["a>d", "b>c"]))
        #expect(layout.crossings == 0)
        // K3,3 cannot be drawn in two columns without crossings: 3 at the least.
        let k33 = ServiceMapLayout(Self.graph(["a>x", "a>y", "a>z", "b>x", "b>y", "b>z", "c>x", "c>y", "c>z"]))
        #expect(k33.crossings == 9, "every order of K3,3's columns has 9 crossings")
        Self.checkInvariants(k33)
    }

    @Test func aCycleIsDrawnWithItsArrowBack() {
        let layout = ServiceMapLayout(Self.graph(["api>worker", "worker>api"]))
        Self.checkInvariants(layout)
        let back = layout.paths.filter(\.arrow.pointsLeft)
        #expect(back.count == 1)
        #expect(back.first?.arrow.x == Self.box(layout, "api").right)
    }

    @Test func tenServicesFitEightyColumnsAndSixtyStayConsistent() {
        let ten = Self.graph(["web>gateway", "gateway>orders", "gateway>users", "gateway>search", "orders>payments",
                              "orders>inventory", "payments>bank", "users>db", "orders>db", "search>index",
                              "inventory>db"])
        let layout = ServiceMapLayout(ten)
        #expect(layout.size.width <= 160, "\(layout.size)")   // scrolls at 80x24; the width says how far
        Self.checkInvariants(layout)
        // Sixty services in a fan: 6 tiers of 10, each calling two of the next.
        var pairs: [String] = []
        for tier in 0..<5 {
            for i in 0..<10 {
                pairs.append("s\(tier)\(i)>s\(tier + 1)\(i)")
                pairs.append("s\(tier)\(i)>s\(tier + 1)\((i + 3) % 10)")
            }
        }
        let big = ServiceMapLayout(Self.graph(pairs))
        #expect(big.boxes.count == 60)
        Self.checkInvariants(big)
    }

    @Test func theTextMapIsTheLayoutDrawn() {
        let lines = ServiceMapText.lines(Self.graph(["frontend>checkout", "checkout>payment"], errors: 0))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("│ frontend │"), "\(text)")
        #expect(text.contains("10 20ms"), "\(text)")
        #expect(text.contains("▶│ checkout │"), "\(text)")
        #expect(text.contains("▶│ payment │"), "\(text)")
        let ascii = ServiceMapText.lines(Self.graph(["frontend>checkout"]), ascii: true).joined(separator: "\n")
        #expect(ascii.contains(">| checkout |") && !ascii.contains("│"), "\(ascii)")
    }

    @Test func hostileServiceNamesAreEscapedAndCut() {
        let lines = ServiceMapText.lines(Self.graph(["evil\u{1b}[2J>db", String(repeating: "x", count: 80) + ">db"]))
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) < 120 })
    }

    @Test func dotNamesEveryServiceAndEdge() {
        let dot = ServiceMapText.dot(Self.graph(["frontend>checkout", "a\"b>checkout"], errors: 2))
        #expect(dot.hasPrefix("digraph services {"))
        #expect(dot.contains(#""frontend" -> "checkout" [label="10 x2 20ms", color=red];"#), "\(dot)")
        #expect(dot.contains(#""a\"b""#), "\(dot)")
    }
}
