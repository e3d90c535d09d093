/// What one node of an `OperationTree` stands for: an operation, the pair (service name, span
/// name), or the synthetic group under which the fragments of a trace whose parent is missing
/// hang.
///
/// Keys are compared by their text, not by string ids, so trees built from different tables
/// (two files, a file and the store) line up.
public struct OperationKey: Sendable, Hashable, Comparable {
    /// The resource's `service.name` (empty when the span has none).
    public let service: String
    /// The span's name.
    public let name: String
    /// True only for `missingParent`, which is no span: "spans whose parent is not in the trace".
    public let isMissingParent: Bool

    public init(service: String, name: String) {
        self.service = service
        self.name = name
        isMissingParent = false
    }

    private init(missingParent: Void) {
        service = ""
        name = ""
        isMissingParent = true
    }

    /// The root-level group of every span whose parent id names no span of the trace (an
    /// orphan) or whose parent link closed a cycle: such a span roots a fragment, and the
    /// fragments of two traces are compared with each other under this one node rather than
    /// mixed with the true roots.
    public static let missingParent = OperationKey(missingParent: ())

    /// Operations by service, then name; the missing-parent group after every operation.
    public static func < (a: OperationKey, b: OperationKey) -> Bool {
        if a.isMissingParent != b.isMissingParent { return !a.isMissingParent }
        if a.service != b.service { return a.service < b.service }
        return a.name < b.name
    }
}
