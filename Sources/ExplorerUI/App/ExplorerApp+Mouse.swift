import TerminalCore

/// The mouse: the wheel scrolls whatever has the keys (three rows a notch, as the movement
/// keys do), a click selects what is under it (a click in the detail pane gives it the keys),
/// a double click opens it (a trace; a leaf span's detail), folds it (a span with children) or
/// jumps to it (a panel's entry). With the filter bar open the mouse does nothing; over the
/// help a click closes it.
extension ExplorerApp {
    static let wheelRows = 3

    func handle(_ mouse: MouseEvent) -> LoopAction {
        guard filterBar == nil, case .ready(var list) = phase else { return .none }
        if help != nil {
            let visible = help?.bodyHeight(in: mainArea) ?? 1
            switch mouse.action {
            case .wheelUp: help?.scroll(by: -Self.wheelRows, visible: visible)
            case .wheelDown: help?.scroll(by: Self.wheelRows, visible: visible)
            case .click, .doubleClick:
                // A click outside the box closes it; inside, it is text to read.
                if let box = help?.box(in: mainArea), box.contains(mouse.position) { return .none }
                help = nil
            case .rightClick, .release: return .none
            }
            return .redraw
        }
        if latency != nil { return handleLatencyMouse(mouse) }
        switch mouse.action {
        case .wheelUp, .wheelDown:
            // The wheel scrolls the pane under the pointer: the detail pane or the span rows.
            if var screen = traceScreen, screen.raw == nil, screen.panel == nil, screen.detail != nil {
                let layout = WaterfallLayout(area: mainArea, detailOpen: true)
                screen.detail?.focused = layout.detail?.contains(mouse.position) ?? false
                traceScreen = screen
            }
            let command: Command = mouse.action == .wheelUp ? .moveUp : .moveDown
            var action = LoopAction.none
            for _ in 0..<Self.wheelRows { action = perform(command) }
            return action
        case .rightClick, .release:
            return .none
        case .click, .doubleClick:
            // The views drawn over the list and the waterfall scroll with the wheel but take no
            // click: it must not select a row hidden beneath them.
            if statistics != nil || serviceMap != nil || compare != nil || lint != nil || sampling != nil { return .none }
        }
        let double = mouse.action == .doubleClick
        guard var screen = traceScreen else {
            // The list: its rows start under the live and search lines, the chart, the overview
            // line, the p95 line and the column titles.
            let top = listTopLines + 2 + list.sparklineRows(in: mainArea) + list.chartRows(in: mainArea)
            let row = list.state.cursor.offset + mouse.position.y - top
            guard mouse.position.y >= top, mouse.position.y < mainArea.height, list.state.rows.indices.contains(row) else {
                return .none
            }
            list.state.cursor.select(row)
            phase = .ready(list)
            return double ? perform(.openTrace) : .redraw
        }
        if screen.raw != nil { return .none }
        let layout = WaterfallLayout(area: mainArea, detailOpen: screen.detail != nil)
        if let panel = screen.panel {
            guard let entry = WaterfallPanelView.entry(at: mouse.position, of: panel, in: layout.panelArea(in: mainArea)) else {
                // A click outside the panel closes it, as Esc does.
                let box = WaterfallPanelView.box(for: panel, in: layout.panelArea(in: mainArea))
                if box.map({ !$0.contains(mouse.position) }) ?? true {
                    screen.panel = nil
                    traceScreen = screen
                    return .redraw
                }
                return .none
            }
            screen.panel?.cursor.select(entry)
            traceScreen = screen
            return double ? perform(.toggleCollapse) : .redraw
        }
        if let detail = layout.detail, detail.contains(mouse.position) {
            screen.detail?.focused = true
            traceScreen = screen
            return .redraw
        }
        guard let row = layout.spanRow(at: mouse.position, offset: screen.cursor.offset), row < screen.rows.count else {
            return .none
        }
        screen.detail?.focused = false
        screen.cursor.select(row)
        traceScreen = screen
        guard double else { return .redraw }
        // A span with children folds or unfolds; a leaf opens its detail.
        if let position = screen.selectedPosition, screen.rows.tree.hasChildren(position) { return perform(.toggleCollapse) }
        return screen.detail == nil ? perform(.toggleDetail) : .redraw
    }
}
