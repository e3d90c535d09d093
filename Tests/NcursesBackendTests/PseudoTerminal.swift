import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair for running the backend without a real terminal: the backend draws on the
/// slave side; the test types into the master side and drains what the backend writes.
final class PseudoTerminal {
    let master: Int32
    let slavePath: String

    /// Opens a pty of `columns` x `rows`.
    init(columns: Int, rows: Int) throws {
        var path = [CChar](repeating: 0, count: 128)
        master = trex_open_pty(&path, path.count)
        guard master >= 0 else { throw PseudoTerminalError.cannotOpen }
        slavePath = String(cString: path)
        _ = trex_set_window_size(master, UInt16(rows), UInt16(columns))
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { close(master) }

    /// Types bytes as if from the keyboard.
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads and returns whatever the program has written so far (non-blocking).
    @discardableResult
    func drain() -> [UInt8] {
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &chunk, chunk.count)
            if n <= 0 { break }
            all.append(contentsOf: chunk.prefix(n))
        }
        return all
    }
}

enum PseudoTerminalError: Error {
    case cannotOpen
}
