import TraceModel

/// Reads one integer per span; the compiler specialises its comparisons per getter, so the
/// span loop makes one indirect call per leaf.
protocol Int64Getter {
    static func get(_ f: EvalFrame, _ i: Int) -> Int64
}

enum DurationGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 {
        let s = f.spans[i]
        return TimeMath.subtract(s.end.unixNanos, s.start.unixNanos)
    }
}

enum SelfTimeGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { f.selfTimes[i - f.base].value }
}

enum DepthGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { Int64(f.tree?.depth[i - f.base] ?? 0) }
}

enum ChildCountGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { Int64(f.tree?.childCount(of: i - f.base) ?? 0) }
}

enum TraceDurationGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { f.summary?.duration.value ?? 0 }
}

enum TraceSpansGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { Int64(f.summary?.spanCount ?? 0) }
}

enum TraceErrorsGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { Int64(f.summary?.errorCount ?? 0) }
}

enum TraceServicesGetter: Int64Getter {
    @inline(__always) static func get(_ f: EvalFrame, _ i: Int) -> Int64 { Int64(f.summary?.services.count ?? 0) }
}
