import TerminalCore
import TraceModel
import TraceStore
@testable import ExplorerUI

/// Drives an `ExplorerApp` without a terminal: press keys, read the screen as text.
final class ExplorerHarness {
    let app: ExplorerApp
    var size: Size
    var capabilities: TerminalCapabilities

    init(table: SpanTable, width: Int = 120, height: Int = 40, utf8: Bool = true, colorMode: ColorMode = .color256,
         sources: [String] = ["fixture.json"]) {
        app = ExplorerApp(catalog: TraceCatalog(table: table),
                          report: LoadReport(sources: sources, messages: [], spansSkipped: 0, seconds: 0))
        size = Size(width: width, height: height)
        capabilities = TerminalCapabilities(colorMode: colorMode, isUTF8: utf8, terminalName: "test")
        app.screenSize = size
    }

    /// Over an app the test made (a live one, a store's).
    init(app: ExplorerApp, width: Int = 120, height: Int = 40) {
        self.app = app
        size = Size(width: width, height: height)
        capabilities = TerminalCapabilities(colorMode: .color256, isUTF8: true, terminalName: "test")
        app.screenSize = size
    }

    @discardableResult
    func press(_ keys: Key...) -> LoopAction {
        var last = LoopAction.none
        for key in keys { last = app.handle(.input(.key(key))) }
        return last
    }

    func type(_ text: String) {
        for c in text { _ = app.handle(.input(.key(.char(c)))) }
    }

    func resize(_ width: Int, _ height: Int) {
        size = Size(width: width, height: height)
        _ = app.handle(.input(.resize(size)))
    }

    var frame: Frame {
        var frame = Frame(size: size)
        app.render(&frame, capabilities: capabilities)
        return frame
    }

    var screen: String { frame.buffer.text }

    /// The line of the screen holding `text`, or nil.
    func line(containing text: String) -> String? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).first { $0.contains(text) }.map(String.init)
    }
}
