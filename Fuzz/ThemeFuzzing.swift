import ExplorerUI

/// The theme target: the input as a theme file through `ThemeParser`.
enum ThemeFuzzing {
    static let target = FuzzTarget(name: "theme", seeds: ["Themes"]) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        do throws(ThemeParser.Failure) {
            _ = try ThemeParser.parse(text, name: "fuzz", source: "fuzz.theme")
        } catch {
            _ = error.description
        }
    }
}
