#if canImport(Glibc)
import Glibc
#endif

/// Finds the theme to use: `--theme NAME|PATH`, else `TREX_THEME`, else `dark`. A name is
/// looked up in the user's `$XDG_CONFIG_HOME/trex/themes/NAME.theme` (default
/// `~/.config/trex/themes`), then among the bundled themes.
public enum ThemeResolver {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func resolve(_ requested: String?, environment: [String: String]) throws(Failure) -> Theme {
        let choice = requested ?? environment["TREX_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "dark"
        if choice.contains("/") || choice.hasSuffix(".theme") {
            return try load(path: choice, name: baseName(choice))
        }
        if let dir = userThemeDirectory(environment), let path = Optional(dir + "/" + choice + ".theme"),
           access(path, R_OK) == 0 {
            return try load(path: path, name: choice)
        }
        if let text = BuiltinThemes.sources[choice] {
            do { return try ThemeParser.parse(text, name: choice) } catch { throw Failure(description: error.description) }
        }
        var available = Theme.builtinNames
        if let dir = userThemeDirectory(environment) { available += userThemes(in: dir) }
        throw Failure(description: "no theme named \"\(choice)\" (available: \(Set(available).sorted().joined(separator: ", ")))")
    }

    static func userThemeDirectory(_ environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/trex/themes" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/trex/themes"
    }

    private static func load(path: String, name: String) throws(Failure) -> Theme {
        guard let text = TextFile.read(path) else { throw Failure(description: "cannot read theme \(path)") }
        do { return try ThemeParser.parse(text, name: name, source: path) } catch { throw Failure(description: error.description) }
    }

    private static func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".theme") ? String(file.dropLast(6)) : file
    }

    private static func userThemes(in dir: String) -> [String] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".theme") { names.append(String(name.dropLast(6))) }
        }
        return names
    }
}
