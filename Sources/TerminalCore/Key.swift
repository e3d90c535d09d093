/// A key press: a key code and the modifiers held with it.
///
/// Keymaps are built from the static helpers: `.char("j")`, `.ctrl("d")`, `.down`, `.pageDown`,
/// `.backTab`, `.f(1)`. `description` gives the readable name used by help screens ("ctrl-d",
/// "PgDn", "S-Tab").
public struct Key: Hashable, Sendable {
    public var code: KeyCode
    public var modifiers: KeyModifiers

    public init(_ code: KeyCode, modifiers: KeyModifiers = []) {
        self.code = code
        self.modifiers = modifiers
    }

    // MARK: - Builders

    /// A printable character as typed.
    public static func char(_ character: Character) -> Key { Key(.character(character)) }

    /// Control plus a letter or symbol; letters are normalised to lower case (ctrl-D is ctrl-d).
    public static func ctrl(_ character: Character) -> Key {
        Key(.character(Character(character.lowercased())), modifiers: .control)
    }

    /// Alt (meta) plus a character.
    public static func alt(_ character: Character) -> Key { Key(.character(character), modifiers: .alt) }

    /// Function key F`n`.
    public static func f(_ n: Int) -> Key { Key(.function(n)) }

    public static let enter = Key(.enter)
    public static let escape = Key(.escape)
    public static let tab = Key(.tab)
    public static let backTab = Key(.backTab)
    public static let backspace = Key(.backspace)
    public static let delete = Key(.delete)
    public static let insert = Key(.insert)
    public static let up = Key(.up)
    public static let down = Key(.down)
    public static let left = Key(.left)
    public static let right = Key(.right)
    public static let home = Key(.home)
    public static let end = Key(.end)
    public static let pageUp = Key(.pageUp)
    public static let pageDown = Key(.pageDown)
    public static let space = Key(.character(" "))

    /// This key with `modifiers` added.
    public func with(_ modifiers: KeyModifiers) -> Key {
        Key(code, modifiers: self.modifiers.union(modifiers))
    }
}
