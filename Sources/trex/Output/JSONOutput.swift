import Foundation
import TerminalCore

/// Pretty JSON on standard output for `--json`.
enum JSONOutput {
    static func write<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        // Sorted keys: the same answer is the same text, run after run (diffs, golden files).
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        FileHandleOutput.standardOutput(terminalSafe([UInt8](data)))
    }

    /// The JSON with DEL, the C1 controls and the bidi formatting characters written as `\uXXXX`
    /// escapes: the same JSON value, which a terminal shows without obeying it.
    ///
    /// JSON encoders escape U+0000-U+001F (the grammar requires it) but pass U+007F-U+009F and
    /// U+202E through, and a terminal may act on them (U+009B is CSI). Such a character can only
    /// stand inside a string, so replacing it byte for byte keeps the document exact. The layout's
    /// newlines are kept. A byte scan with no allocation when there is nothing to escape. O(n).
    static func terminalSafe(_ json: [UInt8]) -> [UInt8] {
        let needed = json.withUnsafeBufferPointer {
            VisibleEscapes.needsEscaping(bytes: $0, keeping: [.newlines, .tabs, .backslashes])
        }
        guard needed else { return json }
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 64)
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            if VisibleEscapes.isEscaped(scalar), scalar != "\n", scalar != "\t" {
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        return out
    }
}
