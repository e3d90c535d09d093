import Foundation

/// The heatmap's four shades for a cell's count of traces, on a logarithmic scale up to the
/// fullest cell, so that a cell of 1 trace and one of 10,000 both show: shade k (1...4) from
/// the count `maximum^((k-1)/4)` rounded up.
struct HeatShades: Sendable, Equatable {
    /// The fullest cell's count.
    let maximum: Int
    /// The least count of shades 2, 3 and 4.
    let thresholds: [Int]

    init(maximum: Int) {
        self.maximum = max(1, maximum)
        let top = Double(self.maximum)
        // A hair under the power, so that 10,000^0.75 computed as 1,000.0000001 is still 1,000.
        thresholds = (1...3).map { k in max(1, Int((Foundation.pow(top, Double(k) / 4) * (1 - 1e-12)).rounded(.up))) }
    }

    /// 0 for an empty cell, else 1 (faintest) to 4 (fullest).
    func shade(_ count: Int) -> Int {
        guard count > 0 else { return 0 }
        return 1 + thresholds.reduce(0) { $0 + (count >= $1 ? 1 : 0) }
    }

    /// The counts each shade stands for, lowest first, leaving out shades no count gets.
    var ranges: [(shade: Int, low: Int, high: Int)] {
        let starts = [1] + thresholds
        var out: [(shade: Int, low: Int, high: Int)] = []
        for shade in 1...4 {
            let low = max(starts[shade - 1], out.last.map { $0.high + 1 } ?? 1)
            let high = shade < 4 ? starts[shade] - 1 : maximum
            if low <= high { out.append((shade, low, high)) }
        }
        return out
    }

    /// The glyph of a shade (1...4): `░▒▓█`, or `.:+#` in ASCII.
    static func glyph(_ shade: Int, ascii: Bool) -> Character {
        let ramp: [Character] = ascii ? [".", ":", "+", "#"] : ["░", "▒", "▓", "█"]
        return ramp[min(max(shade, 1), 4) - 1]
    }
}
