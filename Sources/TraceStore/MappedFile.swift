#if canImport(Glibc)
import Glibc
#endif

/// A whole file mapped read-only into memory.
///
/// Loading maps files instead of reading them: the decoders parse straight from the kernel's
/// page cache, with no copy of the file into a buffer of ours (on a 1 GB input that copy cost
/// about a third of a second of system time and 1 GB of extra resident memory). Standard input
/// and anything that cannot be mapped are read into memory instead (`FileReader`).
final class MappedFile {
    let pointer: UnsafeRawPointer?
    let count: Int

    /// Maps the file, or returns nil when it cannot be mapped (not a regular file, empty, ...).
    init?(path: String) {
        // Looked at before it is opened: opening a FIFO blocks until a writer comes, and closing
        // it again (it cannot be mapped) would make the writer's first bytes vanish or kill it
        // with SIGPIPE before `FileReader` opens it for real.
        var before = stat()
        guard stat(path, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        madvise(mapped, size, MADV_SEQUENTIAL)
        pointer = UnsafeRawPointer(mapped)
        count = size
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: count) }

    deinit {
        if let pointer { munmap(UnsafeMutableRawPointer(mutating: pointer), count) }
    }
}
