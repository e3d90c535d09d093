import Testing
@testable import TerminalCore

@Suite("Buffer diff")
struct BufferDiffTests {
    @Test("Without a previous frame every row is written")
    func firstFrame() {
        let buffer = Buffer(lines: ["ab", "cd"])
        let runs = buffer.changes(from: nil)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.allSatisfy { $0.x == 0 && $0.width == 2 })
    }

    @Test("A size change repaints everything")
    func sizeChange() {
        let old = Buffer(width: 3, height: 1)
        let new = Buffer(width: 4, height: 1)
        #expect(new.changes(from: old).count == 1)
        #expect(new.changes(from: old)[0].width == 4)
    }

    @Test("Identical frames produce nothing")
    func identical() {
        let buffer = Buffer(lines: ["hello", "world"])
        #expect(buffer.changes(from: buffer).isEmpty)
    }

    @Test("Only changed runs are reported")
    func runs() {
        let old = Buffer(lines: ["hello world", "second line"])
        let new = Buffer(lines: ["hellO wOrld", "second line"])
        let runs = new.changes(from: old)
        #expect(runs.map(\.x) == [4, 7])
        #expect(runs.map(\.width) == [1, 1])
        #expect(runs.allSatisfy { $0.y == 0 })
        #expect(runs[0].cells.first?.character == "O")
    }

    @Test("Nearby runs merge when a gap is allowed")
    func merge() {
        let old = Buffer(lines: ["hello world"])
        let new = Buffer(lines: ["hellO wOrld"])
        let runs = new.changes(from: old, mergeGap: 2)
        #expect(runs.count == 1)
        #expect(runs[0].x == 4)
        #expect(runs[0].width == 4)
    }

    @Test("A changed wide character is written with both halves")
    func wideRun() {
        let old = Buffer(lines: ["ab中d"])
        let new = Buffer(lines: ["ab文d"])
        let runs = new.changes(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2)
        #expect(runs[0].width == 2)
    }

    @Test("A run never starts on the right half of a wide character")
    func continuationStart() {
        var old = Buffer(width: 5, height: 1)
        old.setString("a中", x: 0, y: 0)  // a, 中, continuation
        var new = old
        new.setStyle(Style(attributes: .bold), x: 2, y: 0)  // style change via the right half
        let runs = new.changes(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].x == 1)
        #expect(runs[0].cells.first?.character == "中")
    }

    @Test("Replacing a wide character by two narrow ones writes both columns")
    func wideToNarrow() {
        let old = Buffer(lines: ["中"], width: 3)
        let new = Buffer(lines: ["ab"], width: 3)
        let runs = new.changes(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].width == 2)
    }
}
