#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input to load: a file on disk or standard input.
public struct InputFile: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Named on the command line.
        case argument
        /// Found while walking a directory named on the command line: not being a trace file is
        /// then a note, not a failure.
        case directory
    }

    /// The path, or "-" for standard input.
    public var path: String
    public var origin: Origin
    /// Size in bytes when known up front (0 for standard input).
    public var size: Int

    public var isStandardInput: Bool { path == "-" }
}

/// Turns command-line paths into the files to read: directories are walked recursively (sorted,
/// skipping hidden entries), `-` stands for standard input.
public enum InputExpander {
    /// - Returns: the files, and a message for every path that cannot be read.
    public static func expand(_ paths: [String]) -> (files: [InputFile], problems: [String]) {
        var files: [InputFile] = []
        var problems: [String] = []
        for path in paths {
            if path == "-" {
                files.append(InputFile(path: "-", origin: .argument, size: 0))
                continue
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append("\(path): \(FileReader.errorText(errno))")
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(directory: path, into: &files, problems: &problems)
            } else {
                files.append(InputFile(path: path, origin: .argument, size: Int(info.st_size)))
            }
        }
        return (files, problems)
    }

    /// Iterative walk: a deep tree cannot overflow the stack.
    private static func walk(directory root: String, into files: inout [InputFile], problems: inout [String]) {
        var pending = [root]
        var found: [InputFile] = []
        while let directory = pending.popLast() {
            guard let dir = opendir(directory) else {
                problems.append("\(directory): \(FileReader.errorText(errno))")
                continue
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: found.append(InputFile(path: path, origin: .directory, size: Int(info.st_size)))
                default: continue
                }
            }
        }
        files += found.sorted { $0.path < $1.path }
    }
}
