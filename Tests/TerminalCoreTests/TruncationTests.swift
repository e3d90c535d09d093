import Testing
@testable import TerminalCore

@Suite("Truncation by display width")
struct TruncationTests {
    @Test("Text that fits is unchanged")
    func fits() {
        #expect("checkout".truncated(toWidth: 8) == "checkout")
        #expect("中文".truncated(toWidth: 4) == "中文")
    }

    @Test("Cut at the end with an ellipsis")
    func end() {
        #expect("checkout-service".truncated(toWidth: 9) == "checkout…")
        #expect("checkout-service".truncated(toWidth: 9, ellipsis: "~") == "checkout~")
        #expect("checkout-service".truncated(toWidth: 9, ellipsis: "...") == "checko...")
    }

    @Test("A wide character never straddles the limit")
    func wideAtTheLimit() {
        // 5 columns: "日本" (4) + "…" (1); with 4 columns only "日" (2) + "…" fits in 3.
        #expect("日本語".truncated(toWidth: 5) == "日本…")
        #expect("日本語".truncated(toWidth: 4) == "日…")
        #expect("日本語".truncated(toWidth: 4).displayWidth == 3)
        #expect("a😀b😀".truncated(toWidth: 4) == "a😀…")
    }

    @Test("Middle and start positions keep the ends")
    func positions() {
        #expect("/var/log/traces/trace.json".truncated(toWidth: 15, position: .middle) == "/var/lo…ce.json")
        #expect("service/payments".truncated(toWidth: 9, position: .start) == "…payments")
    }

    @Test("Tiny widths")
    func tiny() {
        #expect("checkout".truncated(toWidth: 0) == "")
        #expect("checkout".truncated(toWidth: 1) == "…")
        #expect("checkout".truncated(toWidth: 2, ellipsis: "...") == "..")
    }

    @Test("Prefix and suffix fitting a width")
    func prefixSuffix() {
        let p = "ab中cd".prefix(fittingWidth: 3)
        #expect(p.text == "ab")
        #expect(p.width == 2)
        let s = "ab中cd".suffix(fittingWidth: 4)
        #expect(s.text == "中cd")
        #expect(s.width == 4)
    }
}
