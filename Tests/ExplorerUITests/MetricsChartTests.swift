import Foundation
import Testing
import TerminalCore
import TraceModel
import TraceQuery
@testable import ExplorerUI

/// The metrics chart drawn into a cell grid: axes in the query's unit, times, the legend,
/// gaps, the ASCII form, hostile labels, and the one-line forms (empty result, tiny area).
@Suite struct MetricsChartTests {
    /// 2023-11-14 22:15:00 UTC.
    static let start = Timestamp(unixNanos: 1_700_000_100 * 1_000_000_000)

    static func result(_ values: [[Double?]], unit: MetricUnit = .nanoseconds, step: Nanoseconds = .seconds(15),
                       start: Timestamp = start, labels: [[MetricLabel]]? = nil) -> MetricsResult {
        let series = values.enumerated().map { i, v in
            MetricSeries(labels: labels?[i] ?? [MetricLabel(key: "resource.service.name", value: .string("svc\(i)"))], values: v)
        }
        return MetricsResult(start: start, step: step, stepCount: values.first?.count ?? 0, unit: unit, series: series)
    }

    static func render(_ result: MetricsResult, width: Int = 80, height: Int = 12, glyphs: Glyphs = .unicode,
                       colorMode: ColorMode = .color256) -> Buffer {
        var buffer = Buffer(width: width, height: height)
        let context = RenderContext(theme: .standard, colorMode: colorMode, glyphs: glyphs)
        buffer.render(MetricsChart(result: result, context: context), in: buffer.area)
        return buffer
    }

