import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Sets up `LC_CTYPE` so wide characters work, and tells whether the character set is UTF-8.
///
/// `setlocale(LC_CTYPE, "")` takes the user's locale. A locale the user named (`LC_ALL`,
/// `LC_CTYPE` or `LANG`, e.g. `LANG=C`) whose codeset is not UTF-8 is respected: the explorer
/// draws in ASCII. With none named (common in containers and over SSH), `C.UTF-8` is tried.
/// `LC_ALL` is never set: it would change number parsing.
enum LocaleSetup {
    /// Whether the character set is UTF-8 after setup, and a warning when Unicode is unavailable.
    static func configure() -> (isUTF8: Bool, warning: String?) {
        setlocale(LC_CTYPE, "")
        if isUTF8Codeset() { return (true, nil) }
        let named = ["LC_ALL", "LC_CTYPE", "LANG"].contains { (name: String) -> Bool in
            guard let value = getenv(name) else { return false }
            return value.pointee != 0
        }
        if !named, setlocale(LC_CTYPE, "C.UTF-8") != nil || setlocale(LC_CTYPE, "C.utf8") != nil, isUTF8Codeset() {
            return (true, nil)
        }
        setlocale(LC_CTYPE, "")
        return (false, "no UTF-8 locale: drawing with ASCII only")
    }

    /// Whether the current `LC_CTYPE` codeset is UTF-8.
    static func isUTF8Codeset() -> Bool {
        guard let name = trex_codeset() else { return false }
        let codeset = String(cString: name).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }
}
