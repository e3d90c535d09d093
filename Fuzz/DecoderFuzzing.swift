import TraceFormats
import TraceModel

/// The decoder targets. Every format goes through `TraceDecoder.decode` (formats are detected
/// from the content, as in `trex`); the targets differ in their seeds and dictionaries, which
/// steer libFuzzer towards one format's decoder.
enum DecoderFuzzing {
    /// Inflating past this is an error (as `trex` does past its limit), which keeps each run
    /// far below libFuzzer's memory limit.
    static let limits = DecodeLimits(maxInflatedBytes: 16 << 20)

    static let otlp = FuzzTarget(name: "otlp", seeds: ["docs/samples/otlp"]) { decode($0) }
    static let jsonLines = FuzzTarget(name: "jsonl", seeds: ["docs/samples/otlp-jsonl"]) { decode($0) }
    static let jaeger = FuzzTarget(name: "jaeger", seeds: ["docs/samples/jaeger"]) { decode($0) }
    static let zipkin = FuzzTarget(name: "zipkin", seeds: ["docs/samples/zipkin"]) { decode($0) }
    /// gzip input: the bytes always start with the gzip magic, so the inflater runs on them.
    static let gzip = FuzzTarget(name: "gzip", seeds: ["docs/samples/zipkin/n-plus-one.json.gz"]) { bytes in
        if bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B {
            decode(bytes)
        } else {
            decode([0x1F, 0x8B] + Array(bytes))
        }
    }

    /// OTLP protobuf requests (the receiver's bodies and messages) through the wire decoder.
    static let protobuf = FuzzTarget(name: "protobuf", seeds: ["Fuzz/seeds/protobuf"]) { bytes in
        var builder = SpanTableBuilder()
        let report = try? OTLPProtobufDecoder.decode(Array(bytes), source: "fuzz", into: &builder, limits: limits)
        let table = builder.finish()
        for warning in report?.warnings ?? [] { _ = warning.description }
        for span in table.spans { _ = table.keyValues(span.attributes) }
    }

    /// Decodes, finishes the table and touches what the commands read first.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) {
        var builder = SpanTableBuilder()
        let report = try? TraceDecoder.decode(UnsafeRawBufferPointer(bytes), source: "fuzz", into: &builder, limits: limits)
        let table = builder.finish()
        for warning in report?.warnings ?? [] { _ = warning.description }
        _ = table.traces.count
    }

    private static func decode(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { decode($0) }
    }
}
