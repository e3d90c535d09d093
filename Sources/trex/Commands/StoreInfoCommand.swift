import ArgumentParser
import TerminalCore
import TraceModel
import TraceStore

/// `trex store info`: size, counts, time range and services of the store.
struct StoreInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the store's size, trace and span counts, time range and services.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print a JSON object instead.")
    var json = false

    @Flag(help: "Also verify the whole file (SQLite's integrity check and trex's own invariants; reads everything).")
    var check = false

    func run() throws {
        let opened = try store.open()
        let info = try storeOperation { () throws(StoreError) in try opened.info() }
        let problems = check ? try storeOperation { () throws(StoreError) in try opened.check() } : []
        if json {
            try JSONOutput.write(StoreInfoJSON(info, problems: check ? problems : nil))
        } else {
            FileHandleOutput.standardOutput(Self.text(info, problems: check ? problems : nil))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }

    static func text(_ info: StoreInfo, problems: [String]?) -> String {
        var rows: [(String, String)] = [("Store", info.path.visiblyEscaped)]
        var size = NumberFormat.bytes(info.fileBytes)
        if let perSpan = info.bytesPerSpan { size += " (\(Int(perSpan.rounded())) bytes per span)" }
        if info.freeBytes > 0 { size += ", \(NumberFormat.bytes(info.freeBytes)) free for reuse" }
        rows.append(("Size", size))
        rows.append(("Traces", NumberFormat.grouped(info.traceCount)))
        rows.append(("Spans", NumberFormat.grouped(info.spanCount)))
        if let range = info.timeRange {
            rows.append(("Time range", "\(TimestampFormat.utc(range.lowerBound)) to \(TimestampFormat.utc(range.upperBound)) UTC"))
        }
        if !info.services.isEmpty {
            let shown = info.services.prefix(12).map { "\($0.name.isEmpty ? "?" : $0.name.visiblyEscaped) (\(NumberFormat.grouped($0.spans)))" }
            rows.append(("Services", "\(info.services.count): " + shown.joined(separator: ", ")
                         + (info.services.count > 12 ? ", ..." : "")))
        }
        if let last = info.lastImport { rows.append(("Last import", TimestampFormat.utc(last, milliseconds: false) + " UTC")) }
        rows.append(("Created", TimestampFormat.utc(info.created, milliseconds: false) + " UTC"))
        rows.append(("Contents", "\(NumberFormat.count(info.stringCount, "string")), "
                     + "\(NumberFormat.count(info.resourceCount, "resource")), \(NumberFormat.count(info.scopeCount, "scope")); "
                     + "schema version \(info.schemaVersion)"))
        if !info.missingIndexes.isEmpty {
            rows.append(("Indexes", "\(info.missingIndexes.count) missing (an import is building them, or was "
                         + "interrupted: the next import builds them); queries scan meanwhile"))
        }
        if let problems {
            rows.append(("Check", problems.isEmpty ? "ok" : "\(problems.count) problems:\n  " + problems.map(\.visiblyEscaped).joined(separator: "\n  ")))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }.joined(separator: "\n") + "\n"
    }
}

/// `trex store info --json`.
struct StoreInfoJSON: Encodable {
    struct Service: Encodable {
        var name: String
        var spans: Int
    }

    var path: String
    var fileBytes: Int
    var freeBytes: Int
    var bytesPerSpan: Double?
    var schemaVersion: Int
    var traceCount: Int
    var spanCount: Int
    var stringCount: Int
    var resourceCount: Int
    var scopeCount: Int
    var startUnixNano: Int64?
    var endUnixNano: Int64?
    var lastImportUnixNano: Int64?
    var services: [Service]
    var missingIndexes: [String]
    var problems: [String]?

    init(_ info: StoreInfo, problems: [String]?) {
        path = info.path
        fileBytes = info.fileBytes
        freeBytes = info.freeBytes
        bytesPerSpan = info.bytesPerSpan.map { ($0 * 10).rounded() / 10 }
        schemaVersion = info.schemaVersion
        traceCount = info.traceCount
        spanCount = info.spanCount
        stringCount = info.stringCount
        resourceCount = info.resourceCount
        scopeCount = info.scopeCount
        startUnixNano = info.timeRange?.lowerBound.unixNanos
        endUnixNano = info.timeRange?.upperBound.unixNanos
        lastImportUnixNano = info.lastImport?.unixNanos
        services = info.services.map { Service(name: $0.name, spans: $0.spans) }
        missingIndexes = info.missingIndexes
        self.problems = problems
    }
}
