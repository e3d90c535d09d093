import Testing
@testable import TerminalCore

/// Double clicks told from clicks, and mouse reports passed through the key decoder.
@Suite struct MouseEventTests {
    let start = ContinuousClock.now

    @Test func aSecondPressOnTheSameCellSoonAfterIsADoubleClick() {
        var counter = ClickCounter()
        let p = Point(x: 4, y: 2)
        #expect(counter.classify(pressAt: p, time: start) == .click)
        #expect(counter.classify(pressAt: p, time: start + .milliseconds(250)) == .doubleClick)
        // A third press starts again.
        #expect(counter.classify(pressAt: p, time: start + .milliseconds(300)) == .click)
    }

    @Test func tooLateOrElsewhereIsAnotherClick() {
        var counter = ClickCounter()
        #expect(counter.classify(pressAt: Point(x: 1, y: 1), time: start) == .click)
        #expect(counter.classify(pressAt: Point(x: 1, y: 1), time: start + .milliseconds(401)) == .click)
        #expect(counter.classify(pressAt: Point(x: 2, y: 1), time: start + .milliseconds(450)) == .click)
        #expect(counter.classify(pressAt: Point(x: 2, y: 1), time: start + .milliseconds(500)) == .doubleClick)
    }

    @Test func theDecoderPassesMouseReportsThroughInOrder() {
        let decoder = KeyDecoder(keyCodes: [:], resizeCode: -1)
        let click = MouseEvent(.click, at: Point(x: 3, y: 7))
        let events = decoder.decode([.character(106), .mouse(click), .character(27), .mouse(click)],
                                    terminalSize: Size(width: 80, height: 24))
        #expect(events == [.key(.char("j")), .mouse(click), .key(.escape), .mouse(click)])
    }
}
