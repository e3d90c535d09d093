import Foundation
import TerminalTestSupport
import Testing

/// The tarball `make dist` writes runs where no Swift exists: unpacked into a minimal Debian root
/// (`scripts/portable-root`: debootstrap's base system), `trex --version`, `list`, `query` and
/// `analyze` run in it under chroot, and the explorer opens, filters, opens a trace and quits with
/// the terminal restored, in tmux. Skipped, saying why, without a tarball (run `make dist`; CI
/// does) or when the root cannot be made (not root, no debootstrap, no mirror).
@Suite("the portable binary in a Debian root without Swift", .serialized)
struct PortableBinaryTests {
    /// The newest dist/trex-*-linux-*.tar.gz.
    static let tarball: String? = {
        let dist = TrexBinary.packageRoot.appendingPathComponent("dist")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dist.path)) ?? []
        let tarballs = names.filter { $0.hasPrefix("trex-") && $0.hasSuffix(".tar.gz") }.map { dist.appendingPathComponent($0).path }
        return tarballs.max { modified($0) < modified($1) }
    }()

    static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }

    /// The Debian root, made or found by scripts/portable-root; nil when it cannot be.
    static let root: String? = {
        guard tarball != nil else { return nil }
        let run = try? shell(TrexBinary.packageRoot.appendingPathComponent("scripts/portable-root").path)
        guard let run, run.status == 0 else { return nil }
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    static var ready: Bool { root != nil }

    /// Runs a command line, its standard error with its output.
    @discardableResult
    static func shell(_ command: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The command line that runs `trex ARGUMENTS` inside the root, as on a server: /proc and /dev
    /// mounted (in a mount namespace of its own, so nothing is left mounted), the environment
    /// empty but for HOME and TERM.
    static func inRoot(_ arguments: String, term: String = "dumb") -> String {
        let root = root!
        return "unshare --mount --propagation private sh -c 'mount -t proc proc \(root)/proc && mount --rbind /dev \(root)/dev "
            + "&& exec chroot \(root) env -i HOME=/root TERM=\(term) /opt/trex/trex \(arguments)'"
    }

    /// `trex ARGUMENTS` inside the root.
    static func trex(_ arguments: String) throws -> (status: Int32, output: String) {
        try shell(inRoot(arguments))
    }

    @Test(.enabled(if: ready, "no dist tarball (make dist) or no Debian root (scripts/portable-root needs root and debootstrap): skipping"))
    func runsWithoutSwift() throws {
        let root = try #require(Self.root), tarball = try #require(Self.tarball)
        // Unpacked afresh, with the project's samples beside it.
        let unpack = try Self.shell("""
            rm -rf \(root)/opt/trex \(root)/opt/samples && mkdir -p \(root)/opt/trex \
            && tar -xzf \(tarball) -C \(root)/opt/trex --strip-components=1 \
            && cp -r \(TrexBinary.packageRoot.path)/docs/samples \(root)/opt/samples
            """)
        #expect(unpack.status == 0, "\(unpack.output)")
        // No Swift anywhere in the root: what trex needs is linked in.
        let swift = try Self.shell("find \(root) -name 'libswiftCore*' -o -name 'libFoundation*.so*' | head -3")
        #expect(swift.output.isEmpty, "Swift in the root: \(swift.output)")
        let contents = try Self.shell("ls \(root)/opt/trex \(root)/opt/trex/completions")
        for file in ["trex", "trex.1", "README.md", "LICENSE", "NOTICES.md", "trex.bash", "_trex", "trex.fish"] {
            #expect(contents.output.contains(file), "\(file) is not in the tarball: \(contents.output)")
        }

        let version = try Self.trex("--version")
        #expect(version.status == 0 && version.output.hasPrefix("trex ") && version.output.contains("(commit "), "\(version.output)")
        let list = try Self.trex("list /opt/samples")
        #expect(list.status == 0 && list.output.contains("GET /checkout"), "\(list.output)")
        let query = try Self.trex(#"query "Status = ERROR AND span.name=\"database.query\"" /opt/samples"#)
        #expect(query.status == 0 && query.output.contains("POST /login") && query.output.contains("MATCHED"), "\(query.output)")
        let errors = try Self.trex(#"query "Status = ERROR" /opt/samples"#)
        #expect(errors.status == 0 && errors.output.contains("POST /login"), "\(errors.output)")
        let analyze = try Self.trex("analyze 4424642080facb2cace39cc35befddba /opt/samples")
        #expect(analyze.status == 0 && analyze.output.contains("Critical path (1.21s of 1.21s)"), "\(analyze.output)")
        let manual = try Self.shell("grep -c 'completions' \(root)/opt/trex/trex.1")
        #expect(manual.status == 0, "the man page lists the commands")

        // The explorer, in a real terminal: open, filter, open a trace, quit, the terminal sane.
        let session = try TmuxSession(width: 120, height: 35)
        try session.startProgram(Self.inRoot("/opt/samples", term: "xterm-256color"))
        #expect(session.waitFor(timeout: .seconds(15)) { $0.contains("24 traces") } != nil, "\(session.capture())")
        try session.press("/")
        try session.tmux(["send-keys", "-l", "Status = ERROR"])
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("match") && $0.contains("POST /login") } != nil, "\(session.capture())")
        try session.press("Enter")
        #expect(session.waitFor { $0.contains("critical path") || $0.contains("Trace ") } != nil, "\(session.capture())")
        try session.press("q")
        try session.press("q")
        #expect(try session.finishProgram().sane)
    }
}
