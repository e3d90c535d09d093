import Testing
import TerminalCore
import TraceModel
import TestSupport
@testable import ExplorerUI

/// Where an error started is told apart from where it merely bubbled up, and a fold says what
/// errors it hides.
@Suite struct OriginErrorTests {
    /// A cascade: the connection fails deep down, three callers fail because of it.
    static let cascade = TraceDrawing.table("""
        login     gateway   [==========================]   kind=server status=error
         auth     gateway    [========================]    kind=client status=error
          token   auth       [=======================]     kind=server status=error
           db     auth        [===]                        name=connect status=error
           cache  auth             [====]                  name=cache.get
        """, trace: "cascade", unitNanos: 10_000_000)

    static func lines(_ h: ExplorerHarness) -> [String] {
        h.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theOriginHasItsOwnMarkerAndRole() {
        let h = ExplorerHarness(table: Self.cascade, width: 140)
        h.press(.enter)
        let connect = try! #require(Self.lines(h).first { $0.contains("auth connect") })
        let login = try! #require(Self.lines(h).first { $0.contains("gateway login") })
        #expect(connect.contains("✘ auth connect"))
        #expect(login.contains("✗ gateway login"))
        // The origin's marker is drawn in the origin role, the others in the error role.
        let frame = h.frame
        let context = RenderContext(theme: .standard, capabilities: h.capabilities)
        let y = Self.lines(h).firstIndex { $0.contains("auth connect") }!
        let x = (0..<frame.buffer.width).first { frame.buffer[$0, y].character == "✘" }!
        #expect(frame.buffer[x, y].style == context.style(.origin))
        #expect(context.style(.origin) != context.style(.error))
    }

    @Test func rGoesToTheOriginAndTheStatusLineSaysWhatItCaused() {
        let h = ExplorerHarness(table: Self.cascade, width: 160)
        h.press(.enter)
        let status = { Self.lines(h)[h.size.height - 2] }
        #expect(status().contains("ERROR (bubbled up from auth connect; r: go there)"), "\(status())")
        h.press(.char("r"))   // one key from the root to where it started
        #expect(status().contains("auth connect"), "\(status())")
        #expect(status().contains("ERROR (origin of 3 errors above; r: next origin)"), "\(status())")
        h.press(.char("r"))   // the only origin: it stays
        #expect(status().contains("auth connect"))
        h.press(.char("e"))   // e still visits every error span (wrapping to the first)
        #expect(status().hasPrefix(" gateway login"), "\(status())")
    }

    @Test func aFoldSaysWhichErrorsItHides() {
        let h = ExplorerHarness(table: Self.cascade, width: 140)
        h.press(.enter, .char("j"), .char("h"))   // collapse "auth" (the gateway's client call)
        let folded = try! #require(Self.lines(h).first { $0.contains("gateway auth") })
        #expect(folded.contains("+3"))
        #expect(folded.contains("✗2 hidden"), "\(folded)")
        h.press(.char("l"))
        let open = try! #require(Self.lines(h).first { $0.contains("gateway auth") })
        #expect(!open.contains("hidden"))
    }
}
