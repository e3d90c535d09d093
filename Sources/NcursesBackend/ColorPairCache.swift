import TerminalCore

/// Gives each (foreground, background) combination a curses colour pair, allocated on first use.
///
/// Pair 0 is the terminal's default colours. When every pair is taken, new combinations fall back to
/// pair 0 (readable, uncoloured) rather than recycling pairs still on screen.
struct ColorPairCache {
    /// A colour as curses numbers it: -1 for the default.
    struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32
    private let initPair: (Int32, Int32, Int32) -> Void

    /// A cache for `limit` pairs (curses' `COLOR_PAIRS`) that defines pairs through `initPair(pair, fg, bg)`.
    init(limit: Int32, initPair: @escaping (Int32, Int32, Int32) -> Void) {
        self.limit = limit
        self.initPair = initPair
    }

    /// The pair for the two colours, defining it when new. O(1).
    mutating func pair(foreground: Color, background: Color) -> Int32 {
        let key = Key(foreground: Self.number(foreground), background: Self.number(background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard next < limit else { return 0 }
        let pair = next
        next += 1
        initPair(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }

    /// How many pairs were defined.
    var count: Int { pairs.count }

    /// The curses colour number: -1 for the default colour.
    static func number(_ color: Color) -> Int32 {
        switch color {
        case .default: return -1
        case .indexed(let index): return Int32(index)
        }
    }
}
