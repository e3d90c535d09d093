import TerminalCore

/// Reads a theme file: one `role = [foreground] [on background] [attributes...]` per line.
public enum ThemeParser {
    /// A theme file problem, naming the line.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var source: String
        public var line: Int
        public var message: String
        public var description: String { "\(source):\(line): \(message)" }
    }

    /// Parses a whole file. Every role must be known; unset roles fall back to plain text.
    public static func parse(_ text: String, name: String, source: String? = nil) throws(Failure) -> Theme {
        let source = source ?? name
        var styles: [ThemeRole: Style] = [:]
        var services: [Style] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = Self.stripComment(String(rawLine))
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty { continue }
            guard words.count >= 2, words[1] == "=" else {
                throw Failure(source: source, line: lineNumber, message: "expected `role = style`, found \"\(line.trimmingSpaces)\"")
            }
            let key = words[0].lowercased()
            let values = Array(words.dropFirst(2))
            if key == "services" {
                services = try values.map { word throws(Failure) in
                    guard let color = ColorName.parse(word) else {
                        throw Failure(source: source, line: lineNumber, message: "unknown colour \"\(word)\"")
                    }
                    return Style(foreground: color)
                }
                continue
            }
            let role = ThemeRole(key)
            guard ThemeRole.themeRoles.contains(role) else {
                let known = ThemeRole.themeRoles.map(\.rawValue) + ["services"]
                let hint = ColorName.closest(key, in: known).map { " (did you mean \($0)?)" } ?? ""
                throw Failure(source: source, line: lineNumber, message: "unknown role \"\(words[0])\"\(hint)")
            }
            guard styles[role] == nil else {
                throw Failure(source: source, line: lineNumber, message: "role \"\(key)\" is set twice")
            }
            do {
                styles[role] = try parseStyle(values)
            } catch {
                throw Failure(source: source, line: lineNumber, message: error.message)
            }
        }
        let palette = Palette(name: name, styles: styles, fallback: styles[.text] ?? .plain)
        return Theme(name: name, palette: palette, serviceStyles: services)
    }

    /// The line without its comment: `#` at the start or after a space, and not `#rrggbb`.
    static func stripComment(_ line: String) -> String {
        let chars = Array(line)
        for i in chars.indices where chars[i] == "#" {
            let atWordStart = i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t"
            let isColour = i + 7 <= chars.count && chars[(i + 1)..<(i + 7)].allSatisfy(\.isHexDigit)
                && (i + 7 == chars.count || chars[i + 7] == " " || chars[i + 7] == "\t")
            if atWordStart && !isColour { return String(chars[..<i]) }
        }
        return line
    }

    private struct StyleError: Error { var message: String }

    /// `252`, `255 on 24 bold`, `on #333333`, `reverse bold`, `default`.
    private static func parseStyle(_ words: [String]) throws(StyleError) -> Style {
        var style = Style()
        var index = 0
        var sawForeground = false
        while index < words.count {
            let word = words[index].lowercased()
            if word == "on" {
                guard index + 1 < words.count, let color = ColorName.parse(words[index + 1]) else {
                    throw StyleError(message: "expected a colour after \"on\"")
                }
                style.background = color
                index += 2
                continue
            }
            if let attribute = attributes[word] {
                style.attributes.insert(attribute)
            } else if !sawForeground, let color = ColorName.parse(word) {
                style.foreground = color
                sawForeground = true
            } else {
                throw StyleError(message: "unknown colour or attribute \"\(words[index])\"")
            }
            index += 1
        }
        return style
    }

    private static let attributes: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline, "italic": .italic,
    ]
}
