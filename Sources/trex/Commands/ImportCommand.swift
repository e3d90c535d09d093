import ArgumentParser
import TerminalCore
import TraceModel
import TraceStore

/// `trex import`: loads trace files into the persistent store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trace files into the trace store, to explore them any time later.",
        discussion: """
        Files are read one at a time and committed in batches of whole traces: importing the same \
        data twice changes nothing, spans of a trace spread over several imports are merged into \
        one trace, and an interrupted import keeps every batch it committed.

        Examples:
          trex import collector-output/
          trex import --store ./incident-42.sqlite trace.json more.jsonl.gz
          ssh collector cat spans.jsonl | trex import -
        """)

    @Argument(help: "Trace files or directories ('-' for standard input).")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    @Flag(name: .shortAndLong, help: "Do not print load warnings.")
    var quiet = false

    @Option(help: "Spans per committed batch (a trace is never split).")
    var batchSpans = 50_000

    enum IndexStrategy: String, ExpressibleByArgument, CaseIterable {
        /// Defer when the input looks large, and at least as large as the store.
        case auto
        /// Keep every index up to date batch by batch.
        case incremental
        /// Drop the secondary indexes during the import and build them at the end.
        case deferred
    }

    @Option(help: ArgumentHelp(
        "How to maintain the store's indexes: 'deferred' builds them once at the end (faster for a large "
            + "import into a small store; queries scan meanwhile), 'incremental' keeps them up to date, "
            + "'auto' defers when the input is large and at least as large as the store.",
        valueName: "strategy"))
    var indexes: IndexStrategy = .auto

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one trace file or directory") }
        if batchSpans < 1 { throw ValidationError("--batch-spans must be at least 1") }
    }

    func run() throws {
        let target = try store.open(create: true)
        let deferIndexes: Bool
        switch indexes {
        case .incremental: deferIndexes = false
        case .deferred: deferIndexes = true
        case .auto:
            let incoming = Self.estimatedSpans(files)
            let stored = try storeOperation { () throws(StoreError) in try target.spanCount() }
            deferIndexes = incoming >= 200_000 && incoming >= stored
        }
        let importer = StoreImporter(store: target, options: .init(batchSpans: batchSpans, deferIndexes: deferIndexes))
        var run = ImportRun(importer: importer, quiet: quiet)
        try run.importFiles(files)
        try storeOperation { () throws(StoreError) in try importer.finish() }
        run.finish(files: files)
    }

    /// A rough span count for the inputs: about 400 bytes of JSON per span, gzip about 8:1.
    static func estimatedSpans(_ paths: [String]) -> Int {
        InputExpander.expand(paths).files.reduce(0) { total, file in
            total + (file.path.hasSuffix(".gz") ? file.size * 8 : file.size) / 400
        }
    }
}

/// The state of one `trex import`: progress display, totals, and the closing summary.
struct ImportRun {
    let importer: StoreImporter
    let quiet: Bool
    let progress = ImportProgressLine(enabled: FileHandleOutput.standardErrorIsTerminal)
    var traceIDs = Set<TraceID>()
    var filesLoaded = 0
    var spansSkipped = 0
    var warnings = 0
    var bytes = 0

    init(importer: StoreImporter, quiet: Bool) {
        self.importer = importer
        self.quiet = quiet
    }

    /// Loads and imports each file in turn. O(total input).
    mutating func importFiles(_ paths: [String]) throws {
        let (inputs, problems) = InputExpander.expand(paths)
        for problem in problems { report(problem) }
        for (index, input) in inputs.enumerated() {
            // While a file is read and decoded, its bytes move the line.
            let (line, base, spans) = (progress, bytes, importer.totals.spansRead)
            let outcome = TraceLoader.load([input.path]) { loading in
                line.draw(filesDone: index, filesTotal: inputs.count, bytes: base + loading.bytesDone, spans: spans,
                          current: input.path)
            }
            bytes += outcome.bytesRead
            for file in outcome.files {
                if let failure = file.failure {
                    report(input.origin == .directory ? "note: \(failure)" : "\(failure)")
                }
                for warning in file.report?.warnings ?? [] { report("\(warning)") }
                warnings += file.report?.warnings.count ?? 0
            }
            spansSkipped += outcome.spansSkipped
            guard outcome.loadedAnything else { continue }
            filesLoaded += 1
            try add(outcome.table, filesDone: index, filesTotal: inputs.count, current: input.path)
        }
    }

    private mutating func add(_ table: SpanTable, filesDone: Int, filesTotal: Int, current: String) throws {
        for entry in table.traces { traceIDs.insert(entry.traceID) }
        let (line, bytes) = (progress, self.bytes)
        _ = try storeOperation { () throws(StoreError) in
            try importer.add(table) { totals in
                line.draw(filesDone: filesDone, filesTotal: filesTotal, bytes: bytes, spans: totals.spansRead,
                          current: current)
            }
        }
        progress.draw(filesDone: filesDone + 1, filesTotal: filesTotal, bytes: bytes,
                      spans: importer.totals.spansRead, current: current, force: true)
    }

    private func report(_ message: String) {
        guard !quiet else { return }
        progress.clear()
        FileHandleOutput.message(message)
    }

    /// Prints the one-line summary; exits 1 when nothing could be imported.
    func finish(files: [String]) {
        progress.clear()
        let totals = importer.totals
        guard totals.spansRead > 0 else {
            FileHandleOutput.standardError("trex: no spans could be loaded from " + files.map(\.visiblyEscaped).joined(separator: " "))
            exitProcess(1)
        }
        var line = "imported \(NumberFormat.count(traceIDs.count, "trace")), \(NumberFormat.count(totals.spansRead, "span"))"
        if totals.spansUnchanged > 0 { line += " (\(NumberFormat.grouped(totals.spansUnchanged)) already stored)" }
        if filesLoaded > 0 { line += " from \(NumberFormat.count(filesLoaded, "file"))" }
        line += " in \(NumberFormat.oneDecimal(progress.elapsedSeconds)) s"
        if spansSkipped > 0 {
            line += "; \(NumberFormat.count(spansSkipped, "span")) skipped, see warnings"
        } else if warnings > 0 {
            line += "; \(NumberFormat.count(warnings, "warning"))"
        }
        FileHandleOutput.standardOutput(line + "\n")
    }
}
