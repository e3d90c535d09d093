/// An LSD radix sort of `Int64`s (11-bit digits, six passes, skipping the passes where every
/// value has the same digit), for the statistics' percentiles.
///
/// Why not `sort()`: the statistics of 1,000,000 spans sort every row's durations and self
/// times, and the standard library's merge sort took about 100 ms of the 630 ms measured
/// (`trex-bench stats`); this sort is O(N) and several times faster on arrays of thousands.
/// Small arrays go to the standard sort.
enum RadixSort {
    static func sort(_ values: inout [Int64]) {
        guard values.count > 512 else { return values.sort() }
        // Flip the sign bit, so unsigned order is signed order.
        var keys = values.map { UInt64(bitPattern: $0) ^ (1 << 63) }
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 2_048)
        var shift: UInt64 = 0
        while shift < 64 {
            for i in counts.indices { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & 2_047)] += 1 }
            if counts.contains(keys.count) {   // one digit for all: nothing to move
                shift += 11
                continue
            }
            var total = 0
            for i in counts.indices {
                let n = counts[i]
                counts[i] = total
                total += n
            }
            for k in keys {
                let d = Int((k >> shift) & 2_047)
                scratch[counts[d]] = k
                counts[d] += 1
            }
            swap(&keys, &scratch)
            shift += 11
        }
        for i in keys.indices { values[i] = Int64(bitPattern: keys[i] ^ (1 << 63)) }
    }
}
