#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds on what one input may make the decoder hold in memory.
///
/// gzip is the one place where a small file can demand a great deal of memory: 10 MB of
/// compressed spaces inflate to 10 GB. Inflating stops with `DecodeFailure.tooLarge` once the
/// output would pass `maxInflatedBytes`.
public struct DecodeLimits: Sendable, Equatable {
    /// The most bytes a gzip input may inflate to.
    public var maxInflatedBytes: Int

    public init(maxInflatedBytes: Int) {
        self.maxInflatedBytes = max(0, maxInflatedBytes)
    }

    /// The environment variable that overrides `maxInflatedBytes` (a byte count, optionally with
    /// a `K`, `M`, `G` or `T` suffix for powers of 1024).
    public static let environmentVariable = "TREX_MAX_INFLATED"

    /// The limits used when none are given: `TREX_MAX_INFLATED` when set and valid, otherwise
    /// `defaultMaxInflatedBytes`. Read once.
    public static let standard: DecodeLimits = {
        if let raw = getenv(environmentVariable), let bytes = parseByteCount(String(cString: raw)) {
            return DecodeLimits(maxInflatedBytes: bytes)
        }
        return DecodeLimits(maxInflatedBytes: defaultMaxInflatedBytes)
    }()

    /// A tenth of the machine's physical memory (1 GiB when it cannot be read). Inflating peaks
    /// at about 1.8 times the output kept (measured: a 256 MiB limit peaked at 464 MB RSS), and
    /// the span table decoded from the bytes must fit too, so a bomb stops well before the
    /// machine runs short: 2.4 GiB on a 24 GiB machine, about 4.3 GB at the peak.
    public static let defaultMaxInflatedBytes: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 1 << 30 }
        let (total, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        return overflow ? Int.max / 10 : total / 10
    }()

    /// Parses `123`, `64K`, `512M`, `8G`, `1T` (suffixes are powers of 1024, case-insensitive);
    /// nil for anything else or for a value that overflows.
    public static func parseByteCount(_ text: String) -> Int? {
        var digits = Substring(text)
        while digits.first == " " || digits.first == "\t" { digits = digits.dropFirst() }
        while digits.last == " " || digits.last == "\t" { digits = digits.dropLast() }
        var scale = 1
        if let last = digits.last?.lowercased(), let power = ["k": 1, "m": 2, "g": 3, "t": 4][last] {
            scale = 1 << (10 * power)
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }

    /// `bytes` in the largest binary unit that keeps it readable: "512 KiB", "5.7 GiB".
    static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
