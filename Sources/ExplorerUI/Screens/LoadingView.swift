import TraceModel
import TerminalCore
import TraceStore

/// What the screen shows while inputs load: files, bytes and spans read, and a progress bar.
struct LoadingView {
    let progress: LoadProgress
    let context: RenderContext

    func render(in area: Rect, into buffer: inout Buffer) {
        let width = min(70, area.width - 4)
        let box = area.centered(Size(width: width, height: 6))
        let mb = Double(progress.bytesDone) / 1_048_576
        let totalMB = Double(progress.bytesTotal) / 1_048_576
        let title = "Loading \(progress.filesTotal == 1 ? "1 file" : "\(progress.filesDone + 1 > progress.filesTotal ? progress.filesTotal : progress.filesDone + 1) of \(progress.filesTotal) files")"
        buffer.setTruncated(title, x: box.x, y: box.y, width: width, style: context.style(.title))
        buffer.setTruncated(progress.current, x: box.x, y: box.y + 1, width: width, style: context.style(.dim))
        let figures = "\(format(mb)) of \(format(totalMB)) MB read"
            + (progress.spans > 0 ? " · \(NumberFormat.grouped(progress.spans)) spans" : "")
        buffer.setTruncated(figures, x: box.x, y: box.y + 3, width: width, style: context.style(.text))
        let barWidth = width
        BarPainter.paint(from: 0, to: progress.fraction * Double(barWidth), x: box.x, y: box.y + 4, width: barWidth,
                         style: context.style(.bar), glyphs: context.glyphs, into: &buffer)
    }

    private func format(_ mb: Double) -> String {
        let tenths = Int((mb * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
