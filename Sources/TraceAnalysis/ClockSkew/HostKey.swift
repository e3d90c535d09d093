import TraceModel

/// The host a span ran on, as Jaeger's clock-skew adjuster identifies it.
///
/// From the span's resource, in order: `host.id` (its string value), `host.ip` (a string, or
/// the first element of an array), `host.name` (string); then Jaeger's process tag `ip`,
/// which arrives as the resource attribute `ip`: a string as is, an int64 as the IPv4
/// address of its low 32 bits, 4 or 16 bytes as an IP address. Anything else gives the empty
/// key. This is exactly Jaeger's `hostKey` (v2 attributes, then the v1 tag); see
/// `../shared/conformance/clock-skew/hostkey-cases.json`.
public enum HostKey {
    /// The host key of a resource's attributes; empty when it names no host.
    public static func of(resourceAttributes attributes: [KeyValue]) -> String {
        if let id = attributes.first(where: { $0.key == "host.id" }) {
            // Jaeger reads `Str()`, which is empty for a non-string value.
            if case .string(let s) = id.value { return s }
            return ""
        }
        if let ip = attributes.first(where: { $0.key == "host.ip" }) {
            switch ip.value {
            case .string(let s): return s
            case .array(let items) where !items.isEmpty: return items[0].displayText
            default: break   // an empty array or another type: fall through, as Jaeger does
            }
        }
        if let name = attributes.first(where: { $0.key == "host.name" }) {
            if case .string(let s) = name.value { return s }
            return ""
        }
        if let tag = attributes.first(where: { $0.key == "ip" }) {
            switch tag.value {
            case .string(let s): return s
            case .int(let i): return IPAddressText.ipv4(UInt32(truncatingIfNeeded: i))
            case .bytes(let b): return IPAddressText.format(b) ?? ""
            default: return ""
            }
        }
        return ""
    }

    /// The host key of the resource at an index of `table.resources`.
    public static func of(resource index: Int, in table: SpanTable) -> String {
        of(resourceAttributes: table.keyValues(table.resources[index].attributes))
    }
}
