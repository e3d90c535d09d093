import ArgumentParser
import TraceModel

/// An age on the command line: `90s`, `30m`, `12h`, `7d`, `2w`, or compounds such as `1d12h`.
struct AgeArgument: ExpressibleByArgument, Equatable {
    var duration: Nanoseconds

    init(duration: Nanoseconds) { self.duration = duration }

    init?(argument: String) {
        var total: Int64 = 0
        var number: Int64?
        for c in argument.lowercased() {
            if let digit = c.wholeNumberValue {
                let (shifted, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                number = shifted + Int64(digit)
                continue
            }
            let unit: Int64
            switch c {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            guard let n = number else { return nil }
            let (seconds, overflow) = n.multipliedReportingOverflow(by: unit)
            guard !overflow, seconds <= Int64.max / 1_000_000_000 - total else { return nil }
            total += seconds
            number = nil
        }
        guard number == nil, total > 0 else { return nil }
        duration = Nanoseconds.seconds(total)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
