import TerminalCore

extension ExplorerApp {
    /// Draws the whole screen: the current view, the status line, the filter bar or the key
    /// hints, and any overlay.
    public func render(_ frame: inout Frame, capabilities: TerminalCapabilities) {
        let context = RenderContext(theme: theme, capabilities: capabilities)
        asciiOnly = !context.glyphs.hasEighthBlocks
        frame.buffer.fill(frame.area, style: context.style(.background))
        frame.cursor = nil
        let filterView = filterBar.map { FilterBarView(bar: $0, context: context) }
        let bottomRows = 1 + (filterView?.height ?? 1)
        let (main, bottom) = frame.area.splitBottom(bottomRows)
        let statusRow = bottom.row(0)
        let footer = bottom.splitTop(1).rest

        switch phase {
        case .loading(let progress):
            LoadingView(progress: progress, context: context).render(in: main, into: &frame.buffer)
            drawStatus("trex · loading", right: "q quits", in: statusRow, into: &frame.buffer, context: context)
        case .ready(let list):
            // Laid out for the frame drawn (the same as `latencyArea` unless the frame's size differs).
            latency?.layOut(in: main.splitTop(1).rest, kind: asciiOnly ? .ascii : .braille)
            if let compare {
                CompareView(screen: compare, context: context).render(in: main, into: &frame.buffer)
                drawStatus(flash ?? compare.summary, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let screen = latency {
                let status = renderLatency(screen, in: main, into: &frame.buffer, context: context)
                drawStatus(flash ?? status, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let stats = statistics {
                stats.render(in: main, into: &frame.buffer, context: context)
                drawStatus(flash ?? stats.summary, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let screen = lint {
                screen.render(in: main, into: &frame.buffer, context: context)
                drawStatus(flash ?? screen.summary, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let screen = sampling {
                screen.render(in: main, into: &frame.buffer, context: context)
                drawStatus(flash ?? screen.summary, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let map = serviceMap {
                let counts = renderServiceMap(map, in: main, status: statusRow, into: &frame.buffer, context: context)
                drawStatus(flash ?? counts, right: "q back", in: statusRow, into: &frame.buffer, context: context)
            } else if let screen = traceScreen {
                WaterfallView(screen: screen, context: context).render(in: main, into: &frame.buffer)
                let right = live.map { LiveLine.compact($0) + "  " } ?? ""
                drawStatus(flash ?? screen.statusText, right: right + screen.statusRight, in: statusRow,
                           into: &frame.buffer, context: context)
            } else {
                var listArea = main
                if let live {
                    let (line, rest) = listArea.splitTop(1)
                    LiveLine(live: live, context: context).render(in: line, into: &frame.buffer)
                    listArea = rest
                }
                if let remote {
                    let (line, rest) = listArea.splitTop(1)
                    RemoteSearchLine(status: remote.status, context: context).render(in: line, into: &frame.buffer)
                    listArea = rest
                }
                if let metrics = list.metrics, case let rows = list.chartRows(in: main), rows > 0 {
                    let (chart, rest) = listArea.splitTop(rows)
                    MetricsChart(result: metrics, context: context).render(in: chart, into: &frame.buffer)
                    listArea = rest
                }
                TraceListView(listing: list.listing, state: list.state, context: context, maxDuration: list.maxDuration,
                              overview: list.overview, problems: list.problemLookup,
                              sparkline: list.sparklineRows(in: main) > 0 ? list.sparkline(width: listArea.width) : nil,
                              marked: markedForCompare)
                    .render(in: listArea, into: &frame.buffer)
                drawStatus(flash ?? list.summaryText, right: sourcesText, in: statusRow, into: &frame.buffer, context: context)
            }
        }

        if let filterView {
            frame.cursor = filterView.render(in: footer, into: &frame.buffer)
        } else {
            drawHints(in: footer, into: &frame.buffer, context: context)
        }
        if let help { help.render(in: main, into: &frame.buffer, context: context) }
    }

    private var sourcesText: String {
        guard let report, !report.sources.isEmpty else { return "" }
        let shown = report.sources.prefix(2).joined(separator: ", ")
        return report.sources.count > 2 ? "\(shown) +\(report.sources.count - 2) more" : shown
    }

    private func drawStatus(_ left: String, right: String, in row: Rect, into buffer: inout Buffer, context: RenderContext) {
        let style = context.style(.status)
        buffer.fill(row, style: style)
        let rightWidth = min(DisplayWidth.of(right), row.width / 3)
        buffer.setTruncated(left, x: row.x + 1, y: row.y, width: row.width - rightWidth - 3, style: style)
        if rightWidth > 0 {
            buffer.setTruncated(right, x: row.right - rightWidth - 1, y: row.y, width: rightWidth, style: style,
                                alignment: .right)
        }
    }

    /// The most useful keys of the current screen, from its keymap.
    private func drawHints(in row: Rect, into buffer: inout Buffer, context: RenderContext) {
        let wanted: [Command] = compare != nil ? [.toggleCollapse, .toggleSelfTime, .toggleChangedOnly, .help, .quit]
            : latency != nil ? [.markCorner, .listRectangle, .toggleHeatmap, .toggleDurationScale, .help, .quit]
            : statistics != nil ? [.openTrace, .cycleSort, .toggleSelfTime, .toggleGrouping, .compareHalves, .help, .quit]
            : serviceMap != nil ? [.nextCall, .filterToCall, .help, .quit]
            : lint != nil ? [.openExample, .toggleLintScope, .help, .quit]
            : sampling != nil ? [.editSamplingPlan, .help, .quit]
            : traceScreen == nil ? [.openTrace, .openFilter, .cycleSort, .openServiceMap, .openStatistics, .openLatency, .help, .quit]
            : [.toggleCollapse, .toggleCriticalPath, .nextCritical, .nextError, .toggleDetail, .openFilter, .help, .quit]
        let keymap = activeKeymap
        var spans: [TerminalCore.Span] = []
        for command in wanted {
            guard let binding = keymap.sections.flatMap(\.bindings).first(where: { $0.command == command }),
                  let key = binding.keys.first else { continue }
            spans.append(TerminalCore.Span(key.description, style: context.style(.match)))
            spans.append(TerminalCore.Span(" " + Self.hintLabel(command) + "  ", style: context.style(.dim)))
        }
        buffer.setSpans(spans, x: row.x + 1, y: row.y, width: row.width - 2)
    }

    static func hintLabel(_ command: Command) -> String {
        switch command {
        case .openTrace: "open"
        case .openFilter: "filter"
        case .cycleSort: "sort"
        case .reverseSort: "reverse"
        case .help: "help"
        case .quit: "quit"
        case .toggleCollapse: "fold"
        case .toggleCriticalPath: "critical path"
        case .nextCritical: "next critical"
        case .nextError: "next error"
        case .toggleDetail: "detail"
        case .openServiceMap: "service map"
        case .openStatistics: "statistics"
        case .toggleSelfTime: "self time"
        case .toggleGrouping: "per service"
        case .compareHalves: "compare halves"
        case .toggleChangedOnly: "only changes"
        case .nextCall: "pick a call"
        case .filterToCall: "its traces"
        case .openLatency: "latency"
        case .markCorner: "corner"
        case .listRectangle: "list them"
        case .toggleHeatmap: "heatmap"
        case .toggleDurationScale: "log/linear"
        case .toggleLintScope: "trace/all"
        case .openExample: "example"
        case .editSamplingPlan: "write policies"
        case .openLint: "lint"
        case .openSampling: "sampling"
        default: command.summary
        }
    }
}
