import Testing
@testable import TerminalCore

@Suite("Colour modes and palettes")
struct ColorModeTests {
    @Test("The mode follows COLORS and the no-colour switch")
    func detect() {
        #expect(ColorMode.detect(colors: 256, colorDisabled: false) == .color256)
        #expect(ColorMode.detect(colors: 8, colorDisabled: false) == .color8)
        #expect(ColorMode.detect(colors: 0, colorDisabled: false) == .none)
        #expect(ColorMode.detect(colors: 256, colorDisabled: true) == .none)
        #expect(ColorMode.noColorRequested(environment: ["NO_COLOR": "1"]))
        #expect(!ColorMode.noColorRequested(environment: ["NO_COLOR": ""]))
        #expect(!ColorMode.noColorRequested(environment: [:]))
    }

    @Test("256 colours map to the nearest basic hue")
    func downTo8() {
        func fg(_ index: UInt8) -> Color { Style(foreground: .indexed(index)).adapted(to: .color8).foreground }
        #expect(fg(1) == .red)
        #expect(fg(9) == .red)  // bright red
        #expect(fg(196) == .red)
        #expect(fg(46) == .green)
        #expect(fg(21) == .blue)
        #expect(fg(27) == .blue)
        #expect(fg(33) == .cyan)  // dodger blue is nearer cyan than blue by hue
        #expect(fg(51) == .cyan)
        #expect(fg(201) == .magenta)
        #expect(fg(226) == .yellow)
        #expect(fg(208) == .yellow)  // orange
        #expect(fg(255) == .white)
        #expect(Style(foreground: .default).adapted(to: .color8).foreground == .default)
    }

    @Test("A dark grey foreground becomes dim default text, a dark grey background black")
    func greys() {
        let text = Style(foreground: .gray(4)).adapted(to: .color8)
        #expect(text.foreground == .default)
        #expect(text.attributes.contains(.dim))
        let selection = Style(background: .gray(4)).adapted(to: .color8)
        #expect(selection.background == .black)
    }

    @Test("No colour keeps attributes and reverses coloured backgrounds")
    func noColor() {
        let selection = Style(foreground: .white, background: .blue, attributes: .bold).adapted(to: .none)
        #expect(selection == Style(attributes: [.bold, .reverse]))
        let error = Style(foreground: .red, attributes: .underline).adapted(to: .none)
        #expect(error == Style(attributes: .underline))
        #expect(Style(foreground: .red).adapted(to: .color256) == Style(foreground: .red))
    }

    @Test("A palette resolves roles per mode, preferring explicit monochrome styles")
    func palette() {
        let palette = Palette(
            name: "dark",
            styles: [.selection: Style(foreground: .white, background: .gray(5)), .error: Style(foreground: .indexed(196))],
            monochrome: [.error: Style(attributes: .bold)]
        )
        #expect(palette.style(for: .error, mode: .color256) == Style(foreground: .indexed(196)))
        #expect(palette.style(for: .error, mode: .color8) == Style(foreground: .red))
        #expect(palette.style(for: .error, mode: .none) == Style(attributes: .bold))
        #expect(palette.style(for: .selection, mode: .none) == Style(attributes: .reverse))
        #expect(palette.style(for: "unknown-role", mode: .color256) == .plain)
        #expect(Palette.monochromeDefault.style(for: .selection, mode: .color256) == Style(attributes: .reverse))
    }

    @Test("Cube and grey helpers")
    func helpers() {
        #expect(Color.cube(red: 5, green: 0, blue: 0) == .indexed(196))
        #expect(Color.gray(0) == .indexed(232))
        #expect(Color.gray(99) == .indexed(255))
        #expect(Color.indexed(196).rgb! == (255, 0, 0))
    }
}
