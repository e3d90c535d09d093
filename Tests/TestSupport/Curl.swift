import Foundation

/// curl, as the receiver's tests use it: a body from a file, the HTTP status and the answer.
public enum Curl {
    /// The curl binary, nil when it is not installed (the tests that need it then skip, saying so).
    public static let path = ["/usr/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public enum Failure: Error { case notInstalled }

    /// `curl -s --data-binary @FILE ARGUMENTS...` with `body` in a temporary file.
    public static func post(_ arguments: [String], body: [UInt8]) throws -> (status: Int, body: String) {
        guard let path else { throw Failure.notInstalled }
        let directory = TemporaryDirectory()
        let file = directory.file("body")
        try Data(body).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", "--data-binary", "@" + file] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
