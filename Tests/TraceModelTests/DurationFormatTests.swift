import Testing
import TraceModel

@Suite struct DurationFormatTests {
    @Test(arguments: [
        (0, "0"), (1, "1ns"), (512, "512ns"), (3_400, "3.4µs"), (780_000_000, "780ms"), (1_234_000_000, "1.23s"),
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

@Suite struct TimestampFormatTests {
    @Test func formatsUTCCalendarTimes() {
        // 1700000000 s is 2023-11-14 22:13:20 UTC.
        let t = Timestamp(unixNanos: 1_700_000_000_123_456_789)
        #expect(TimestampFormat.utc(t) == "2023-11-14 22:13:20.123")
        #expect(TimestampFormat.rfc3339(t) == "2023-11-14T22:13:20.123456789Z")
        #expect(TimestampFormat.utc(Timestamp(unixNanos: 0)) == "1970-01-01 00:00:00.000")
        #expect(TimestampFormat.utc(Timestamp(unixNanos: 951_782_400_000_000_000)) == "2000-02-29 00:00:00.000")
        #expect(TimestampFormat.utc(Timestamp(unixNanos: -1_000_000)) == "1969-12-31 23:59:59.999")
    }
}

@Suite struct NumberFormatTests {
    @Test func groupsCountsAndSizes() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(1_204) == "1,204")
        #expect(NumberFormat.grouped(-1_204_331) == "-1,204,331")
        #expect(NumberFormat.count(1, "trace") == "1 trace")
        #expect(NumberFormat.count(88_310, "span") == "88,310 spans")
        #expect(NumberFormat.count(2, "analysis", "analyses") == "2 analyses")
        #expect(NumberFormat.bytes(512) == "512 B")
        #expect(NumberFormat.bytes(45_200_000) == "45.2 MB")
        #expect(NumberFormat.oneDecimal(-0.25) == "-0.3" || NumberFormat.oneDecimal(-0.25) == "-0.2")
    }
}
