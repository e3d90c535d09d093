/// A test of one span, given the frame of its trace and its global index.
typealias SpanTest = (EvalFrame, Int) -> Bool

/// A condition compiled against one table, with constants folded: a comparison that cannot
/// hold anywhere in the table (a literal the table does not contain, an attribute key no
/// span has) becomes `.constant(false)`, and AND/OR/NOT fold around it.
enum CompiledPredicate {
    case constant(Bool)
    /// `cost` orders the operands of AND and OR: cheap tests run first.
    case test(SpanTest, cost: Int)

    var cost: Int {
        switch self {
        case .constant: 0
        case .test(_, let c): c
        }
    }

    /// All of the operands, cheapest first; false as soon as one is.
    static func all(_ parts: [CompiledPredicate]) -> CompiledPredicate {
        var tests: [(SpanTest, Int)] = []
        for p in parts {
            switch p {
            case .constant(false): return .constant(false)
            case .constant(true): continue
            case .test(let t, let c): tests.append((t, c))
            }
        }
        return combine(tests, identity: true)
    }

    /// Any of the operands, cheapest first; true as soon as one is.
    static func any(_ parts: [CompiledPredicate]) -> CompiledPredicate {
        var tests: [(SpanTest, Int)] = []
        for p in parts {
            switch p {
            case .constant(true): return .constant(true)
            case .constant(false): continue
            case .test(let t, let c): tests.append((t, c))
            }
        }
        return combine(tests, identity: false)
    }

    static func negation(_ p: CompiledPredicate) -> CompiledPredicate {
        switch p {
        case .constant(let b): return .constant(!b)
        case .test(let t, let c): return .test({ f, i in !t(f, i) }, cost: c)
        }
    }

    /// AND (identity true) or OR (identity false) of tests, unrolled for two and three.
    private static func combine(_ tests: [(SpanTest, Int)], identity: Bool) -> CompiledPredicate {
        let sorted = tests.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
        let cost = sorted.reduce(0) { $0 + $1.1 }
        switch sorted.count {
        case 0: return .constant(identity)
        case 1: return .test(sorted[0].0, cost: cost)
        case 2:
            let (a, b) = (sorted[0].0, sorted[1].0)
            return .test(identity ? { f, i in a(f, i) && b(f, i) } : { f, i in a(f, i) || b(f, i) }, cost: cost)
        case 3:
            let (a, b, c) = (sorted[0].0, sorted[1].0, sorted[2].0)
            return .test(identity ? { f, i in a(f, i) && b(f, i) && c(f, i) }
                                  : { f, i in a(f, i) || b(f, i) || c(f, i) }, cost: cost)
        default:
            let list = ContiguousArray(sorted.map(\.0))
            if identity {
                return .test({ f, i in
                    for t in list where !t(f, i) { return false }
                    return true
                }, cost: cost)
            }
            return .test({ f, i in
                for t in list where t(f, i) { return true }
                return false
            }, cost: cost)
        }
    }
}
