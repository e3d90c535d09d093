import Foundation

/// The OSC 52 escape sequence that sets the terminal's clipboard:
/// `ESC ] 52 ; c ; <base64 of the text> BEL` (xterm's "manipulate selection data").
public enum ClipboardSequence {
    /// The bytes to send to the terminal for `text` (Foundation's standard base64, RFC 4648).
    public static func bytes(for text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + [UInt8](Data(text.utf8).base64EncodedData()) + [0x07]
    }
}
