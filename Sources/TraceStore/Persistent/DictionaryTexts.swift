/// The texts of dictionary strings, fetched once each (the migration reads them to decide
/// which attribute strings become inline).
final class DictionaryTexts {
    private let byID: RawStatement
    private var cache: [Int64: [UInt8]] = [:]

    init(_ byID: RawStatement) { self.byID = byID }

    func text(_ id: Int64) throws -> [UInt8] {
        if let cached = cache[id] { return cached }
        byID.bind(1, id)
        defer { byID.reset() }
        guard try byID.step() else { throw CorruptRow(detail: "an attribute refers to string \(id), which is missing") }
        let bytes = Array(byID.text(0))
        cache[id] = bytes
        return bytes
    }
}
