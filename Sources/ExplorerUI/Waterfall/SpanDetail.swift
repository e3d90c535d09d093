import TerminalCore
import TraceAnalysis
import TraceModel

/// The detail pane's content for one span, as lines: what the span is, its timing (raw or
/// adjusted, self time, critical time), its ids and W3C traceparent, attributes (semantic
/// conventions first), resource, events with their offsets, links, and its diagnostics.
struct SpanDetail {
    struct Line {
        enum Kind { case heading, section, field, text, warning }
        var kind: Kind
        var label: String
        var value: String
        /// What `y` copies from this line.
        var copyValue: String?
        /// The link this line stands for (Enter follows it).
        var link: SpanLink?
        /// An id or a traceparent: never wrapped; when the value column is too narrow it gets
        /// a row of the pane's whole width under its label.
        var whole = false

        static func field(_ label: String, _ value: String, copy: String? = nil) -> Line {
            Line(kind: .field, label: label, value: value, copyValue: copy ?? value)
        }

        static func id(_ label: String, _ value: String, copy: String? = nil) -> Line {
            Line(kind: .field, label: label, value: value, copyValue: copy ?? value, whole: true)
        }
    }

    let lines: [Line]

    init(screen: WaterfallScreen, span local: Int) {
        let trace = screen.trace
        let table = trace.table
        let span = trace[local]
        let strings = table.strings
        let insights = screen.insights
        var lines: [Line] = []

        lines.append(Line(kind: .heading, label: table.serviceName(of: span), value: strings[span.name],
                          copyValue: strings[span.name]))
        // What is wrong with this span comes first; then the span, its attributes, events,
        // links, resource and scope.
        let diagnostics = insights.diagnosticsBySpan[local] ?? []
        if !diagnostics.isEmpty {
            lines.append(Line(kind: .section, label: "Diagnostics (\(diagnostics.count))", value: ""))
            for d in diagnostics {
                lines.append(Line(kind: d.severity == .warning ? .warning : .text, label: d.kind.rawValue, value: d.message,
                                  copyValue: d.message))
            }
            lines.append(Line(kind: .section, label: "Span", value: ""))
        }
        var status = span.status.name
        if !span.statusMessage.isEmpty { status += ": " + strings[span.statusMessage] }
        lines.append(.field("kind", span.kind.name))
        lines.append(Line(kind: span.status == .error ? .warning : .field, label: "status", value: status, copyValue: status))

        let (start, end) = screen.times(local)
        let (traceStart, _) = screen.traceWindow
        lines.append(.field("start", "+" + DurationFormat.string(Nanoseconds(TimeMath.subtract(start, traceStart)))
                            + "  (" + TimestampFormat.rfc3339(Timestamp(unixNanos: start)) + ")",
                            copy: TimestampFormat.rfc3339(Timestamp(unixNanos: start))))
        lines.append(.field("duration", DurationFormat.string(Nanoseconds(TimeMath.subtract(end, start)))))
        lines.append(.field("self time", DurationFormat.string(insights.selfTimes[local])))
        let critical = insights.report.criticalPath.criticalTime[local]
        let share = AnalysisReport.percent(insights.report.criticalShare(of: local))
        lines.append(.field("critical", critical > .zero ? "\(DurationFormat.string(critical)), \(share)% of the response"
                            : "not on the critical path"))
        if let adjustment = insights.report.adjustment, adjustment.shifts[local] != 0 {
            let shift = adjustment.shift(of: local)
            lines.append(Line(kind: .warning, label: "adjusted", value: "shifted by \(shift > .zero ? "+" : "")\(DurationFormat.string(shift)) for clock skew; raw start +\(DurationFormat.string(span.start - Timestamp(unixNanos: traceStart)))"))
        }
        lines.append(.id("trace id", trace.shownID, copy: trace.id.hex))
        lines.append(.id("span id", span.spanID.hex))
        if span.parentSpanID.isValid {
            lines.append(.id("parent id", span.parentSpanID.hex + (span.markers.contains(.followsFrom) ? " (follows from)" : ""),
                             copy: span.parentSpanID.hex))
        }
        let traceparent = trace.traceparent(of: local)
        lines.append(.id("traceparent", traceparent))
        if span.markers.contains(.hasFlags) {
            var flags = "0x" + String(span.flags & 0xFF, radix: 16) + ((span.flags & 1) == 1 ? " (sampled)" : " (not sampled)")
            if span.flags & 0x100 != 0 { flags += span.flags & 0x200 != 0 ? ", remote parent" : ", local parent" }
            lines.append(.field("trace flags", flags))
        }
        if !span.traceState.isEmpty { lines.append(.field("tracestate", strings[span.traceState])) }
        var dropped: [String] = []
        if span.droppedAttributesCount > 0 { dropped.append(NumberFormat.count(Int(span.droppedAttributesCount), "attribute")) }
        if span.droppedEventsCount > 0 { dropped.append(NumberFormat.count(Int(span.droppedEventsCount), "event")) }
        if span.droppedLinksCount > 0 { dropped.append(NumberFormat.count(Int(span.droppedLinksCount), "link")) }
        if !dropped.isEmpty {
            lines.append(Line(kind: .warning, label: "dropped", value: dropped.joined(separator: ", ") + " (by the SDK's limits)",
                              copyValue: dropped.joined(separator: ", ")))
        }

        let attributes = AttributeOrder.sorted(table.keyValues(span.attributes)) { $0.key }
        lines.append(Line(kind: .section, label: "Attributes (\(attributes.count))", value: ""))
        for kv in attributes { lines.append(.field(kv.key, kv.value.displayText)) }

        let events = Array(table.events(of: span))
        if !events.isEmpty {
            lines.append(Line(kind: .section, label: "Events (\(events.count))", value: ""))
            let shift = insights.report.adjustment?.shifts[local] ?? 0
            for event in events {
                let offset = Nanoseconds(TimeMath.subtract(TimeMath.add(event.time.unixNanos, shift), start))
                let attrs = table.keyValues(event.attributes).map { "\($0.key)=\($0.value.quotedText)" }
                let value = strings[event.name] + (attrs.isEmpty ? "" : "  " + attrs.joined(separator: " "))
                lines.append(.field("+" + DurationFormat.string(offset), value))
            }
        }

        let links = Array(table.links(of: span))
        if !links.isEmpty {
            lines.append(Line(kind: .section, label: "Links (\(links.count)) — Enter follows", value: ""))
            for link in links {
                let loaded = link.traceID == trace.id || table.traceIndex(of: link.traceID) != nil
                let place = link.traceID == trace.id ? "this trace" : "trace \(table.shownID(of: link.traceID))"
                let attrs = table.keyValues(link.attributes).map { "\($0.key)=\($0.value.quotedText)" }
                var value = "span \(link.spanID.hex) in \(place)" + (loaded ? "" : " (not loaded)")
                if !attrs.isEmpty { value += "  " + attrs.joined(separator: " ") }
                lines.append(Line(kind: .field, label: "→", value: value,
                                  copyValue: "00-\(link.traceID.hex)-\(link.spanID.hex)-01", link: link))
            }
        }

        let resource = table.resources[Int(span.resource)]
        let resourceAttributes = AttributeOrder.sorted(table.keyValues(resource.attributes)) { $0.key }
        lines.append(Line(kind: .section, label: "Resource (\(resourceAttributes.count))", value: ""))
        for kv in resourceAttributes { lines.append(.field(kv.key, kv.value.displayText)) }

        let scope = table.scope(of: span)
        if !scope.name.isEmpty {
            lines.append(Line(kind: .section, label: "Scope", value: ""))
            lines.append(.field("name", strings[scope.name]))
            if !scope.version.isEmpty { lines.append(.field("version", strings[scope.version])) }
            for kv in table.keyValues(scope.attributes) { lines.append(.field(kv.key, kv.value.displayText)) }
        }
        self.lines = lines
    }

