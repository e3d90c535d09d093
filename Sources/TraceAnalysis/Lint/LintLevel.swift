/// How much a lint finding matters, for `--fail-on`: `error` loses data or breaks traces,
/// `warning` makes traces harder to use or costlier, `info` is worth knowing.
public enum LintLevel: String, Sendable, Hashable, Comparable, CaseIterable, Encodable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}
