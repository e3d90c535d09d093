import TerminalCore

/// The explorer's keymaps, one per screen. Each screen's own keys come first, then the shared
/// movement and global keys.
public enum Keymaps {
    static let movement = Keymap.Section("Moving", [
        KeyBinding([.char("j"), .down], .moveDown),
        KeyBinding([.char("k"), .up], .moveUp),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp),
        KeyBinding([.ctrl("d")], .halfPageDown),
        KeyBinding([.ctrl("u")], .halfPageUp),
        KeyBinding([.char("g"), .home], .first),
        KeyBinding([.char("G"), .end], .last),
    ])

    /// Folding a tree: the waterfall's and the trace compare's.
    static let folding = [
        KeyBinding([.enter, .space], .toggleCollapse),
        KeyBinding([.char("l"), .right], .expand),
        KeyBinding([.char("h"), .left], .collapse),
        KeyBinding([.char("O")], .expandAll),
        KeyBinding([.char("C")], .collapseAll),
    ]

    static let global = Keymap.Section("Everywhere", [
        KeyBinding([.char("?"), .f(1)], .help),
        KeyBinding([.escape], .back),
        KeyBinding([.char("q")], .quit),
        KeyBinding([.ctrl("l")], .redraw),
    ])

    public static let traceList = Keymap(name: "Trace list", sections: [
        Keymap.Section("Traces", [
            KeyBinding([.enter, .char("l"), .right], .openTrace),
            KeyBinding([.char("s")], .cycleSort),
            KeyBinding([.char("S")], .reverseSort),
            KeyBinding([.char("#")], .goToTrace),
            KeyBinding([.char("/")], .openFilter),
            KeyBinding([.char("\\")], .clearSelectionOrFilter),
        ]),
        Keymap.Section("Views", [
            KeyBinding([.char("m")], .openServiceMap),
            KeyBinding([.char("T")], .openStatistics),
            KeyBinding([.char("L")], .openLatency),
            KeyBinding([.char("I")], .openLint),
            KeyBinding([.char("P")], .openSampling),
        ]),
        compareKeys,
        Keymap.Section("Live (trex --listen)", [
            KeyBinding([.char("n")], .jumpToNew),
            KeyBinding([.char("f")], .toggleFollow),
        ]),
        movement,
        global,
    ], legend: Keymap.Legend(title: "The PROBLEMS column (filter with trace:problem = \"name\")",
                          entries: ProblemMarks.legend))

    public static let waterfall = Keymap(name: "Waterfall", sections: [
        Keymap.Section("Tree", folding + (1...9).map { KeyBinding([.char(Character(String($0)))], .collapseToDepth($0)) }),
        Keymap.Section("Finding the bottleneck", [
            KeyBinding([.char("c")], .toggleCriticalPath),
            KeyBinding([.char("]")], .nextCritical),
            KeyBinding([.char("[")], .previousCritical),
            KeyBinding([.char("b")], .goToBottleneck),
            KeyBinding([.char("e")], .nextError),
            KeyBinding([.char("E")], .previousError),
            KeyBinding([.char("r")], .nextOrigin),
            KeyBinding([.char("R")], .previousOrigin),
            KeyBinding([.char("p")], .goToParent),
            KeyBinding([.char("z")], .zoomToSpan),
            KeyBinding([.char("Z")], .resetZoom),
            KeyBinding([.char("a")], .toggleSkewAdjustment),
        ]),
        Keymap.Section("Filtering inside the trace", [
            KeyBinding([.char("/")], .openFilter),
            KeyBinding([.char("\\")], .clearFilter),
            KeyBinding([.char("n")], .nextMatch),
            KeyBinding([.char("N")], .previousMatch),
        ]),
        Keymap.Section("Span detail", [
            KeyBinding([.tab, .char("i")], .toggleDetail),
            KeyBinding([.backTab], .focusDetail),
            KeyBinding([.char("J")], .showRawJSON),
            KeyBinding([.char("y")], .copyValue),
        ]),
        Keymap.Section("Panels (Enter goes to the span, Esc closes)", [
            KeyBinding([.char("d")], .showFindings),
            KeyBinding([.char("t")], .showCriticalTime),
            KeyBinding([.char("w")], .showBreakdown),
        ]),
        Keymap.Section("Views", [
            KeyBinding([.char("m")], .openServiceMap),
            KeyBinding([.char("T")], .openStatistics),
            KeyBinding([.char("L")], .openLatency),
            KeyBinding([.char("I")], .openLint),
            KeyBinding([.char("P")], .openSampling),
        ]),
        compareKeys,
        movement,
        global,
    ])

    /// Keys while the detail pane has the focus.
    public static let detail = Keymap(name: "Span detail", sections: [
        Keymap.Section("Detail", [
            KeyBinding([.enter], .followLink),
            KeyBinding([.char("y")], .copyValue),
            KeyBinding([.tab, .char("i")], .toggleDetail),
            KeyBinding([.backTab], .focusDetail),
        ]),
        movement,
        global,
    ])

    /// Keys while the filter bar is open, on any screen. Printable keys type themselves.
    public static let filterBar = Keymap(name: "Filter bar", sections: [
        Keymap.Section("Applying", [
            KeyBinding([.enter], .applyFilter),
            KeyBinding([.escape], .cancelFilter),
            KeyBinding([.up], .olderFilter),
            KeyBinding([.down], .newerFilter),
        ]),
        Keymap.Section("Editing", [
            KeyBinding([.backspace, .ctrl("h")], .deleteBackward),
            KeyBinding([.delete, .ctrl("d")], .deleteForward),
            KeyBinding([.left, .ctrl("b")], .cursorLeft),
            KeyBinding([.right, .ctrl("f")], .cursorRight),
            KeyBinding([.home, .ctrl("a")], .lineStart),
            KeyBinding([.end, .ctrl("e")], .lineEnd),
            KeyBinding([.ctrl("u")], .clearLine),
            KeyBinding([.ctrl("k")], .deleteToLineEnd),
            KeyBinding([.ctrl("w")], .deleteWordBackward),
        ]),
        Keymap.Section("Completing", [
            KeyBinding([.tab], .completeNext),
            KeyBinding([.backTab], .completePrevious),
        ]),
    ])

    /// Keys while the `?` overlay is open.
    public static let help = Keymap(name: "Help", sections: [
        Keymap.Section("Help", [
            KeyBinding([.escape, .char("?"), .char("q"), .f(1)], .closeHelp),
            KeyBinding([.char("j"), .down], .scrollDown),
            KeyBinding([.char("k"), .up], .scrollUp),
            KeyBinding([.pageDown, .ctrl("f"), .space], .pageDown),
            KeyBinding([.pageUp, .ctrl("b")], .pageUp),
            KeyBinding([.char("g"), .home], .first),
            KeyBinding([.char("G"), .end], .last),
        ]),
    ])

    /// Every keymap, for docs/keys.md and the conflict test.
    public static let serviceMap = Keymap(name: "Service map", sections: [
        Keymap.Section("Services and calls", [
            KeyBinding([.char("j"), .down], .moveDown),
            KeyBinding([.char("k"), .up], .moveUp),
            KeyBinding([.char("h"), .left], .mapLeft),
            KeyBinding([.char("l"), .right], .mapRight),
            KeyBinding([.char("g"), .home], .first),
            KeyBinding([.char("G"), .end], .last),
            KeyBinding([.tab], .nextCall),
            KeyBinding([.enter], .filterToCall),
        ]),
        global,
    ])

    /// Comparing traces, from the list (the selected trace) and the waterfall (the open one).
    static let compareKeys = Keymap.Section("Comparing two traces", [
        KeyBinding([.char("x")], .markForCompare),
        KeyBinding([.char("=")], .compareWithMarked),
        KeyBinding([.char("B")], .compareWithBaseline),
    ])

    public static let compare = Keymap(name: "Trace compare", sections: [
        Keymap.Section("Tree", folding),
        Keymap.Section("Differences", [
            KeyBinding([.char("t")], .toggleSelfTime),
            KeyBinding([.char("d")], .toggleChangedOnly),
        ]),
        movement,
        global,
    ], legend: Keymap.Legend(title: "Marks and colours", entries: [
        ("-", "the path is only in A (the marked trace, or the baseline)"),
        ("+", "the path is only in B"),
        ("*", "in both, on one side's critical path only; CRIT says on whose"),
        ("DIFF", "B - A: slower in the error colour, faster in the improved one; the bar is scaled to the largest"),
        ("PATH", "in the critical colour when it is on B's critical path"),
    ]))

    public static let statistics = Keymap(name: "Statistics", sections: [
        Keymap.Section("Rows", [
            KeyBinding([.enter], .openTrace),
            KeyBinding([.char("s")], .cycleSort),
            KeyBinding([.char("S")], .reverseSort),
            KeyBinding([.char("t")], .toggleSelfTime),
            KeyBinding([.tab], .toggleGrouping),
        ]),
        Keymap.Section("Two windows of time", [
            KeyBinding([.char("c")], .compareHalves),
            KeyBinding([.char("w")], .compareWindows),
        ]),
        movement,
        global,
    ], legend: Keymap.Legend(title: "Two windows compared (each percentile in B, its change from A)", entries: [
        ("▲", "regressed beyond noise: the 99% confidence intervals of the percentile in A and in B do not overlap (order statistics, whatever the distribution) and it grew by 5% or more"),
        ("▼", "improved beyond noise, by the same rule"),
        ("?", "too few spans in a window to bound the percentile (p50 needs 11, p90 79, p95 164, p99 846)"),
        (" ", "within noise; the maximum is never judged"),
    ]))

    public static let latency = Keymap(name: "Latency over time", sections: [
        Keymap.Section("Cursor and rectangle", [
            KeyBinding([.char("h"), .left], .moveLeft),
            KeyBinding([.char("l"), .right], .moveRight),
            KeyBinding([.char("k"), .up], .moveUp),
            KeyBinding([.char("j"), .down], .moveDown),
            KeyBinding([.left.with(.shift)], .jumpLeft),
            KeyBinding([.right.with(.shift)], .jumpRight),
            KeyBinding([.up.with(.shift), .pageUp], .jumpUp),
            KeyBinding([.down.with(.shift), .pageDown], .jumpDown),
            KeyBinding([.char("v"), .space], .markCorner),
            KeyBinding([.enter], .listRectangle),
        ]),
        Keymap.Section("Plot", [
            KeyBinding([.tab], .toggleHeatmap),
            KeyBinding([.char("a")], .toggleDurationScale),
            KeyBinding([.char("L")], .openLatency),
        ]),
        global,
    ])

    public static let lint = Keymap(name: "Instrumentation lint", sections: [
        Keymap.Section("Findings", [
            KeyBinding([.enter], .openExample),
            KeyBinding([.tab], .toggleLintScope),
            KeyBinding([.char("I")], .openLint),
        ]),
        movement,
        global,
    ], legend: Keymap.Legend(title: "Levels (trex lint --fail-on LEVEL)", entries: [
        ("error", "loses data or breaks traces apart: context not propagated, sampling decided per service"),
        ("warning", "makes traces harder to use or costlier: loops of spans, ids in names, non-conventional names"),
        ("info", "worth knowing: operations whose spans carry no context"),
    ]))

    public static let sampling = Keymap(name: "Sampling what-if", sections: [
        Keymap.Section("Policies", [
            KeyBinding([.char("e"), .char("/")], .editSamplingPlan),
            KeyBinding([.char("P")], .openSampling),
        ]),
        movement,
        global,
    ], legend: Keymap.Legend(title: "Columns (trex sample)", entries: [
        ("TRACES KEPT", "traces the policy keeps, and their share"),
        ("SPANS", "spans kept: the share of storage"),
        ("ERRORS/SLOW", "error traces, and traces at or above the p99 of duration, kept of all"),
        ("OPS LOST", "operations no kept trace holds"),
        ("PARTIAL", "traces split if each service made its own head decision"),
        ("P95/P99", "trace duration a metrics query on the kept traces reports / the true one"),
    ]))

    public static let all: [Keymap] = [traceList, waterfall, detail, serviceMap, statistics, compare, latency, lint, sampling,
                                       filterBar, help]
}
