import Testing
import TraceModel
@testable import TraceFormats

@Suite struct IDMappingTests {
    private func otlp(_ traceID: String, _ spanID: String, parent: String = "") -> String {
        #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"\#(traceID)","spanId":"\#(spanID)","parentSpanId":"\#(parent)","name":"s"}]}]}]}"#
    }

    @Test func hexIDsOfAnyCaseAndLengthAreLeftPadded() throws {
        let cases: [(String, String, TraceID, SpanID)] = [
            ("5B8EFFF798038103D269B633813FC60C", "EEE19B7EC3C1B174",
             TraceID(high: 0x5b8e_fff7_9803_8103, low: 0xd269_b633_813f_c60c), SpanID(0xeee1_9b7e_c3c1_b174)),
            ("2be38093ead7a083", "7606ddfe69932d34", TraceID(high: 0, low: 0x2be3_8093_ead7_a083), SpanID(0x7606_ddfe_6993_2d34)),
            ("1", "2", TraceID(high: 0, low: 1), SpanID(2)),
            ("00000000000000010000000000000000", "0000000000000001", TraceID(high: 1, low: 0), SpanID(1)),
        ]
        for (traceHex, spanHex, traceID, spanID) in cases {
            let (t, report) = try Decode.table(otlp(traceHex, spanHex))
            #expect(report.warnings.isEmpty)
            #expect(t.spans.first?.traceID == traceID)
            #expect(t.spans.first?.spanID == spanID)
            #expect(t.spans.first?.markers.contains(.hashedID) == false)
        }
    }

    @Test func nonHexIDsAreHashedStablyWithOneWarningCountingThem() throws {
        let text = [otlp("trace-1", "span-1"), otlp("trace-1", "span-2", parent: "span-1"), otlp("trace-1", "x" + String(repeating: "0", count: 16))]
            .joined(separator: "\n")
        let (t, report) = try Decode.table(text)
        #expect(t.traces.count == 1)
        #expect(t.traces[0].traceID == StableHash.traceID(for: "trace-1"))
        let child = try #require(t.spans.first { $0.spanID == StableHash.spanID(for: "span-2") })
        #expect(child.parentSpanID == StableHash.spanID(for: "span-1"))
        #expect(child.markers.contains(.hashedID))
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.hasPrefix("7 ids were not hex (the first: \"trace-1\")"))
        #expect(report.warnings[0].byteOffset == 55)
        #expect(report.spansSkipped == 0)
    }

    @Test func tooLongHexIsHashedNotTruncated() throws {
        let (t, report) = try Decode.table(otlp(String(repeating: "a", count: 33), "01"))
        #expect(t.spans.first?.traceID == StableHash.traceID(for: String(repeating: "a", count: 33)))
        #expect(report.warnings.count == 1)
    }

    @Test func paddedBase64IDsAreDecodedAsBytes() throws {
        // protobuf's JSON mapping: 16 bytes -> 24 characters ending "==", 8 bytes -> 12 ending "=".
        let (t, report) = try Decode.table(otlp("W47/95gDgQPSabYzgT/GDA==", "7uGbfsPBsXQ="))
        #expect(t.spans.first?.traceID == TraceID(hex: "5b8efff798038103d269b633813fc60c"))
        #expect(t.spans.first?.spanID == SpanID(hex: "eee19b7ec3c1b174"))
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].message.contains("base64"))
    }

    @Test func emptyAndZeroIDsSkipTheSpanAndZeroParentsMeanRoot() throws {
        let text = [otlp("", "01"), otlp("0", "01"), otlp("01", ""), otlp("01", "0000000000000000"),
                    otlp("01", "02", parent: "0000000000000000")].joined(separator: "\n")
        let (t, report) = try Decode.table(text)
        #expect(t.spans.count == 1)
        #expect(t.spans[0].isRoot)
        #expect(report.spansSkipped == 4)
        #expect(report.warnings.map(\.line) == [1, 2, 3, 4])
    }

    @Test func derivedServerIDsAreStableAndDistinct() {
        let id = SpanID(0x7428_0ae0_c10d_8062)
        #expect(DerivedID.serverHalf(of: id) == DerivedID.serverHalf(of: id))
        #expect(DerivedID.serverHalf(of: id) != id)
        #expect(DerivedID.serverHalf(of: id).isValid)
        #expect(DerivedID.serverHalf(of: SpanID(1)) != DerivedID.serverHalf(of: SpanID(2)))
    }
}

@Suite struct MergeTests {
    @Test func spansOfOneTraceSplitOverInputsAreMergedAndDuplicatesDropped() throws {
        let first = #"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
          "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"01","name":"root","startTimeUnixNano":"100","endTimeUnixNano":"900"},
                                  {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"02","parentSpanId":"01","name":"call","startTimeUnixNano":"200","endTimeUnixNano":"800"}]}]}]}
        """#
        // The second file repeats span 02 exactly (an overlapping export); the third adds the
        // backend's span in another format.
        let second = #"""
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
          "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"02","parentSpanId":"01","name":"call","startTimeUnixNano":"200","endTimeUnixNano":"800"}]}]}]}
        """#
        let third = #"""
        {"data":[{"traceID":"0af7651916cd43dd8448eb211c80319c","spans":[
          {"traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000003","operationName":"backend",
           "references":[{"refType":"CHILD_OF","traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000002"}],
           "startTime":0,"duration":0,"processID":"p1"}],"processes":{"p1":{"serviceName":"backend"}}}]}
        """#
        var b = SpanTableBuilder()
        let r1 = try TraceDecoder.decode(Array(first.utf8), source: "a.json", into: &b)
        let r2 = try TraceDecoder.decode(Array(second.utf8), source: "b.json", into: &b)
        let r3 = try TraceDecoder.decode(Array(third.utf8), source: "c.json", into: &b)
        #expect((r1.spansDecoded, r2.spansDecoded, r3.spansDecoded) == (2, 1, 1))
        let t = b.finish()
        #expect(t.traces.count == 1)
        #expect(t.spans.count == 3)
        #expect(Set(t.spans.map { t.serviceName(of: $0) }) == ["frontend", "backend"])
        #expect(t.spans.first { t.name(of: $0) == "backend" }?.parentSpanID == SpanID(2))
    }
}

@Suite struct HexParseTests {
    private func parse(_ text: String) -> SpanID? { Array(text.utf8).withUnsafeBufferPointer { HexParse.spanID($0) } }

    @Test func wordAtATimeHexAgreesWithTheByteLoopOnEveryByte() {
        for byte in 0...255 {
            for position in [0, 7, 8, 15] {
                var text = Array("0123456789abcdef".utf8)
                text[position] = UInt8(byte)
                let fast = text.withUnsafeBufferPointer { HexParse.spanID($0) }
                let slow = SpanID(hexBytes: text.withUnsafeBufferPointer { $0 })
                #expect(fast == slow, "byte \(byte) at \(position)")
            }
        }
        #expect(parse("FFFFFFFFFFFFFFFF") == SpanID(.max))
        #expect(parse("00000000000000aB") == SpanID(0xab))
        #expect(Array("0AF7651916CD43DD8448EB211C80319C".utf8).withUnsafeBufferPointer { HexParse.traceID($0) }
                == TraceID(high: 0x0af7_6519_16cd_43dd, low: 0x8448_eb21_1c80_319c))
    }
}
