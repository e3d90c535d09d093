import TraceModel

/// Ids trex makes up, stable across runs and formats.
enum DerivedID {
    /// The id given to the server half of a client/server pair that shared `id` (Zipkin
    /// `shared: true`, Jaeger duplicated ids): the same in every format, so one trace saved as
    /// Zipkin and as Jaeger loads with the same ids. Never zero, never `id` itself.
    static func serverHalf(of id: SpanID) -> SpanID {
        var h = StableHash.offsetBasis ^ 0x5345_5256_4552   // "SERVER"
        var v = id.rawValue
        for _ in 0..<8 {
            h = (h ^ (v & 0xFF)) &* StableHash.prime
            v >>= 8
        }
        if h == 0 || h == id.rawValue { h = id.rawValue &+ 1 == 0 ? 1 : id.rawValue &+ 1 }
        return SpanID(h)
    }
}
