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

    /// The waterfall row of a span (not the header, which names the origin too).
    static func row(_ h: ExplorerHarness, _ text: String) -> Int? {
        lines(h).indices.dropFirst(3).first { lines(h)[$0].contains(text) }
    }

    @Test func theOriginHasItsOwnMarkerAndRole() throws {
        let h = ExplorerHarness(table: Self.cascade, width: 140)
        h.press(.enter)
        let y = try #require(Self.row(h, "auth connect"))
        let connect = Self.lines(h)[y]
        let login = Self.lines(h)[try #require(Self.row(h, "gateway login"))]
        #expect(connect.contains("✘ auth connect"))
        #expect(login.contains("✗ gateway login"))
        // The origin's marker is drawn in the origin role, the others in the error role.
        let frame = h.frame
        let context = RenderContext(theme: .standard, capabilities: h.capabilities)
        let x = try #require((0..<frame.buffer.width).first { frame.buffer[$0, y].character == "✘" })
        #expect(frame.buffer[x, y].style == context.style(.origin))
        #expect(context.style(.origin) != context.style(.error))
        #expect(Self.lines(h)[1].contains("Error started at auth connect (r)"), "the header names the root cause")
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

    @Test func aFoldSaysWhichErrorsItHides() throws {
        let h = ExplorerHarness(table: Self.cascade, width: 140)
        h.press(.enter, .char("j"), .char("h"))   // collapse "auth" (the gateway's client call)
        let folded = Self.lines(h)[try #require(Self.row(h, "gateway auth"))]
        #expect(folded.contains("+3"))
        #expect(folded.contains("✗2 hidden"), "\(folded)")
        h.press(.char("l"))
        let open = Self.lines(h)[try #require(Self.row(h, "gateway auth"))]
        #expect(!open.contains("hidden"))
    }
}
