import Testing
@testable import TerminalCore

/// A tiny application for the loop: a counter moved with j/k, quit with q.
private final class CounterApp {
    var count = 0
    var messages: [String] = []
    var seen: [InputEvent] = []

    func handle(_ event: LoopEvent<String>) -> LoopAction {
        switch event {
        case .input(let input):
            seen.append(input)
            switch input {
            case .key(.char("j")): count += 1; return .redraw
            case .key(.char("k")): count -= 1; return .redraw
            case .key(.char("q")): return .quit
            case .key(.ctrl("l")): return .repaint
            default: return .none
            }
        case .message(let text):
            messages.append(text)
            return .redraw
        case .tick:
            return .none
        }
    }

    func render(_ frame: inout Frame) {
        frame.buffer.setString("count \(count)", x: 0, y: 0)
        frame.buffer.setString("\(frame.area.width)x\(frame.area.height)", x: 0, y: 1)
        if let last = messages.last { frame.buffer.setString(last, x: 0, y: 2) }
    }
}

@Suite("Terminal loop with the test backend")
struct TerminalLoopTests {
    static let small = LoopOptions(minimumSize: Size(width: 20, height: 4))

    @Test("Keys update state, each batch draws once, q quits")
    func keys() {
        let backend = TestBackend(width: 30, height: 5)
        backend.press(.char("j"), .char("j"))
        backend.enqueue([.idle])
        backend.press(.char("k"), .char("q"))
        let app = CounterApp()
        let loop = TerminalLoop<String>(backend: backend, options: Self.small)
        let exit = loop.run(handle: app.handle, render: app.render)
        #expect(exit == .quit)
        #expect(exit.exitStatus == 0)
        #expect(backend.frames.count == 2)  // the first frame, then one after "jj"; "k q" quits before drawing
        #expect(backend.frames[1].lineText(0) == "count 2")
        #expect(app.count == 1)
    }

    @Test("Only changed cells are written after the first frame")
    func minimalWrites() {
        let backend = TestBackend(width: 30, height: 5)
        backend.press(.char("j"))
        backend.enqueue([.idle])
        backend.press(.char("q"))
        let app = CounterApp()
        _ = TerminalLoop<String>(backend: backend, options: Self.small).run(handle: app.handle, render: app.render)
        #expect(backend.writes[0].count == 5)  // all rows
        #expect(backend.writes[1].map(\.x) == [6])  // the digit
    }

    @Test("A resize redraws at the new size")
    func resize() {
        let backend = TestBackend(width: 30, height: 5)
        backend.enqueue([.resize(Size(width: 40, height: 6)), .idle])
        backend.press(.char("q"))
        let app = CounterApp()
        _ = TerminalLoop<String>(backend: backend, options: Self.small).run(handle: app.handle, render: app.render)
        #expect(backend.frames.map(\.size) == [Size(width: 30, height: 5), Size(width: 40, height: 6)])
        #expect(backend.frames[1].lineText(1) == "40x6")
        #expect(app.seen.contains(.resize(Size(width: 40, height: 6))))
    }

    @Test("Below the minimum size the loop shows its own screen and ignores the mouse and keys but q")
    func tooSmall() {
        let backend = TestBackend(width: 50, height: 10)
        backend.enqueue([.resize(Size(width: 40, height: 6)), .idle])
        backend.press(.char("j"))
        // Nor does the mouse reach the app: nothing is drawn to click on.
        backend.enqueue([.event(.mouse(MouseEvent(.doubleClick, at: Point(x: 3, y: 3)))),
                         .event(.mouse(MouseEvent(.wheelDown, at: Point(x: 3, y: 3))))])
        backend.enqueue([.idle, .resize(Size(width: 60, height: 15)), .idle])
        backend.press(.char("j"))
        backend.enqueue([.idle, .resize(Size(width: 30, height: 3)), .idle])
        backend.press(.char("q"))
        let app = CounterApp()
        let loop = TerminalLoop<String>(backend: backend)
        #expect(loop.run(handle: app.handle, render: app.render) == .quit)
        #expect(backend.frames[0].text.contains("Terminal too small: 50x10"))
        #expect(backend.frames[0].text.contains("Needs at least 60x15"))
        #expect(backend.frames[1].text.contains("Terminal too small: 40x6"))
        #expect(backend.frames[2].lineText(0) == "count 0")  // the j while too small was ignored
        #expect(backend.frames[3].lineText(0) == "count 1")
        #expect(backend.frames[4].text.contains("Terminal too small: 30x3"))
        #expect(app.count == 1)
        #expect(!app.seen.contains { if case .mouse = $0 { true } else { false } })
    }