    static func isBraille(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF }
    }

    static func lines(_ b: Buffer) -> [String] { (0..<b.height).map(b.lineText) }

    /// Three quantiles of a ramp from 0 to 5.9 s over 60 steps of 15 s.
    static let ramp: MetricsResult = {
        let values: [[Double?]] = (0..<3).map { q in
            (0..<60).map { step -> Double? in Double(step) * 100_000_000 * Double(q + 1) / 3 }
        }
        let labels: [[MetricLabel]] = ["0.5", "0.95", "0.99"].map { p in
            [MetricLabel(key: "resource.service.name", value: .string("api")), MetricLabel(key: "p", value: .string(p))]
        }
        return result(values, labels: labels)
    }()

    /// The y axis' labels, top to bottom (the text before each `┤`, or `|` in ASCII).
    static func yLabels(_ b: Buffer, tee: String = "┤") -> [String] {
        lines(b).compactMap { line in
            guard let range = line.range(of: " " + tee) else { return nil }
            let label = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            return label.isEmpty ? nil : label
        }
    }

    /// The row of time labels: the one under the rule (`└──┬──` or `++--+--`).
    static func timeRow(_ b: Buffer) -> String {
        let l = lines(b)
        guard let rule = l.firstIndex(where: { $0.contains("└") || $0.contains("++--") }), rule + 1 < l.count else { return "" }
        return l[rule + 1]
    }

    /// The plot columns holding a braille dot, in any row.
    static func brailleColumns(_ b: Buffer) -> Set<Int> {
        var columns = Set<Int>()
        for y in 0..<b.height { for x in 0..<b.width where isBraille(b[x, y].character) { columns.insert(x) } }
        return columns
    }

    // MARK: - The chart

    @Test func drawsTheValueAxisTheTimesAndTheLegend() {
        let b = Self.render(Self.ramp)
        let l = Self.lines(b)
        #expect(Self.yLabels(b) == ["6s", "4s", "2s", "0"], "\(b.text)")
        #expect(l[0].hasPrefix("6s ┤"), "\(b.text)")
        #expect(l[8].hasPrefix("   └┬"), "the rule under the plot:\n\(b.text)")
        for time in ["22:15:00", "22:20:00", "22:25:00", "UTC"] { #expect(l[9].contains(time), "\(l[9])") }
        #expect(!l[9].contains("22:30:00"), "no time beyond the last step")
        let legend = l[10] + "\n" + l[11]
        for p in ["0.5", "0.95", "0.99"] {
            #expect(legend.contains(#"{resource.service.name="api", p="\#(p)"}"#), "\(legend)")
        }
        for row in 0..<8 { #expect(l[row].contains(where: Self.isBraille), "row \(row):\n\(b.text)") }
        // The steepest line (the last series, to 5.9 s) ends in the top right corner; the others lower.
        #expect(Self.isBraille(b[79, 0].character), "\(b.text)")
        #expect(Self.isBraille(b[79, 5].character), "the first series ends near 2s:\n\(b.text)")
    }

    @Test func eachSeriesHasItsOwnThemeColourInTheLineAndTheLegend() {
        let b = Self.render(Self.ramp)
        let services = Theme.standard.serviceStyles
        #expect(b[79, 0].style == services[2], "the top right is the third series'")
        #expect(b[79, 5].style == services[0], "the first series' end")
        #expect(b[0, 10].style == services[0] && b[1, 10].style == services[0], "the first legend entry")
        let second = Self.lines(b)[10].range(of: #"{resource.service.name="api", p="0.95"}"#)
        let x = second.map { Self.lines(b)[10].distance(from: Self.lines(b)[10].startIndex, to: $0.lowerBound) }
        #expect(x.map { b[$0, 10].style } == services[1], "the second legend entry")
        #expect(services[0] != services[1] && services[1] != services[2])

        let plain = Self.render(Self.ramp, colorMode: .none)
        #expect(plain[79, 0].style == .plain && plain[0, 10].style == .plain, "no colour without colours")
    }

    @Test func nilValuesAreGapsAndALoneValueIsADash() {
        let values: [Double?] = (0..<60).map { $0 < 20 || $0 >= 40 ? 1 : nil }
        let b = Self.render(Self.result([values], unit: .number))
        let columns = Self.brailleColumns(b)
        #expect(columns.contains { $0 < 10 } && columns.contains { $0 > 70 }, "\(b.text)")
        #expect(columns.allSatisfy { $0 < 32 || $0 > 52 }, "nothing drawn over the nil steps:\n\(b.text)")

        var lone = [Double?](repeating: nil, count: 60)
        lone[30] = 1
        let c = Self.render(Self.result([lone], unit: .number))
        let dash = Self.brailleColumns(c)
        #expect(dash.count == 1 && dash.allSatisfy { (38...46).contains($0) }, "\(c.text)")
        let cell = dash.first.map { c[$0, 0].character }
        #expect(cell == "⠉", "a cell-wide dash at the top: \(c.text)")
        #expect(Self.render(Self.result([lone], unit: .number), glyphs: .ascii).lineText(0).contains("'"))
    }

    @Test func aSingleStepDrawsADashUnderItsTime() throws {
        let b = Self.render(Self.result([[3e6]]))
        #expect(Self.brailleColumns(b).count == 1, "\(b.text)")
        #expect(Self.timeRow(b).contains("22:15:00"), "\(b.text)")
        #expect(Self.yLabels(b) == ["3ms", "2ms", "1ms", "0"], "\(b.text)")
        let row = try #require(Self.lines(b).firstIndex { $0.hasPrefix("3ms ┤") })
        #expect(Self.lines(b)[row].contains("⠉"), "the value is on the top row:\n\(b.text)")
    }

    @Test func moreSeriesThanFitEndWithPlusMore() throws {
        let values = (0..<40).map { i in (0..<30).map { Double?(Double(i * $0)) } }
        let b = Self.render(Self.result(values, unit: .spans), width: 80, height: 10)
        let l = Self.lines(b)
        let last = try #require(l.last)
        let more = try #require(last.range(of: #"\+\d+ more$"#, options: .regularExpression), "\(b.text)")
        let n = try #require(Int(last[more].dropFirst().split(separator: " ")[0]))
        let shown = l.suffix(2).joined().components(separatedBy: "resource.service.name=").count - 1
        #expect(shown >= 2 && shown + n == 40, "\(shown) shown, +\(n):\n\(b.text)")
        #expect(l[l.count - 2].contains(#"{resource.service.name="svc0"}"#))
    }

    @Test func aLabelWiderThanTheChartIsCut() {
        let long = [MetricLabel(key: "span.note", value: .string(String(repeating: "x", count: 300)))]
        let b = Self.render(Self.result([[1, 2]], labels: [long]), width: 50)
        let legend = Self.lines(b)[11]
        #expect(legend.hasPrefix(#"{span.note="xxx"#) && legend.hasSuffix("…") && legend.count == 50, "\(legend)")
    }

    @Test func noSeriesShowsPlainLabels() {
        let b = Self.render(Self.result([[1, 2, 3]], unit: .number, labels: [[]]))
        #expect(Self.lines(b)[11] == "{}", "\(b.text)")
    }

    @Test func drawsOnlyInsideItsArea() {
        let area = Rect(x: 5, y: 3, width: 50, height: 10)
        let values = (0..<12).map { i in (0..<90).map { Double?(Double(i * $0) * 1e15) } }
        for result in [Self.ramp, Self.result(values, unit: .perSecond), Self.result(values, unit: .spans)] {
            var buffer = Buffer(width: 80, height: 20)
            let context = RenderContext(theme: .standard, colorMode: .color256, glyphs: .unicode)
            buffer.render(MetricsChart(result: result, context: context), in: area)
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where !area.contains(Point(x: x, y: y)) {
                    #expect(buffer[x, y] == .blank, "(\(x), \(y)):\n\(buffer.text)")
                }
            }
            #expect(!Self.brailleColumns(buffer).isEmpty && buffer.lineText(12).contains("more"), "\(buffer.text)")
        }
    }

    // MARK: - ASCII

    @Test func asciiModeDrawsOnlyASCII() {
        let micro = Self.result([(0..<60).map { Double($0) * 15_000 }])   // up to 885µs
        for result in [Self.ramp, micro] {
            let b = Self.render(result, glyphs: .ascii)
            let notASCII = String(b.cells.filter { !$0.character.isASCII }.map(\.character))
            #expect(notASCII.isEmpty, "\(b.text)")
            #expect(Self.lines(b).prefix(8).joined().contains { "_-'|".contains($0) }, "\(b.text)")
            #expect(Self.lines(b).contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("++---") }, "the rule:\n\(b.text)")
            #expect(Self.timeRow(b).contains("22:20:00"), "\(b.text)")
        }
        #expect(Self.yLabels(Self.render(micro, glyphs: .ascii), tee: "|") == ["1ms", "750us", "500us", "250us", "0"])
        #expect(Self.yLabels(Self.render(micro)) == ["1ms", "750µs", "500µs", "250µs", "0"])
    }

    // MARK: - Untrusted labels

    @Test func hostileLabelsAreShownEscapedAndNeverGarbleTheGrid() {
        let labels: [[MetricLabel]] = [
            [MetricLabel(key: "span.x", value: .string("\u{1b}[31mEVIL\u{7}"))],
            [MetricLabel(key: "span.y", value: .string("a\u{202E}b\u{9B}c"))],
            [MetricLabel(key: "span.z", value: .string("数据库e\u{301}🙂" + String(repeating: "宽", count: 40)))],
        ]
        let b = Self.render(Self.result([[1, 2], [2, 3], [3, 4]], labels: labels), width: 61, height: 12)
        let legend = Self.lines(b).suffix(2).joined(separator: "\n")
        #expect(legend.contains(#"{span.x="\e[31mEVIL\a"}"#), "\(legend)")
        #expect(legend.contains(#"{span.y="a\u{202E}b\u{9B}c"}"#), "\(legend)")
        #expect(legend.contains("数据库é🙂宽"), "\(legend)")
        #expect(b.cells.allSatisfy { !VisibleEscapes.isEscaped($0.character) }, "a raw control character in a cell")
        for y in 0..<b.height {
            let row = Array(b.row(y))
            for (x, cell) in row.enumerated() where cell.isWide { #expect(x + 1 < row.count && row[x + 1].isContinuation) }
            for (x, cell) in row.enumerated() where cell.isContinuation { #expect(x > 0 && row[x - 1].isWide) }
            #expect(Self.lines(b)[y].displayWidth <= 61)
        }
    }

    // MARK: - One-line forms

    @Test func anAreaTooSmallShowsASummary() {
        let summary = " 3 series · 60 steps of 15s · max 5.9s"
        for (width, height) in [(80, 3), (60, 1)] {
            let b = Self.render(Self.ramp, width: width, height: height)
            #expect(Self.lines(b)[0] == summary, "\(width)x\(height):\n\(b.text)")
            #expect(Self.lines(b).dropFirst().allSatisfy { $0.isEmpty } && Self.brailleColumns(b).isEmpty)
        }
        let narrow = Self.render(Self.ramp, width: 19, height: 12)
        #expect(Self.lines(narrow)[0] == " 3 series · 60 ste…", "\(narrow.text)")
        #expect(Self.brailleColumns(narrow).isEmpty)
        let chart = Self.render(Self.ramp, width: 20, height: 4)
        #expect(!Self.brailleColumns(chart).isEmpty, "the smallest chart:\n\(chart.text)")
        let negative = Self.render(Self.result([[-2, 5]], unit: .perSecond), width: 80, height: 2)
        #expect(Self.lines(negative)[0] == " 1 series · 2 steps of 15s · max 5/s · min -2/s")
    }

    @Test func anEmptyResultSaysThereIsNoData() {
        let none = MetricsResult(start: Self.start, step: .seconds(15), stepCount: 60, unit: .spans, series: [])
        let noSteps = MetricsResult(start: Self.start, step: .seconds(15), stepCount: 0, unit: .spans,
                                    series: [MetricSeries(labels: [], values: [])])
        for result in [none, noSteps] {
            let b = Self.render(result)
            #expect(Self.lines(b)[0] == " No data for this metrics query.", "\(b.text)")
            #expect(Self.lines(b).dropFirst().allSatisfy { $0.isEmpty })
            #expect(MetricsChart.preferredHeight(for: result, width: 80, maxHeight: 12) == 1)
        }
        let gaps = Self.render(Self.result([[nil, .nan, nil], [.infinity, nil, nil]]))
        #expect(Self.lines(gaps)[0] == " No data for this metrics query: 2 series, no value in 3 steps.", "\(gaps.text)")
    }

    // MARK: - Values

    @Test func nonFiniteAndHugeValuesAreGapsOrClampedNeverACrash() {
        let hostile: [Double?] = [.nan, .infinity, -.infinity, 1e308, -1e308, .greatestFiniteMagnitude,
                                  -.greatestFiniteMagnitude, 5, nil, .leastNonzeroMagnitude, 1e300, 0]
        for unit in [MetricUnit.nanoseconds, .perSecond, .spans, .number] {
            for glyphs in [Glyphs.unicode, .ascii] {
                for height in [4, 12] {
                    let b = Self.render(Self.result([hostile, hostile.reversed()], unit: unit), height: height, glyphs: glyphs)
                    let labels = Self.yLabels(b, tee: glyphs == .ascii ? "|" : "┤")
                    #expect(!labels.isEmpty && labels.allSatisfy { !$0.lowercased().contains("inf") && !$0.lowercased().contains("nan") },
                            "\(unit): \(labels)\n\(b.text)")
                    #expect(glyphs == .ascii || !Self.brailleColumns(b).isEmpty, "\(b.text)")
                }
            }
        }
        let huge = Self.yLabels(Self.render(Self.result([[1e300, 2e300]], unit: .nanoseconds)))
        #expect(huge.count > 2 && Set(huge).count == huge.count && huge.dropLast().allSatisfy { $0.hasSuffix("h") },
                "durations past Int64 in hours, not all saturated to the same text: \(huge)")
    }

    @Test func axisLabelsSpeakTheQueryUnit() {
        let ramp = (0..<10).map { Double?(Double($0)) }
        func labels(_ unit: MetricUnit, _ scale: Double) -> [String] {
            Self.yLabels(Self.render(Self.result([ramp.map { $0.map { $0 * scale } }], unit: unit)))
        }
        #expect(labels(.perSecond, 12.0 / 9) == ["15/s", "10/s", "5/s", "0/s"])
        #expect(labels(.spans, 1500.0 / 9) == ["1,500", "1,000", "500", "0"])
        #expect(labels(.spans, 1.0 / 9) == ["1", "0"], "whole spans only")
        #expect(labels(.number, 2500.0 / 9) == ["3k", "2k", "1k", "0"])
        #expect(labels(.number, 0.09 / 9) == ["0.1", "0.075", "0.05", "0.025", "0"])
        #expect(labels(.nanoseconds, 5.4e11 / 9) == ["10m", "5m", "0"], "minutes, not 1-2-5 seconds")
        #expect(labels(.number, -20.0 / 9) == ["0", "-5", "-10", "-15", "-20"], "negative values")
        #expect(labels(.number, 0) == ["1", "0.75", "0.5", "0.25", "0"], "all zero")
    }

    @Test func compactNumbers() {
        let cases: [(Double, String)] = [
            (0, "0"), (0.25, "0.25"), (12.5, "12.5"), (999, "999"), (1500, "1.5k"), (999_600, "1M"), (2e6, "2M"),
            (1.234e9, "1.23G"), (-4200, "-4.2k"), (0.00123, "0.00123"), (1e-5, "1e-05"), (1.5e18, "1.5e+18"),
            (.greatestFiniteMagnitude, "1.8e+308"), (.leastNonzeroMagnitude, "4.9e-324"), (.nan, "NaN"), (-.infinity, "-inf"),
        ]
        for (value, text) in cases { #expect(MetricValueFormat.compact(value) == text, "\(value)") }
        #expect(MetricValueFormat.string(1.5e9, unit: .nanoseconds) == "1.5s")
        #expect(MetricValueFormat.string(9e18, unit: .nanoseconds) == "2.5M" + "h", "past Int64: hours")
        #expect(MetricValueFormat.string(8e18, unit: .nanoseconds) == DurationFormat.string(Nanoseconds(8_000_000_000_000_000_000)))
        #expect(MetricValueFormat.string(1204, unit: .spans) == "1,204")
        #expect(MetricValueFormat.string(0.5, unit: .perSecond) == "0.5/s")
    }

    // MARK: - Times

    @Test func timesShowTheDateWhenTheRangeSpansDaysAndMillisecondsWhenShort() {
        let days = Self.render(Self.result([(0..<24).map { Double?(Double($0)) }], step: .seconds(1800)))
        let dayLabels = Self.timeRow(days)
        #expect(dayLabels.contains("11-15 00:00") && dayLabels.contains("11-15 06:00"), "\(dayLabels)")
        #expect(dayLabels.range(of: #"\d\d-\d\d \d\d:\d\d( |$)"#, options: .regularExpression) != nil, "whole minutes: \(dayLabels)")

        let weeks = Self.timeRow(Self.render(Self.result([(0..<60).map { Double?(Double($0)) }], step: .seconds(86_400))))
        let dates = weeks.split(separator: " ").filter { $0.wholeMatch(of: /\d{4}-\d\d-\d\d/) != nil }
        #expect(dates.count >= 3 && !weeks.contains(":"), "whole days across a new year, the date alone: \(weeks)")

        let years = Self.timeRow(Self.render(Self.result([[1, 2]], step: .seconds(400 * 86_400))))
        #expect(years.contains("2024-03-18"), "\(years)")

        let short = Self.timeRow(Self.render(Self.result([(0..<50).map { Double?(Double($0)) }], step: .milliseconds(10))))
        #expect(short.contains("22:15:00.200"), "\(short)")

        let sameDay = Self.timeRow(Self.render(Self.ramp))
        #expect(sameDay.contains("22:20:00") && !sameDay.contains("11-14"), "\(sameDay)")
    }

    @Test func timeTicksFallOnRoundTimesAndLeaveRoomForEachOther() {
        let first = Self.start, last = Timestamp(unixNanos: Self.start.unixNanos + 3_600_000_000_000)
        for width in [10, 40, 120, 300] {
            let ticks = MetricsTimeAxis.ticks(first: first, last: last, width: width)
            #expect(!ticks.isEmpty)
            let columns = ticks.map { $0.fraction * Double(width - 1) }
            for (a, b) in zip(columns, columns.dropFirst()) { #expect(b - a >= 9, "\(width): \(ticks)") }
        }
        let ticks = MetricsTimeAxis.ticks(first: first, last: last, width: 120)
        #expect(ticks.map(\.label) == ["22:20:00", "22:30:00", "22:40:00", "22:50:00", "23:00:00", "23:10:00"], "\(ticks)")
        // The ends of time.
        let ends = MetricsTimeAxis.ticks(first: Timestamp(unixNanos: .min), last: Timestamp(unixNanos: .max), width: 80)
        #expect(!ends.isEmpty && ends.allSatisfy { $0.fraction >= 0 && $0.fraction <= 1 })
    }

    // MARK: - Layout and speed

    @Test func rowsGoToThePlotFirst() {
        func rows(_ height: Int, _ legend: Int) -> [Int] {
            let r = MetricsChart.Rows(height: height, legendNeeded: legend)
            return [r.plot, r.rule ? 1 : 0, r.legend]
        }
        #expect(rows(4, 1) == [2, 0, 1])
        #expect(rows(7, 3) == [4, 1, 1])
        #expect(rows(12, 3) == [7, 1, 3])
        #expect(rows(12, 1) == [9, 1, 1])
        #expect(MetricsChart.preferredHeight(for: Self.ramp, width: 80, maxHeight: 20) == 11)
        #expect(MetricsChart.preferredHeight(for: Self.ramp, width: 200, maxHeight: 20) == 10)
        #expect(MetricsChart.preferredHeight(for: Self.ramp, width: 80, maxHeight: 6) == 6)
        #expect(MetricsChart.preferredHeight(for: Self.ramp, width: 80, maxHeight: 0) == 0)
    }

    @Test func fiftySeriesOfFiveHundredStepsDrawWithinAFrame() {
        var values: [[Double?]] = []
        for s in 0..<50 {
            values.append((0..<500).map { (i: Int) -> Double? in
                let v = Double((i * (s + 3)) % 211) * 1e6
                return i % 97 == s ? nil : v
            })
        }
        let result = Self.result(values)
        let clock = ContinuousClock()
        var buffer = Buffer(width: 200, height: 12)
        let context = RenderContext(theme: .standard, colorMode: .color256, glyphs: .unicode)
        let elapsed = clock.measure {
            for _ in 0..<5 { buffer.render(MetricsChart(result: result, context: context), in: buffer.area) }
        }
        #expect(!Self.brailleColumns(buffer).isEmpty)
        #expect(Self.lines(buffer).last?.hasSuffix("more") == true, "\(buffer.text)")
        // 5 frames; generous for debug builds on a busy machine (a frame is ~16 ms).
        #expect(elapsed < .seconds(1), "\(elapsed) for 5 frames")
        print("50 x 500 chart: \(elapsed / 5) a frame")
    }
}
