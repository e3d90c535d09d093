import Testing
import TerminalCore
import TraceStore
import TraceWorkspace
@testable import ExplorerUI

@Suite struct LoadingScreenTests {
    @Test func progressShowsFilesBytesAndABarThenTheListWhenLoaded() {
        let app = ExplorerApp(theme: .standard, historyPath: nil)
        app.screenSize = Size(width: 100, height: 30)
        _ = app.handle(.message(.progress(LoadProgress(filesDone: 1, filesTotal: 3, bytesDone: 5_000_000,
                                                       bytesTotal: 10_000_000, spans: 1_234, current: "b.json"))))
        var frame = Frame(size: app.screenSize)
        app.render(&frame, capabilities: TerminalCapabilities())
        let text = frame.buffer.text
        #expect(text.contains("Loading 2 of 3 files"))
        #expect(text.contains("b.json"))
        #expect(text.contains("4.8 of 9.5 MB read · 1,234 spans"))
        #expect(text.contains("█"))
        let catalog = TraceCatalog(table: SampleTraces.table())
        _ = app.handle(.message(.loaded(Workspace(sources: [catalog]), catalog.traceListing(overlapping: nil), LoadReport(sources: ["x"], messages: [], spansSkipped: 0, seconds: 0))))
        var after = Frame(size: app.screenSize)
        app.render(&after, capabilities: TerminalCapabilities())
        #expect(after.buffer.text.contains("2 traces · 9 spans"))
    }
}
