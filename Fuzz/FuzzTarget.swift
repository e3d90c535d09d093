/// One fuzz target: a name for `scripts/fuzz` and a function that feeds it an input.
struct FuzzTarget: Sendable {
    var name: String
    /// Where `scripts/fuzz` finds seed inputs, relative to the package root.
    var seeds: [String]
    var run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// The target this process runs (set once, before libFuzzer starts).
    nonisolated(unsafe) static var selected: FuzzTarget?

    static let all: [FuzzTarget] = [
        DecoderFuzzing.otlp, DecoderFuzzing.jsonLines, DecoderFuzzing.jaeger, DecoderFuzzing.zipkin,
        DecoderFuzzing.gzip, DecoderFuzzing.protobuf, QueryFuzzing.target, ThemeFuzzing.target, ChunkFuzzing.target,
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
