#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the store lives: `$XDG_DATA_HOME/trex/traces.sqlite`, by default
/// `~/.local/share/trex/traces.sqlite` (XDG Base Directory specification).
public enum StoreLocation {
    /// The default store path for an environment (the process's own when nil).
    public static func defaultPath(environment: [String: String]? = nil) -> String {
        func value(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        // The spec ignores relative values.
        if let xdg = value("XDG_DATA_HOME"), xdg.hasPrefix("/") {
            return join(xdg, "trex/traces.sqlite")
        }
        let home = value("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return join(home, ".local/share/trex/traces.sqlite")
    }

    /// Creates the directories above `path` that are missing (mode 0700, as the spec asks).
    static func createParentDirectories(of path: String) throws(StoreError) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        guard !components.isEmpty else { return }
        var current = path.hasPrefix("/") ? "" : "."
        if path.hasPrefix("/") { components = components.dropFirst() }
        for component in components where !component.isEmpty {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create \(current): \(FileReader.errorText(errno))")
            }
        }
    }

    /// Whether a regular file exists at the path, and its size; nil when nothing is there.
    static func fileSize(_ path: String) throws(StoreError) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: FileReader.errorText(errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotOpen(path: path, reason: "it is a directory") }
        return Int(info.st_size)
    }

    /// The first `count` bytes of a file (fewer when it is shorter).
    static func header(_ path: String, count: Int) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: FileReader.errorText(errno)) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return n > 0 ? Array(bytes[0..<n]) : []
    }

    private static func join(_ base: String, _ tail: String) -> String {
        base.hasSuffix("/") ? base + tail : base + "/" + tail
    }
}
