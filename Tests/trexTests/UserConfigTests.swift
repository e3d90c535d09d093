import Foundation
import Testing
import TestSupport
@testable import trex

/// ~/.config/trex/config.toml: the settings it takes, and errors that name the file and line.
@Suite struct UserConfigTests {
    @Test func everySettingIsRead() throws {
        let config = try UserConfig.parse("""
            # the explorer
            theme = "light"
            ascii = true
            mouse = false
            """, path: "config.toml")
        #expect(config == UserConfig(theme: "light", ascii: true, mouse: false))
        #expect(try UserConfig.parse("", path: "c") == UserConfig())
    }

    @Test func mistakesNameTheFileAndLine() {
        func failure(_ text: String) -> String {
            do {
                _ = try UserConfig.parse(text, path: "/home/u/.config/trex/config.toml")
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(failure("theme = \"light\"\nmose = false") ==
                "config /home/u/.config/trex/config.toml line 2: unknown setting `mose` (known: theme, ascii, mouse, sources)")
        #expect(failure("mouse = \"no\"") == "config /home/u/.config/trex/config.toml line 1: `mouse` takes true or false")
        #expect(failure("\n\ntheme = 3") == "config /home/u/.config/trex/config.toml line 3: `theme` takes a string, such as \"light\"")
        #expect(failure("ascii = \n").hasPrefix("config /home/u/.config/trex/config.toml line 1: "))
        #expect(failure("mouse = true\n[explorer]\nascii = true") ==
                "config /home/u/.config/trex/config.toml line 2: unknown setting `explorer` (known: theme, ascii, mouse, sources)")
        let themed = try? UserConfig.parse("\n theme = \"nosuch\"", path: "/c.toml")
        #expect(themed?.themeOrigin == "config /c.toml line 2")
    }

    @Test func theFileIsFoundWhereXDGSays() throws {
        #expect(UserConfig.path(environment: ["HOME": "/home/u"]) == "/home/u/.config/trex/config.toml")
        #expect(UserConfig.path(environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg"]) == "/cfg/trex/config.toml")
        #expect(UserConfig.path(environment: ["TREX_CONFIG": "/x.toml", "HOME": "/home/u"]) == "/x.toml")
        let directory = TemporaryDirectory()
        // No file at the usual place: no settings; a named file that is missing: an error.
        #expect(try UserConfig.load(environment: ["XDG_CONFIG_HOME": directory.path]) == UserConfig())
        #expect(throws: UserConfig.Failure.self) { try UserConfig.load(environment: ["TREX_CONFIG": directory.file("none.toml")]) }
        try FileManager.default.createDirectory(atPath: directory.file("trex"), withIntermediateDirectories: true)
        try "mouse = false\n".write(toFile: directory.file("trex/config.toml"), atomically: true, encoding: .utf8)
        #expect(try UserConfig.load(environment: ["XDG_CONFIG_HOME": directory.path]).mouse == false)
    }
}