    @Test("The too-small screen, centred, as text")
    func tooSmallText() {
        var buffer = Buffer(width: 40, height: 5)
        TooSmallScreen(minimum: Size(width: 60, height: 15)).render(in: buffer.area, into: &buffer)
        #expect(buffer.text == """

                Terminal too small: 40x5
                  Needs at least 60x15
         Enlarge the window or press q to quit

        """)
    }

    @Test("Messages posted from another thread are drained and drawn")
    func mailbox() async {
        let backend = TestBackend(width: 30, height: 5)
        backend.enqueue([.idle, .idle])
        backend.press(.char("q"))
        let app = CounterApp()
        let loop = TerminalLoop<String>(backend: backend, options: Self.small)
        let mailbox = loop.mailbox
        await Task.detached { mailbox.post("loading 10%") ; mailbox.post("loading 50%") }.value
        _ = loop.run(handle: app.handle, render: app.render)
        #expect(app.messages == ["loading 10%", "loading 50%"])
        #expect(backend.frames.last?.lineText(2) == "loading 50%")
        #expect(mailbox.isEmpty)
    }

    @Test("An interruption ends the loop whatever the handler says")
    func interrupt() {
        let backend = TestBackend(width: 30, height: 5)
        backend.enqueue([.event(.interrupt(.terminate))])
        let app = CounterApp()
        let exit = TerminalLoop<String>(backend: backend, options: Self.small).run(handle: app.handle, render: app.render)
        #expect(exit == .interrupted(.terminate))
        #expect(exit.exitStatus == 143)
        #expect(app.seen == [.interrupt(.terminate)])
    }

    @Test("The end of the script is a hang-up")
    func endOfScript() {
        let backend = TestBackend(width: 30, height: 5)
        let app = CounterApp()
        #expect(TerminalLoop<String>(backend: backend, options: Self.small).run(handle: app.handle, render: app.render) == .interrupted(.hangup))
    }

    @Test("Repaint and resume invalidate the screen so every row is written again")
    func repaint() {
        let backend = TestBackend(width: 30, height: 5)
        backend.press(.ctrl("l"))
        backend.enqueue([.idle, .event(.resumed), .idle])
        backend.press(.char("q"))
        let app = CounterApp()
        _ = TerminalLoop<String>(backend: backend, options: Self.small).run(handle: app.handle, render: app.render)
        #expect(backend.invalidations == 2)
        #expect(backend.writes.count == 3)
        #expect(backend.writes.allSatisfy { $0.count == 5 })
    }

    @Test("Polls use the configured timeout, then drain pending input without waiting")
    func pollTimeouts() {
        let backend = TestBackend(width: 30, height: 5)
        backend.press(.char("j"), .char("q"))
        backend.enqueue([.idle])
        let app = CounterApp()
        let options = LoopOptions(minimumSize: Size(width: 1, height: 1), pollTimeout: .milliseconds(150))
        _ = TerminalLoop<String>(backend: backend, options: options).run(handle: app.handle, render: app.render)
        #expect(backend.pollTimeouts == [.milliseconds(150), .zero, .zero])
    }

    @Test("Ticks arrive on idle polls when asked for")
    func ticks() {
        let backend = TestBackend(width: 30, height: 5)
        backend.enqueue([.idle, .idle])
        var ticks = 0
        let options = LoopOptions(minimumSize: Size(width: 1, height: 1), tickWhenIdle: true)
        _ = TerminalLoop<String>(backend: backend, options: options).run(handle: { event in
            if case .tick = event { ticks += 1 }
            return .none
        }, render: { _ in })
        #expect(ticks == 2)
    }
}
