import TraceModel

/// High-cardinality span names: names that embed ids (`process_12345`, `GET /users/8812`,
/// a UUID), found by shape: the ids replaced by `{id}`, a shape is flagged when a service uses
/// it with `minimumNames` different names or more.
enum NameShapeLint {
    static let minimumNames = 3
    /// Distinct names kept per shape (enough to count past the minimum and show examples).
    static let namesKept = 50

    /// Each name's shape in one table (nil: no id in it), worked out once per name.
    typealias Shapes = [StringID: String?]

    static func observe(_ c: LintTraceContext, shapes: inout Shapes, into acc: inout LintAccumulator) {
        let table = c.table
        for span in c.trace.spans {
            let shape: String?
            if let known = shapes[span.name] {
                shape = known
            } else {
                shape = Self.shape(of: table.strings[span.name])
                shapes[span.name] = shape
            }
            guard let shape else { continue }
            let key = ServicePair(LintTally.service(of: span, in: table), shape)
            var names = acc.nameShapes[key, default: []]
            if names.count < namesKept { names.insert(table.name(of: span)) }
            acc.nameShapes[key] = names
            acc.nameShapeTallies[key, default: LintTally(rule: .highCardinalityName, subject: "\(key.first) \"\(shape)\"")]
                .note(span, in: table)
        }
    }

    /// The name with every id replaced by `{id}`, or nil when it holds none. An id is a run of
    /// three or more digits (`12345`, `v2` is not), a UUID, or a run of eight or more hex
    /// digits holding a digit and a letter.
    static func shape(of name: String) -> String? {
        var out = ""
        var found = false
        var token = ""
        func flush() {
            if isID(token) {
                out += "{id}"
                found = true
            } else {
                out += token
            }
            token = ""
        }
        for ch in name {
            if ch.isASCII && (ch.isLetter || ch.isNumber || ch == "-") {
                token.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return found ? out : nil
    }

    static func isID(_ token: String) -> Bool {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 5, parts.map(\.count) == [8, 4, 4, 4, 12], parts.allSatisfy({ $0.allSatisfy(\.isHexDigit) }) {
            return true
        }
        return parts.contains { part in
            if part.count >= 3 && part.allSatisfy(\.isNumber) { return true }
            return part.count >= 8 && part.allSatisfy(\.isHexDigit) && part.contains(where: \.isNumber)
                && part.contains(where: \.isLetter)
        } || trailingDigits(token)
    }

    /// `user12345`: letters, then four digits or more.
    private static func trailingDigits(_ token: String) -> Bool {
        let digits = token.reversed().prefix { $0.isNumber }.count
        return digits >= 4 && digits < token.count
    }

    static func finish(_ acc: LintAccumulator) -> [LintFinding] {
        acc.nameShapeTallies.compactMap { key, tally in
            let names = acc.nameShapes[key] ?? []
            guard names.count >= minimumNames else { return nil }
            var t = tally
            let many = names.count >= namesKept ? "\(namesKept) or more" : "\(names.count)"
            let shown = names.sorted().prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            return t.finding("\(key.first) names its spans with ids in them: \(many) names of the shape "
                + "\"\(key.second)\" (\(shown), …) over \(SpanLabel.count(t.count, "span")). Every id makes a new "
                + "operation, so grouping, statistics and the service's operation list break apart.")
        }
    }
}
