import Foundation
import TerminalCore
import TOMLKit

/// The user's settings for the explorer, from `$XDG_CONFIG_HOME/trex/config.toml` (default
/// `~/.config/trex/config.toml`; `TREX_CONFIG` names another file). Every key is optional and
/// a command-line flag wins over it:
///
///     theme = "light"     # as --theme (a name or a path)
///     ascii = true        # as --ascii
///     mouse = false       # as --no-mouse: the terminal keeps its own text selection
///
/// A file that is not TOML, an unknown key or a value of the wrong type is an error naming
/// the file and line, so a typo never goes unnoticed. docs/terminal.md documents it.
struct UserConfig: Equatable {
    static func == (a: UserConfig, b: UserConfig) -> Bool {
        a.theme == b.theme && a.ascii == b.ascii && a.mouse == b.mouse && a.sources == b.sources
    }

    var theme: String?
    var ascii: Bool?
    var mouse: Bool?
    /// Named backends (`[sources.NAME]`), for `--source NAME` and `trex sources`.
    var sources: [String: NamedSource] = [:]
    /// Where `theme` was set ("config PATH line N"), to name it when the theme cannot be found.
    var themeOrigin: String?

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let keys = ["theme", "ascii", "mouse", "sources"]

    /// The file to read: `TREX_CONFIG`, else the XDG location. Nil when neither can be named.
    static func path(environment: [String: String]) -> String? {
        if let explicit = environment["TREX_CONFIG"], !explicit.isEmpty { return explicit }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/trex/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/trex/config.toml"
    }

    /// The settings in effect: the file's, or none when there is no file (an explicitly named
    /// `TREX_CONFIG` must exist).
    static func load(environment: [String: String]) throws(Failure) -> UserConfig {
        guard let path = path(environment: environment) else { return UserConfig() }
        guard FileManager.default.fileExists(atPath: path) else {
            if environment["TREX_CONFIG"].map({ !$0.isEmpty }) == true {
                throw Failure(description: "config \(path.visiblyEscaped): no such file")
            }
            return UserConfig()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "config \(path.visiblyEscaped): cannot be read")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses a config file's text; `path` names it in errors.
    static func parse(_ text: String, path: String) throws(Failure) -> UserConfig {
        let name = path.visiblyEscaped
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(description: "config \(name) line \(error.source.begin.line): \(error.description.visiblyEscaped)")
        } catch {
            throw Failure(description: "config \(name): \(error)")
        }
        // The line that sets a key (`key = ...`), or a table of that name (`[key]`), else the
        // first that mentions it.
        func line(of key: String) -> Int? {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.drop { $0 == " " || $0 == "\t" }) }
            let index = lines.firstIndex { $0.hasPrefix(key) || $0.hasPrefix("[" + key) || $0.hasPrefix("\"" + key) }
                ?? lines.firstIndex { $0.contains(key) }
            return index.map { $0 + 1 }
        }
        func wrong(_ key: String, _ message: String) -> Failure {
            Failure(description: "config \(name)\(line(of: key).map { " line \($0)" } ?? ""): \(message)")
        }
        var config = UserConfig()
        for key in table.keys.sorted() {
            let value = table[key]
            switch key {
            case "theme":
                guard let text = value?.string else { throw wrong(key, "`theme` takes a string, such as \"light\"") }
                config.theme = text
                config.themeOrigin = "config \(name)" + (line(of: key).map { " line \($0)" } ?? "")
            case "ascii":
                guard let flag = value?.bool else { throw wrong(key, "`ascii` takes true or false") }
                config.ascii = flag
            case "mouse":
                guard let flag = value?.bool else { throw wrong(key, "`mouse` takes true or false") }
                config.mouse = flag
            case "sources":
                guard let sources = value?.table else { throw wrong(key, "`sources` holds tables: [sources.NAME] with url = \"jaeger+http://HOST:16686\"") }
                for name in sources.keys.sorted() {
                    guard let entry = sources[name]?.table else { throw wrong(name, "[sources.\(name.visiblyEscaped)] must be a table") }
                    do { config.sources[name] = try NamedSource(name: name, table: entry) } catch { throw wrong(name, error.description) }
                }
            default:
                throw wrong(key, "unknown setting `\(key.visiblyEscaped)` (known: \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }
}
