import Testing
@testable import TerminalCore

@Suite struct ClipboardSequenceTests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy"),
                      ("00-5b8e", "MDAtNWI4ZQ==")])
    func base64MatchesRFC4648(text: String, encoded: String) {
        #expect(ClipboardSequence.bytes(for: text) == Array("\u{1B}]52;c;\(encoded)\u{07}".utf8))
    }

    @Test func sequenceIsOSC52() {
        #expect(ClipboardSequence.bytes(for: "hi") == Array("\u{1B}]52;c;aGk=\u{07}".utf8))
    }
}
