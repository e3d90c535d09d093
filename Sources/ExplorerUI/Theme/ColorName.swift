import TerminalCore

/// Colour words in theme files: names, 256-colour indices and `#rrggbb`.
enum ColorName {
    private static let names: [String] = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parse(_ word: String) -> Color? {
        let lower = word.lowercased()
        if lower == "default" { return .default }
        if let index = names.firstIndex(of: lower) { return .indexed(UInt8(index)) }
        if lower.hasPrefix("bright-"), let index = names.firstIndex(of: String(lower.dropFirst(7))) {
            return .indexed(UInt8(index + 8))
        }
        if let n = Int(lower), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if lower.hasPrefix("#"), lower.count == 7, let rgb = Int(lower.dropFirst(), radix: 16) {
            return nearest(red: (rgb >> 16) & 0xFF, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF)
        }
        return nil
    }

    /// The nearest colour of the xterm 6x6x6 cube or grey ramp.
    static func nearest(red: Int, green: Int, blue: Int) -> Color {
        let levels = [0, 95, 135, 175, 215, 255]
        func cubeIndex(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let (r, g, b) = (cubeIndex(red), cubeIndex(green), cubeIndex(blue))
        let cubeDistance = sq(levels[r] - red) + sq(levels[g] - green) + sq(levels[b] - blue)
        let average = (red + green + blue) / 3
        let grey = max(0, min(23, (average - 8 + 5) / 10))
        let greyValue = 8 + grey * 10
        let greyDistance = sq(greyValue - red) + sq(greyValue - green) + sq(greyValue - blue)
        return greyDistance < cubeDistance ? .gray(grey) : .cube(red: r, green: g, blue: b)
    }

    private static func sq(_ v: Int) -> Int { v * v }

    /// The closest word by edit distance, when it is close enough to be a typo.
    static func closest(_ word: String, in candidates: [String]) -> String? {
        candidates.map { ($0, EditDistance.between(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }
}

/// Levenshtein distance, for "did you mean" hints. O(a × b).
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where b.count > 0 {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
