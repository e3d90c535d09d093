/// Why the loop ended.
public enum LoopExit: Hashable, Sendable {
    /// The handler answered `.quit`.
    case quit
    /// A signal asked the program to leave.
    case interrupted(Interruption)

    /// The process exit status to use: 0, or 128 + the signal number.
    public var exitStatus: Int32 {
        switch self {
        case .quit: return 0
        case .interrupted(let why): return why.exitStatus
        }
    }
}
