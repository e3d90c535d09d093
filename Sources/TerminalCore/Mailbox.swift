#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread-safe queue that background work posts to and the terminal loop drains between key reads.
///
/// Loading a large file on another thread posts progress messages here; the loop picks them up within
/// one poll timeout and redraws, so the screen never freezes.
public final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var messages: [Message] = []

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Adds a message; callable from any thread.
    public func post(_ message: Message) {
        pthread_mutex_lock(mutex)
        messages.append(message)
        pthread_mutex_unlock(mutex)
    }

    /// Removes and returns every message posted so far, oldest first.
    public func drain() -> [Message] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let taken = messages
        messages.removeAll(keepingCapacity: true)
        return taken
    }

    /// Whether messages are waiting.
    public var isEmpty: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return messages.isEmpty
    }
}
