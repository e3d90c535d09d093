/// Why gzip input yielded nothing.
enum GzipError: Error {
    /// zlib refused the data (corrupt, truncated before any content, not gzip at all).
    case corrupt(String)
    /// The output would pass this many bytes.
    case tooLarge(limit: Int)

    var message: String {
        switch self {
        case .corrupt(let message): return message
        case .tooLarge(let limit): return "inflates past \(limit) bytes"
        }
    }
}
