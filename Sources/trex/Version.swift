/// trex's version, written here only: `trex --version` prints it and `make dist` reads it from
/// this line to name the tarball.
enum TrexVersion {
    static let number = "0.17.0"

    /// `trex 0.17.0 (commit 9a58656f1c2e)`: the commit comes from the BuildCommit plugin.
    static var text: String { "trex \(number) (commit \(buildCommit))" }
}
