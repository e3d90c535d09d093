import Foundation
import Synchronization
import Testing
import TestSupport
@testable import TraceStore

/// Mapping is for regular files only, decided before anything is opened.
@Suite struct MappedFileTests {
    /// Opening a FIFO to look at it blocks until a writer comes, and closing it again kills that
    /// writer with SIGPIPE once the pipe is full (an import of a FIFO then kept 64 KB of it:
    /// half a trace). So a FIFO is never opened here: with no writer, the answer is immediate.
    @Test func aFIFOIsNotOpenedToBeLookedAt() throws {
        let directory = TemporaryDirectory()
        let fifo = directory.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let answered = DispatchSemaphore(value: 0)
        let mapped = Mutex<Bool?>(nil)
        Thread {
            let file = MappedFile(path: fifo)
            mapped.withLock { $0 = file != nil }
            answered.signal()
        }.start()
        let inTime = answered.wait(timeout: .now() + 2) == .success
        if !inTime {
            // Unblock the thread that is stuck opening the FIFO, so the test can end.
            let writer = open(fifo, O_WRONLY)
            answered.wait()
            close(writer)
        }
        #expect(inTime, "MappedFile blocked opening a FIFO")
        #expect(mapped.withLock { $0 } == false)
    }

    @Test func regularFilesAreMappedAndEmptyOnesAreNot() throws {
        let directory = TemporaryDirectory()
        try Data("{}".utf8).write(to: URL(fileURLWithPath: directory.file("a.json")))
        try Data().write(to: URL(fileURLWithPath: directory.file("empty.json")))
        #expect(MappedFile(path: directory.file("a.json"))?.count == 2)
        #expect(MappedFile(path: directory.file("empty.json")) == nil)
        #expect(MappedFile(path: directory.file("missing.json")) == nil)
    }
}
