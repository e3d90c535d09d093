/// docs/keys.md, generated from the keymaps the screens dispatch on (a test keeps the file in
/// step: run it with TREX_RECORD=1 to rewrite the file after changing a binding).
public enum KeymapDocument {
    public static func markdown() -> String {
        var out = "# trex keys\n\n"
        out += "Generated from the explorer's keymaps (`Sources/ExplorerUI/Input/Keymaps.swift`), the same tables the\n"
        out += "screens dispatch on and the `?` overlay lists. Do not edit by hand.\n"
        for keymap in Keymaps.all {
            out += "\n## \(keymap.name)\n"
            for section in keymap.sections {
                out += "\n### \(section.title)\n\n| Keys | Action |\n|---|---|\n"
                for binding in section.bindings {
                    let keys = binding.keys.map { "`\($0.description == "`" ? "backtick" : $0.description)`" }
                        .joined(separator: ", ")
                    out += "| \(keys) | \(binding.command.summary) |\n"
                }
            }
            if let legend = keymap.legend {
                out += "\n### \(legend.title)\n\n| Mark | Meaning |\n|---|---|\n"
                for entry in legend.entries { out += "| `\(entry.mark)` | \(entry.meaning) |\n" }
            }
        }
        out += "\n## Mouse\n\nOn every screen, unless trex runs with `--no-mouse` (or `mouse = false` in the config file).\n\n"
        out += "| Mouse | Action |\n|---|---|\n"
        for (what, does) in HelpOverlay.mouse { out += "| \(what) | \(does) |\n" }
        return out
    }
}
