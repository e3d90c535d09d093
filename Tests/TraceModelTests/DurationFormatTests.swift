import Testing
import TraceModel

@Suite struct DurationFormatTests {
    @Test(arguments: [
        (0, "0ns"), (512, "512ns"), (3_400, "3.4µs"), (780_000_000, "780ms"), (1_234_000_000, "1.23s"),
        (12_345_000, "12.3ms"), (90_000_000_000, "1m30s"), (7_500_000_000_000, "2h5m"), (60_000_000_000, "1m"),
        (999_999_999, "999ms"), (-5_000_000, "-5ms"), (1_500_000_000, "1.5s"), (2_000_000_000, "2s"),
        (1_050_000, "1.05ms"),
    ] as [(Int64, String)])
    func formats(ns: Int64, text: String) {
        #expect(DurationFormat.string(Nanoseconds(ns)) == text)
    }

    @Test func asciiMicroseconds() {
        #expect(DurationFormat.string(Nanoseconds(3_400), ascii: true) == "3.4us")
    }
}
