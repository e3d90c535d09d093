/// Words with a meaning of their own, recognised in any case.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case and, or, not, `in`, contains, exists, `true`, `false`

    /// The canonical (printed) spelling.
    public var spelling: String {
        switch self {
        case .and, .or, .not, .in: rawValue.uppercased()
        case .contains, .exists, .true, .false: rawValue
        }
    }
}
