/// Counted phrases for warnings: "1 span has", "3 spans have".
enum Phrase {
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
