import TraceModel
import TraceQuery

/// What the filter bar completes from: field names as a query writes them, and the values of
/// fields, most frequent first. Built from a sample of the local traces and from what the
/// backends say (`Workspace.filterVocabulary(listing:)`), bounded whatever the workspace's size.
public struct FilterVocabulary: Sendable {
    /// Field names, unique and sorted: the intrinsics, `resource.KEY` and `span.KEY` of the
    /// sample, the backends' names.
    public internal(set) var names: [String]
    /// Values by field, most frequent first, as the sample and the listing found them.
    var values: [Field: [String]]
    /// What could not be asked, one line per source: "Tempo: connection refused".
    public internal(set) var failures: [String]

    public init(names: [String] = Self.intrinsicNames, values: [Field: [String]] = [:], failures: [String] = []) {
        self.names = names
        self.values = values
        self.failures = failures
    }

    /// Every name the query language reads as an intrinsic, in both forms (`duration`,
    /// `span:duration`, `rootServiceName`, `trace.duration` ...): completed before anything is
    /// loaded.
    public static let intrinsicNames: [String] = {
        let all = Intrinsic.allCases.flatMap { [$0.canonicalName] + $0.aliases }
        return Array(Set(all)).sorted()
    }()

    /// The values known for a field: an unscoped attribute (`http.route`) has its span's and
    /// its resource's; the status, kind and problem fields their fixed names. O(values).
    public func values(for field: Field) -> [String] {
        switch field {
        case .attribute(.any, let key):
            return Self.merged([values[field] ?? [], values[.attribute(.span, key)] ?? [], values[.attribute(.resource, key)] ?? []])
        case .intrinsic(.status):
            return Self.merged([values[field] ?? [], StatusCode.allCases.map { $0.name.lowercased() }])
        case .intrinsic(.kind):
            return Self.merged([values[field] ?? [], SpanKind.allCases.map { $0.name.lowercased() }])
        case .intrinsic(.traceProblem):
            return TraceProblems.all.map(\.name)
        default:
            return values[field] ?? []
        }
    }

    /// Adds names (unique, sorted again).
    mutating func add(names more: [String]) {
        names = Array(Set(names).union(more.filter { !$0.isEmpty })).sorted()
    }

    /// Lists concatenated in order, each value once. O(total).
    static func merged(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in lists {
            for value in list where seen.insert(value).inserted { out.append(value) }
        }
        return out
    }
}

/// The values of one field, asked of the local sample and of every backend.
public struct FieldValues: Sendable {
    public var field: Field
    /// Local values first (most frequent first), then the backends'; unique.
    public var values: [String]
    /// The backends that failed to say, one line each.
    public var failures: [String]

    public init(field: Field, values: [String], failures: [String] = []) {
        self.field = field
        self.values = values
        self.failures = failures
    }
}
