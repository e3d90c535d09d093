/// How far decoding one input has got: input bytes consumed (compressed bytes for gzip) and
/// spans decoded so far.
public struct DecodeProgress: Sendable, Hashable {
    public var bytes: Int
    public var spans: Int

    public init(bytes: Int, spans: Int) {
        self.bytes = bytes
        self.spans = spans
    }
}
