import Testing
@testable import NcursesBackend
import TerminalCore

/// The real ncurses backend on a pseudo-terminal: drawing, diffing and key reading without tmux.
/// Serialized: curses state is process-wide.
@Suite("NcursesBackend on a pty", .serialized)
struct PtyBackendTests {
    /// Starts the backend on a fresh 80x24 pty, runs `body`, and always shuts down.
    func withBackend(_ body: (NcursesBackend, PseudoTerminal) throws -> Void) throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let backend = try NcursesBackend.start(options: NcursesOptions(devicePath: pty.slavePath, terminalType: "xterm-256color"))
        defer {
            backend.shutdown()
            pty.drain()
        }
        try body(backend, pty)
    }

    @Test("Starts at the pty's size with 256 colours and UTF-8")
    func start() throws {
        try withBackend { backend, _ in
            #expect(backend.size == Size(width: 80, height: 24))
            #expect(backend.capabilities.colorMode == .color256)
            #expect(backend.capabilities.isUTF8)
            #expect(backend.capabilities.terminalName == "xterm-256color")
            #expect(backend.warnings.isEmpty)
        }
    }

    @Test("A drawn frame is what curses holds, wide characters included")
    func drawsFrame() throws {
        try withBackend { backend, pty in
            var buffer = Buffer(size: backend.size)
            buffer.setString("trex 中文 ok", x: 0, y: 0, style: Style(foreground: .cyan, attributes: .bold))
            buffer.setString("selected", x: 2, y: 1, style: Style(foreground: .white, background: .blue))
            buffer.setString("e\u{301}t\u{E9}", x: 0, y: 2)
            backend.draw(buffer, cursor: nil)
            pty.drain()
            #expect(backend.screenLine(0) == "trex 中文 ok")
            #expect(backend.screenLine(1) == "  selected")
            #expect(backend.screenLine(2) == "e\u{301}t\u{E9}")
            #expect(backend.screenLine(3) == "")
        }
    }

    @Test("The second frame writes only what changed, and replaces wide characters cleanly")
    func diffs() throws {
        try withBackend { backend, pty in
            var first = Buffer(size: backend.size)
            first.setString("count 1 中文", x: 0, y: 0)
            first.setString(String(repeating: "x", count: 80), x: 0, y: 5)
            backend.draw(first, cursor: nil)
            let full = pty.drain().count
            var second = first
            second.setString("2", x: 6, y: 0)
            second.setString("ab", x: 8, y: 0)
            backend.draw(second, cursor: nil)
            let small = pty.drain().count
            #expect(backend.screenLine(0) == "count 2 ab文")
            #expect(backend.screenLine(5) == String(repeating: "x", count: 80))
            #expect(small < full / 4)
        }
    }

    @Test("Emoji sequences are simplified to what every terminal draws alike")
    func emoji() throws {
        try withBackend { backend, pty in
            var buffer = Buffer(size: backend.size)
            buffer.setString("a😀b👩‍💻c❤️d🇯🇵e|", x: 0, y: 0)
            backend.draw(buffer, cursor: nil)
            pty.drain()
            #expect(backend.screenLine(0) == "a😀b👩c❤ d🇯🇵e|")
        }
    }

    @Test("Keys typed on the terminal arrive decoded")
    func keys() throws {
        try withBackend { backend, pty in
            backend.draw(Buffer(size: backend.size), cursor: nil)
            pty.drain()
            pty.type("j\u{4}\u{1B}[A\u{1B}OB\u{1B}[6~\u{1B}[Z\u{1B}[1;5D中")
            var events: [InputEvent] = []
            for _ in 0..<20 {
                guard let event = backend.pollEvent(timeout: .milliseconds(200)) else { break }
                events.append(event)
                if events.count == 8 { break }
            }
            #expect(events == [
                .key(.char("j")), .key(.ctrl("d")), .key(.up), .key(.down), .key(.pageDown),
                .key(.backTab), .key(Key.left.with(.control)), .key(.char("中")),
            ])
        }
    }

    /// The backend with the mouse on, on a fresh 80x24 pty of a terminal type (shut it down).
    static func mouseBackend(terminalType: String) throws -> (NcursesBackend, PseudoTerminal) {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        var options = NcursesOptions(devicePath: pty.slavePath, terminalType: terminalType)
        options.mouse = true
        return (try NcursesBackend.start(options: options), pty)
    }

    @Test("With the mouse on, presses, releases, double clicks, drags and the wheel arrive as mouse events (SGR reports)")
    func mouse() throws {
        let (backend, pty) = try Self.mouseBackend(terminalType: "xterm-256color")
        defer {
            backend.shutdown()
            pty.drain()
        }
        #expect(backend.mouseEnabled)
        backend.draw(Buffer(size: backend.size), cursor: nil)
        // ncurses asked the terminal for reports (xterm's XM: SGR encoding and mode 1000).
        let started = String(decoding: pty.drain(), as: UTF8.self)
        #expect(started.contains("\u{1B}[?1006;1000h"), "\(started.debugDescription)")
        // Left press and release at column 10, row 5 (1-based in the report), twice; the wheel;
        // a right press. Each report is written on its own, as a hand on a mouse sends them.
        let press = "\u{1B}[<0;11;6M", release = "\u{1B}[<0;11;6m"
        var events: [InputEvent] = []
        for report in [press, release, press, release, "\u{1B}[<64;3;4M", "\u{1B}[<65;3;4M", "\u{1B}[<2;1;1M", "j"] {
            pty.type(report)
            while let event = backend.pollEvent(timeout: .milliseconds(100)) { events.append(event) }
        }
        #expect(events == [
            .mouse(MouseEvent(.click, at: Point(x: 10, y: 5))), .mouse(MouseEvent(.release, at: Point(x: 10, y: 5))),
            .mouse(MouseEvent(.doubleClick, at: Point(x: 10, y: 5))), .mouse(MouseEvent(.release, at: Point(x: 10, y: 5))),
            .mouse(MouseEvent(.wheelUp, at: Point(x: 2, y: 3))), .mouse(MouseEvent(.wheelDown, at: Point(x: 2, y: 3))),
            .mouse(MouseEvent(.rightClick, at: Point(x: 0, y: 0))), .key(.char("j")),
        ])
        // A drag: the press where it starts, the release where it ends.
        events = []
        for report in ["\u{1B}[<0;11;6M", "\u{1B}[<0;21;8m"] {
            pty.type(report)
            while let event = backend.pollEvent(timeout: .milliseconds(100)) { events.append(event) }
        }
        #expect(events == [.mouse(MouseEvent(.click, at: Point(x: 10, y: 5))), .mouse(MouseEvent(.release, at: Point(x: 20, y: 7)))],
                "\(events)")
        backend.shutdown()
        let ended = String(decoding: pty.drain(), as: UTF8.self)
        #expect(ended.contains("\u{1B}[?1006;1000l") || ended.contains("\u{1B}[?1000l"), "\(ended.debugDescription)")
    }

    @Test("Mouse reports that arrive together (a quick or a delayed double click) are not lost")
    func mouseBurst() throws {
        let (backend, pty) = try Self.mouseBackend(terminalType: "screen")
        defer {
            backend.shutdown()
            pty.drain()
        }
        backend.draw(Buffer(size: backend.size), cursor: nil)
        pty.drain()
        // X10 reports (tmux's screen): press and release of the left button at column 10, row 6.
        let press = "\u{1B}[M +'", release = "\u{1B}[M#+'"
        pty.type(press + release + press + release)
        var events: [InputEvent] = []
        while let event = backend.pollEvent(timeout: .milliseconds(200)) { events.append(event) }
        #expect(events == [.mouse(MouseEvent(.doubleClick, at: Point(x: 10, y: 6)))])
        // One click in one read is a click.
        pty.type(press + release)
        events = []
        while let event = backend.pollEvent(timeout: .milliseconds(200)) { events.append(event) }
        #expect(events.count == 1 && events.first.map { if case .mouse(let m) = $0 { m.position == Point(x: 10, y: 6) } else { false } } == true,
                "\(events)")
    }

    @Test("Without the mouse option the terminal is never asked for mouse reports")
    func noMouse() throws {
        try withBackend { backend, pty in
            #expect(!backend.mouseEnabled)
            backend.draw(Buffer(size: backend.size), cursor: nil)
            #expect(!String(decoding: pty.drain(), as: UTF8.self).contains("1000h"))
        }
    }

    @Test("A lone Esc arrives after the escape delay; Esc and a letter is alt")
    func escape() throws {
        try withBackend { backend, pty in
            pty.type("\u{1B}")
            #expect(backend.pollEvent(timeout: .milliseconds(500)) == .key(.escape))
            pty.type("\u{1B}x")
            #expect(backend.pollEvent(timeout: .milliseconds(500)) == .key(.alt("x")))
        }
    }

    @Test("A poll with nothing typed times out with nothing")
    func timeout() throws {
        try withBackend { backend, _ in
            #expect(backend.pollEvent(timeout: .milliseconds(20)) == nil)
        }
    }

    @Test("After invalidate and after suspend/resume every row is written again")
    func repaint() throws {
        try withBackend { backend, pty in
            var buffer = Buffer(size: backend.size)
            buffer.setString("hello", x: 0, y: 0)
            backend.draw(buffer, cursor: nil)
            pty.drain()
            backend.draw(buffer, cursor: nil)
            let nothing = pty.drain().count
            backend.invalidate()
            backend.draw(buffer, cursor: nil)
            let repainted = pty.drain().count
            #expect(repainted > nothing)
            backend.suspend()
            #expect(String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[?1049l"))
            backend.resume()
            backend.draw(buffer, cursor: Point(x: 5, y: 0))
            let output = String(decoding: pty.drain(), as: UTF8.self)
            #expect(output.contains("hello"))
            #expect(backend.screenLine(0) == "hello")
        }
    }

    @Test("The modified keys of the terminal description are in the key table")
    func keyTable() throws {
        try withBackend { _, _ in
            let table = CursesKeyTable.make()
            #expect(table.values.contains(Key.up.with(.control)))
            #expect(table.values.contains(Key.right.with([.control, .shift])))
            #expect(table.values.contains(.f(12)))
            #expect(table.values.contains(.backTab))
        }
    }
}
