import Foundation
import Testing
import TestSupport

/// The real OpenTelemetry Python SDK exporting to `trex receive`: Fixtures/otel_sdk_app.py (three
/// services, every span kind, every attribute type, events, links, statuses, a trace state)
/// exports over OTLP/gRPC or OTLP/HTTP (protobuf), plain or gzip, and writes what the SDK recorded;
/// the test reads every trace back with `trex list --json` and `trex show --json` and compares
/// each span with the SDK's record, field by field. Nothing is hard-coded here: the expectation is
/// the script's. Needs the venv `scripts/otel-venv` makes (CI runs it first); skipped without it.
@Suite(.serialized) struct OTelSDKTests {
    static let python = TrexBinary.packageRoot.appendingPathComponent(".build/otel-venv/bin/python").path
    static let app = TrexBinary.packageRoot.appendingPathComponent("Tests/trexTests/Fixtures/otel_sdk_app.py").path
    static let venvReady = FileManager.default.isExecutableFile(atPath: python)

    enum Transport: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case grpc, grpcGzip, http, httpGzip

        var exporter: String { self == .grpc || self == .grpcGzip ? "grpc" : "http" }
        var compression: String { self == .grpcGzip || self == .httpGzip ? "gzip" : "none" }
        var testDescription: String {
            (exporter == "grpc" ? "OTLP/gRPC" : "OTLP/HTTP protobuf") + (compression == "gzip" ? ", gzip" : "")
        }
    }

    @Test(.enabled(if: venvReady, "no OpenTelemetry Python SDK: run scripts/otel-venv to make .build/otel-venv"),
          arguments: Transport.allCases)
    func everySpanTheSDKRecordedArrivesIntact(transport: Transport) throws {
        let directory = TemporaryDirectory()
        let store = directory.file("sdk.sqlite")
        let expectFile = directory.file("expected.json")
        // The one receiver launcher of the CLI tests: free loopback ports for gRPC and HTTP.
        let (receiver, err, url, grpcPort) = try ReceiveCommandTests().startReceiver(store: store)
        defer {
            if receiver.isRunning { receiver.terminate(); receiver.waitUntilExit() }
        }
        let endpoint = transport.exporter == "grpc" ? "http://127.0.0.1:\(grpcPort)" : String(url)
        let app = try runApp(["--exporter", transport.exporter, "--compression", transport.compression,
                              "--endpoint", endpoint, "--expect", expectFile], in: directory)
        try #require(app.status == 0, "otel_sdk_app.py failed (\(app.status)):\n\(app.output)")

        receiver.terminate()   // SIGTERM
        receiver.waitUntilExit()
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(receiver.terminationStatus == 0, "\(rest)")

        let recorded = try Data(contentsOf: URL(fileURLWithPath: expectFile))
        let expected = try JSONDecoder().decode(SDKExpectation.Record.self, from: recorded)
        try #require(!expected.spans.isEmpty, "the SDK recorded no spans:\n\(app.output)")
        #expect(rest.contains("trex: stopped; \(expected.spans.count) spans in"), "\(rest)")

        // Every trace in the store, by the ids `trex list` gives, each printed by `trex show --json`.
        let list = try TrexBinary.run(["list", "--json", "--store", store])
        try #require(list.status == 0, "\(list.stderr)")
        let listed = try JSONDecoder().decode([SDKExpectation.ListedTrace].self, from: list.stdoutBytes)
        let expectedTraces = Dictionary(grouping: expected.spans, by: \.span.traceId)
        #expect(Set(listed.map(\.traceId)) == Set(expectedTraces.keys),
                "trex list: \(listed.map(\.traceId).sorted()), the SDK: \(expectedTraces.keys.sorted())")
        for trace in listed where expectedTraces[trace.traceId] != nil {
            #expect(trace.spanCount == expectedTraces[trace.traceId]?.count,
                    "trace \(trace.traceId): trex list counts \(trace.spanCount) spans")
        }
        var documents: [OTLPJSON.Document] = []
        for trace in listed {
            let show = try TrexBinary.run(["show", "--json", trace.traceId, "--store", store])
            try #require(show.status == 0, "trex show \(trace.traceId): \(show.stderr)")
            documents.append(try JSONDecoder().decode(OTLPJSON.Document.self, from: show.stdoutBytes))
        }
        let received = SDKExpectation.received(from: documents)

        let differences = SDKExpectation.differences(expected: expected.spans, received: received)
        #expect(differences.isEmpty, """
            \(differences.count) differences between the \(expected.spans.count) spans the OpenTelemetry SDK \
            \(expected.sdkVersion) recorded and what trex stored (\(transport.testDescription)):
            \(differences.prefix(60).joined(separator: "\n"))
            """)
    }

    /// Runs the fixture with the venv's Python, its output in a file (no pipe to fill), for at most
    /// 90 seconds. The environment loses OTEL_* and proxy settings, which would redirect or alter
    /// the export.
    func runApp(_ arguments: [String], in directory: TemporaryDirectory) throws -> (status: Int32, output: String) {
        let outputPath = directory.file("app-output.txt")
        TemporaryDirectory.write([], to: outputPath)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.app] + arguments
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("OTEL_") && !$0.key.lowercased().hasSuffix("_proxy")
        }
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        environment["no_proxy"] = "127.0.0.1,localhost"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let text = String(decoding: TemporaryDirectory.contents(outputPath), as: UTF8.self)
        return (timedOut ? -1 : process.terminationStatus, timedOut ? "timed out after 90 s\n" + text : text)
    }
}

/// The comparison: what the SDK recorded (the fixture's JSON) against what trex printed.
enum SDKExpectation {
    /// What otel_sdk_app.py writes: the spans as the SDK recorded them, each with its resource and
    /// scope, in OTLP JSON's shapes.
    struct Record: Decodable {
        var sdkVersion: String
        var exporter: String
        var spans: [RecordedSpan]
    }

    struct RecordedSpan: Decodable {
        var service: String
        var resource: OTLPJSON.Resource
        var resourceSchemaUrl: String
        var scope: OTLPJSON.Scope
        var scopeSchemaUrl: String
        var span: OTLPJSON.Span
    }

    /// One row of `trex list --json`.
    struct ListedTrace: Decodable {
        var traceId: String
        var spanCount: Int
    }

    /// A span as trex printed it, with the resource and scope it sat under.
    struct ReceivedSpan {
        var resource: OTLPJSON.Resource
        var resourceSchemaUrl: String
        var scope: OTLPJSON.Scope
        var scopeSchemaUrl: String
        var span: OTLPJSON.Span
    }

    /// The spans of trex's OTLP JSON documents by "traceId/spanId", each with its resource and scope
    /// (a list, so a span stored twice shows).
    static func received(from documents: [OTLPJSON.Document]) -> [String: [ReceivedSpan]] {
        var spans: [String: [ReceivedSpan]] = [:]
        for resourceSpans in documents.flatMap({ $0.resourceSpans ?? [] }) {
            for scopeSpans in resourceSpans.scopeSpans ?? [] {
                for span in scopeSpans.spans ?? [] {
                    spans[span.traceId + "/" + span.spanId, default: []].append(ReceivedSpan(
                        resource: resourceSpans.resource ?? .init(), resourceSchemaUrl: resourceSpans.schemaUrl ?? "",
                        scope: scopeSpans.scope ?? .init(), scopeSchemaUrl: scopeSpans.schemaUrl ?? "", span: span))
                }
            }
        }
        return spans
    }

    /// Every way the received spans differ from the recorded ones, one line each, naming the span.
    /// Absent fields are their proto3 defaults (empty, 0), as OTLP JSON allows.
    static func differences(expected: [RecordedSpan], received: [String: [ReceivedSpan]]) -> [String] {
        var out: [String] = []
        for recorded in expected {
            let want = recorded.span
            let name = "\(recorded.service) \"\(want.name ?? "")\" \(want.traceId)/\(want.spanId)"
            func check<T: Equatable>(_ field: String, _ recordedValue: T, _ storedValue: T) {
                if recordedValue != storedValue {
                    out.append("\(name): \(field): expected \(String(reflecting: recordedValue)), "
                               + "got \(String(reflecting: storedValue))")
                }
            }
            guard let copies = received[want.traceId + "/" + want.spanId], let got = copies.first else {
                out.append("\(name): not in the store")
                continue
            }
            if copies.count > 1 { out.append("\(name): stored \(copies.count) times") }
            let span = got.span
            check("parent span id", want.parentSpanId ?? "", span.parentSpanId ?? "")
            check("name", want.name ?? "", span.name ?? "")
            check("kind", want.kind?.value ?? 0, span.kind?.value ?? 0)
            check("start time (ns)", want.startTimeUnixNano?.value ?? 0, span.startTimeUnixNano?.value ?? 0)
            check("end time (ns)", want.endTimeUnixNano?.value ?? 0, span.endTimeUnixNano?.value ?? 0)
            check("trace state", want.traceState ?? "", span.traceState ?? "")
            // Bits 8-9 say whether the parent is remote; the SDK sends no W3C trace flags in bits 0-7.
            check("flags & 0x300 (parent is remote)", hex((want.flags ?? 0) & 0x300), hex((span.flags ?? 0) & 0x300))
            compare(attributes: want.attributes, span.attributes, at: name, into: &out)
            check("dropped attributes", want.droppedAttributesCount ?? 0, span.droppedAttributesCount ?? 0)
            check("status code", want.status?.code?.value ?? 0, span.status?.code?.value ?? 0)
            check("status message", want.status?.message ?? "", span.status?.message ?? "")

            let (wantEvents, gotEvents) = (want.events ?? [], span.events ?? [])
            check("event count", wantEvents.count, gotEvents.count)
            for (index, (event, gotEvent)) in zip(wantEvents, gotEvents).enumerated() {
                check("event \(index) name", event.name ?? "", gotEvent.name ?? "")
                check("event \(index) time (ns)", event.timeUnixNano?.value ?? 0, gotEvent.timeUnixNano?.value ?? 0)
                compare(attributes: event.attributes, gotEvent.attributes,
                        at: "\(name): event \(index) \"\(event.name ?? "")\"", into: &out)
                check("event \(index) dropped attributes", event.droppedAttributesCount ?? 0,
                      gotEvent.droppedAttributesCount ?? 0)
            }
            check("dropped events", want.droppedEventsCount ?? 0, span.droppedEventsCount ?? 0)

            let (wantLinks, gotLinks) = (want.links ?? [], span.links ?? [])
            check("link count", wantLinks.count, gotLinks.count)
            for (index, (link, gotLink)) in zip(wantLinks, gotLinks).enumerated() {
                let at = "\(name): link \(index)"
                check("link \(index) trace id", link.traceId, gotLink.traceId)
                check("link \(index) span id", link.spanId, gotLink.spanId)
                check("link \(index) trace state", link.traceState ?? "", gotLink.traceState ?? "")
                check("link \(index) flags & 0x300", hex((link.flags ?? 0) & 0x300), hex((gotLink.flags ?? 0) & 0x300))
                compare(attributes: link.attributes, gotLink.attributes, at: at, into: &out)
                check("link \(index) dropped attributes", link.droppedAttributesCount ?? 0,
                      gotLink.droppedAttributesCount ?? 0)
            }
            check("dropped links", want.droppedLinksCount ?? 0, span.droppedLinksCount ?? 0)

            compare(attributes: recorded.resource.attributes, got.resource.attributes, at: "\(name): resource",
                    into: &out)
            let serviceName = got.resource.attributes?.first { $0.key == "service.name" }?.value
            check("service.name", OTLPJSON.Value.string(recorded.service), serviceName ?? .empty)
            check("resource schema URL", recorded.resourceSchemaUrl, got.resourceSchemaUrl)
            check("scope name", recorded.scope.name ?? "", got.scope.name ?? "")
            check("scope version", recorded.scope.version ?? "", got.scope.version ?? "")
            compare(attributes: recorded.scope.attributes, got.scope.attributes, at: "\(name): scope", into: &out)
            check("scope schema URL", recorded.scopeSchemaUrl, got.scopeSchemaUrl)
        }
        let recordedIDs = Set(expected.map { $0.span.traceId + "/" + $0.span.spanId })
        for id in received.keys.sorted() where !recordedIDs.contains(id) {
            out.append("\(id): in the store, but the SDK never recorded it")
        }
        return out
    }

    static func hex(_ flags: UInt32) -> String { "0x" + String(flags, radix: 16) }

    /// Attributes compare as key -> typed value (order is not meaningful); values compare exactly,
    /// type included: an int is not a double, [1] is not ["1"].
    static func compare(attributes expected: [OTLPJSON.KeyValue]?, _ got: [OTLPJSON.KeyValue]?, at name: String,
                        into out: inout [String]) {
        let (expected, got) = (expected ?? [], got ?? [])
        var gotByKey: [String: OTLPJSON.Value] = [:]
        for attribute in got {
            if gotByKey[attribute.key] != nil { out.append("\(name): attribute \(attribute.key) appears twice") }
            gotByKey[attribute.key] = attribute.value ?? .empty
        }
        for attribute in expected {
            let want = attribute.value ?? .empty
            guard let value = gotByKey.removeValue(forKey: attribute.key) else {
                out.append("\(name): attribute \(attribute.key) missing (expected \(want))")
                continue
            }
            if value != want { out.append("\(name): attribute \(attribute.key): expected \(want), got \(value)") }
        }
        for (key, value) in gotByKey.sorted(by: { $0.key < $1.key }) {
            out.append("\(name): attribute \(key) = \(value), which the SDK did not record")
        }
    }
}

/// OTLP JSON (proto3 JSON mapping), read leniently where the mapping allows two spellings:
/// 64-bit integers as strings or numbers, enums as numbers or names, non-finite doubles as strings.
enum OTLPJSON {
    struct Document: Decodable {
        var resourceSpans: [ResourceSpans]?
    }

    struct ResourceSpans: Decodable {
        var resource: Resource?
        var scopeSpans: [ScopeSpans]?
        var schemaUrl: String?
    }

    struct Resource: Decodable {
        var attributes: [KeyValue]?
        var droppedAttributesCount: UInt32?
    }

    struct ScopeSpans: Decodable {
        var scope: Scope?
        var spans: [Span]?
        var schemaUrl: String?
    }

    struct Scope: Decodable {
        var name: String?
        var version: String?
        var attributes: [KeyValue]?
        var droppedAttributesCount: UInt32?
    }

    struct Span: Decodable {
        var traceId: String
        var spanId: String
        var traceState: String?
        var parentSpanId: String?
        var flags: UInt32?
        var name: String?
        var kind: EnumValue?
        var startTimeUnixNano: UInt64Value?
        var endTimeUnixNano: UInt64Value?
        var attributes: [KeyValue]?
        var droppedAttributesCount: UInt32?
        var events: [Event]?
        var droppedEventsCount: UInt32?
        var links: [Link]?
        var droppedLinksCount: UInt32?
        var status: Status?
    }

    struct Event: Decodable {
        var timeUnixNano: UInt64Value?
        var name: String?
        var attributes: [KeyValue]?
        var droppedAttributesCount: UInt32?
    }

    struct Link: Decodable {
        var traceId: String
        var spanId: String
        var traceState: String?
        var attributes: [KeyValue]?
        var droppedAttributesCount: UInt32?
        var flags: UInt32?
    }

    struct Status: Decodable {
        var message: String?
        var code: EnumValue?
    }

    struct KeyValue: Decodable {
        var key: String
        var value: Value?
    }

    /// A fixed64 (nanoseconds): a string in OTLP JSON, a number also accepted.
    struct UInt64Value: Decodable, Equatable {
        var value: UInt64

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                guard let parsed = UInt64(text) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a uint64: \(text)")
                }
                value = parsed
            } else {
                value = try container.decode(UInt64.self)
            }
        }
    }

    /// An enum: its number, or its name (SPAN_KIND_SERVER, STATUS_CODE_ERROR) turned into its number.
    struct EnumValue: Decodable, Equatable {
        static let names = [
            "SPAN_KIND_UNSPECIFIED": 0, "SPAN_KIND_INTERNAL": 1, "SPAN_KIND_SERVER": 2, "SPAN_KIND_CLIENT": 3,
            "SPAN_KIND_PRODUCER": 4, "SPAN_KIND_CONSUMER": 5,
            "STATUS_CODE_UNSET": 0, "STATUS_CODE_OK": 1, "STATUS_CODE_ERROR": 2,
        ]
        var value: Int

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                value = number
            } else {
                let name = try container.decode(String.self)
                guard let number = Self.names[name] else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown enum \(name)")
                }
                value = number
            }
        }
    }

    /// OTLP's AnyValue, typed by the key that holds it.
    indirect enum Value: Decodable, Equatable, CustomStringConvertible {
        case string(String)
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case bytes(String)   // base64, as written
        case array([Value])
        case kvlist([Pair])
        case empty

        struct Pair: Decodable, Equatable {
            var key: String
            var value: Value

            private enum Keys: String, CodingKey { case key, value }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                key = try container.decode(String.self, forKey: .key)
                // Absent: the empty AnyValue, as proto3 JSON leaves out a default message.
                value = try container.decodeIfPresent(Value.self, forKey: .value) ?? .empty
            }
        }

        private struct Values<Element: Decodable>: Decodable {
            var values: [Element]?
        }

        private enum Key: String, CodingKey {
            case stringValue, boolValue, intValue, doubleValue, bytesValue, arrayValue, kvlistValue
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            let present = container.allKeys
            guard let key = present.first else {
                self = .empty
                return
            }
            guard present.count == 1 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "AnyValue with \(present.map(\.stringValue))")
            }
            switch key {
            case .stringValue: self = .string(try container.decode(String.self, forKey: key))
            case .boolValue: self = .bool(try container.decode(Bool.self, forKey: key))
            case .bytesValue: self = .bytes(try container.decode(String.self, forKey: key))
            case .intValue:
                if let text = try? container.decode(String.self, forKey: key) {
                    guard let number = Int64(text) else {
                        throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                               debugDescription: "intValue \(text)")
                    }
                    self = .int(number)
                } else {
                    self = .int(try container.decode(Int64.self, forKey: key))
                }
            case .doubleValue:
                if let number = try? container.decode(Double.self, forKey: key) {
                    self = .double(number)
                } else {
                    let text = try container.decode(String.self, forKey: key)
                    switch text {
                    case "NaN": self = .double(.nan)
                    case "Infinity": self = .double(.infinity)
                    case "-Infinity": self = .double(-.infinity)
                    default:
                        guard let number = Double(text) else {
                            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                                   debugDescription: "doubleValue \(text)")
                        }
                        self = .double(number)
                    }
                }
            case .arrayValue:
                self = .array(try container.decode(Values<Value>.self, forKey: key).values ?? [])
            case .kvlistValue:
                self = .kvlist(try container.decode(Values<Pair>.self, forKey: key).values ?? [])
            }
        }

        static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case let (.string(x), .string(y)): return x == y
            case let (.bool(x), .bool(y)): return x == y
            case let (.int(x), .int(y)): return x == y
            case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN)
            case let (.bytes(x), .bytes(y)):   // the bytes, whatever the base64 padding or line breaks
                return (Data(base64Encoded: x, options: .ignoreUnknownCharacters) ?? Data(x.utf8))
                    == (Data(base64Encoded: y, options: .ignoreUnknownCharacters) ?? Data(y.utf8))
            case let (.array(x), .array(y)): return x == y
            case let (.kvlist(x), .kvlist(y)): return x == y
            case (.empty, .empty): return true
            default: return false
            }
        }

        var description: String {
            switch self {
            case .string(let s): return "string \(String(reflecting: s))"
            case .bool(let b): return "bool \(b)"
            case .int(let i): return "int \(i)"
            case .double(let d): return "double \(d)"
            case .bytes(let b): return "bytes \(b)"
            case .array(let values): return "array [" + values.map(\.description).joined(separator: ", ") + "]"
            case .kvlist(let pairs):
                return "kvlist {" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
            case .empty: return "empty"
            }
        }
    }
}
