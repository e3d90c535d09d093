/// Why gzip input yielded nothing.
struct GzipError: Error {
    var message: String
}