    /// The detail of a "missing span" row: the parent that spans of the trace name but that is
    /// not in it, which spans name it, and why it is missing (the orphan finding). O(its children).
    init(screen: WaterfallScreen, missing id: SpanID, position: Int) {
        let trace = screen.trace
        let table = trace.table
        let tree = screen.rows.tree
        var lines: [Line] = [Line(kind: .heading, label: "missing span", value: id.hex, copyValue: id.hex)]
        var children: [Int] = []
        var p = position + 1
        while p < position + Int(tree.subtreeSize[position]) {
            if case .span(let local) = tree.nodes[p], tree.parentPosition[p] == Int32(position) { children.append(Int(local)) }
            p += Int(tree.subtreeSize[p])
        }
        let findings = Set(children.flatMap { screen.insights.diagnosticsBySpan[$0] ?? [] }.filter { $0.kind == .orphan })
        if !findings.isEmpty {
            lines.append(Line(kind: .section, label: "Why it is missing", value: ""))
            for d in findings.sorted(by: { $0.message < $1.message }) {
                lines.append(Line(kind: d.severity == .warning ? .warning : .text, label: d.kind.rawValue, value: d.message,
                                  copyValue: d.message))
            }
        }
        lines.append(Line(kind: .section, label: "Span", value: ""))
        lines.append(.id("span id", id.hex))
        lines.append(.field("in the trace", "no: \(NumberFormat.count(children.count, "span")) "
                            + (children.count == 1 ? "names it as its parent" : "name it as their parent")))
        lines.append(Line(kind: .section, label: "Its children (\(children.count))", value: ""))
        for local in children.prefix(50) {
            let span = trace[local]
            lines.append(.field(table.serviceName(of: span), table.strings[span.name]))
        }
        if children.count > 50 { lines.append(.field("", "and \(children.count - 50) more")) }
        self.lines = lines
    }

    /// The widest label of the label column (headings and sections span the pane), in columns.
    var longestLabel: Int {
        lines.lazy.filter { $0.kind != .heading && $0.kind != .section }.map { DisplayWidth.of($0.label) }.max() ?? 0
    }
}

extension Trace {
    /// The W3C `traceparent` of span `local` ("00-<trace id>-<span id>-01"): sampled unless its
    /// flags say otherwise. What the detail pane shows and `y` copies.
    func traceparent(of local: Int) -> String {
        "00-\(id.hex)-\(self[local].spanID.hex)-\((self[local].sampled ?? true) ? "01" : "00")"
    }
}
