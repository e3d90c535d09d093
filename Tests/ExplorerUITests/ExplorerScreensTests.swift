import Testing
import TerminalCore
import TraceModel
@testable import ExplorerUI

@Suite struct ExplorerScreensTests {
    @Test func previewScreens() {
        let h = ExplorerHarness(table: SampleTraces.table())
        print(h.screen)
        h.press(.char("G"), .enter)
        print(h.screen)
        h.press(.tab)
        print(h.screen)
        h.press(.char("?"))
        print(h.screen)
    }
}
