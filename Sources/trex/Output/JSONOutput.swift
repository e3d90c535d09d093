import Foundation

/// Pretty JSON on standard output for `--json`.
enum JSONOutput {
    static func write<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        FileHandleOutput.standardOutput([UInt8](data))
    }
}
