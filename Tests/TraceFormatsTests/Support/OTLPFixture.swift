/// A hand-written OTLP JSON request exercising every field the model holds: resource and scope
/// with attributes, dropped counts and schema URLs; span flags, trace state, every AnyValue
/// kind, events, links, dropped counts, status; enums as integers and as names; 64-bit integers
/// as strings and as numbers; a second scope, resource and trace.
enum OTLPFixture {
    static let traceA = "0af7651916cd43dd8448eb211c80319c"
    static let traceB = "4bf92f3577b34da6a3ce929d0e0e4736"

    static let full = #"""
    {"resourceSpans": [
      {"resource": {"attributes": [
          {"key": "service.name", "value": {"stringValue": "checkout"}},
          {"key": "host.name", "value": {"stringValue": "checkout-7f9c"}}],
        "droppedAttributesCount": 2},
       "scopeSpans": [
        {"scope": {"name": "io.opentelemetry.go", "version": "1.2.3",
                   "attributes": [{"key": "scope.attr", "value": {"boolValue": true}}], "droppedAttributesCount": 1},
         "spans": [
          {"traceId": "0AF7651916CD43DD8448EB211C80319C", "spanId": "b7ad6b7169203331",
           "parentSpanId": "00f067aa0ba902b7", "traceState": "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", "flags": 769,
           "name": "POST /api/checkout", "kind": 2,
           "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000001500000000",
           "attributes": [
             {"key": "http.method", "value": {"stringValue": "POST"}},
             {"key": "escaped", "value": {"stringValue": "caf\u00e9 \"q\" \\ \n"}},
             {"key": "retry", "value": {"boolValue": false}},
             {"key": "http.status_code", "value": {"intValue": "402"}},
             {"key": "as.number", "value": {"intValue": 7}},
             {"key": "big", "value": {"intValue": "-9223372036854775808"}},
             {"key": "ratio", "value": {"doubleValue": 0.25}},
             {"key": "whole.double", "value": {"doubleValue": 3}},
             {"key": "blob", "value": {"bytesValue": "AAEC/w=="}},
             {"key": "list", "value": {"arrayValue": {"values": [
                 {"stringValue": "a"}, {"intValue": "2"}, {"arrayValue": {"values": [{"boolValue": true}]}}, {}]}}},
             {"key": "map", "value": {"kvlistValue": {"values": [
                 {"key": "inner", "value": {"doubleValue": 2.5}},
                 {"key": "nested", "value": {"kvlistValue": {"values": [{"key": "deep", "value": {"stringValue": "x"}}]}}},
                 {"key": "none", "value": {}}]}}},
             {"key": "empty.value", "value": {}},
             {"key": "emoji", "value": {"stringValue": "\ud83d\udd25 hot"}}],
           "droppedAttributesCount": 3,
           "events": [
             {"timeUnixNano": "1700000000100000000", "name": "exception", "droppedAttributesCount": 1,
              "attributes": [{"key": "exception.type", "value": {"stringValue": "CardDeclined"}}]},
             {"timeUnixNano": "1700000000200000000", "name": "retry"}],
           "droppedEventsCount": 4,
           "links": [
             {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "00f067aa0ba902b7", "traceState": "x=1",
              "attributes": [{"key": "link.kind", "value": {"stringValue": "batch"}}], "droppedAttributesCount": 5,
              "flags": 257}],
           "droppedLinksCount": 6,
           "status": {"code": 2, "message": "card declined"}}],
         "schemaUrl": "https://opentelemetry.io/schemas/1.21.0"},
        {"scope": {"name": "manual"},
         "spans": [
          {"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "00f067aa0ba902b7", "name": "GET /checkout",
           "kind": "SPAN_KIND_CLIENT", "startTimeUnixNano": 1699999999900000000, "endTimeUnixNano": 1700000001600000000,
           "status": {"code": "STATUS_CODE_OK"}}]}],
       "schemaUrl": "https://opentelemetry.io/schemas/1.20.0"},
      {"resource": {},
       "scopeSpans": [{"spans": [
          {"traceId": "4bf92f3577b34da6a3ce929d0e0e4736", "spanId": "a3ce929d0e0e4736", "name": "batch",
           "startTimeUnixNano": "1700000005000000000", "endTimeUnixNano": "1700000005000000001",
           "status": {"message": "only a message"}}]}]}
    ]}
    """#

    /// The first span of `full` in snake_case member names, with the other enum spellings.
    static let snakeCase = #"""
    {"resource_spans": [{"resource": {"attributes": [{"key": "service.name", "value": {"string_value": "checkout"}},
        {"key": "host.name", "value": {"string_value": "checkout-7f9c"}}], "dropped_attributes_count": 2},
      "scope_spans": [{"scope": {"name": "io.opentelemetry.go", "version": "1.2.3",
          "attributes": [{"key": "scope.attr", "value": {"bool_value": true}}], "dropped_attributes_count": 1},
        "spans": [{"trace_id": "0af7651916cd43dd8448eb211c80319c", "span_id": "b7ad6b7169203331",
          "parent_span_id": "00f067aa0ba902b7", "trace_state": "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE", "flags": 769,
          "name": "POST /api/checkout", "kind": "SPAN_KIND_SERVER",
          "start_time_unix_nano": 1700000000000000000, "end_time_unix_nano": "1700000001500000000",
          "attributes": [
             {"key": "http.method", "value": {"string_value": "POST"}},
             {"key": "escaped", "value": {"string_value": "café \"q\" \\ \n"}},
             {"key": "retry", "value": {"bool_value": false}},
             {"key": "http.status_code", "value": {"int_value": 402}},
             {"key": "as.number", "value": {"int_value": "7"}},
             {"key": "big", "value": {"int_value": "-9223372036854775808"}},
             {"key": "ratio", "value": {"double_value": "0.25"}},
             {"key": "whole.double", "value": {"double_value": 3.0}},
             {"key": "blob", "value": {"bytes_value": "AAEC/w=="}},
             {"key": "list", "value": {"array_value": {"values": [
                 {"string_value": "a"}, {"int_value": 2}, {"array_value": {"values": [{"bool_value": true}]}}, {}]}}},
             {"key": "map", "value": {"kvlist_value": {"values": [
                 {"key": "inner", "value": {"double_value": 2.5}},
                 {"key": "nested", "value": {"kvlist_value": {"values": [{"key": "deep", "value": {"string_value": "x"}}]}}},
                 {"key": "none", "value": {}}]}}},
             {"key": "empty.value", "value": {}},
             {"key": "emoji", "value": {"string_value": "🔥 hot"}}],
          "dropped_attributes_count": 3,
          "events": [
             {"time_unix_nano": "1700000000100000000", "name": "exception", "dropped_attributes_count": 1,
              "attributes": [{"key": "exception.type", "value": {"string_value": "CardDeclined"}}]},
             {"time_unix_nano": "1700000000200000000", "name": "retry"}],
          "dropped_events_count": 4,
          "links": [{"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "span_id": "00f067aa0ba902b7", "trace_state": "x=1",
              "attributes": [{"key": "link.kind", "value": {"string_value": "batch"}}], "dropped_attributes_count": 5,
              "flags": 257}],
          "dropped_links_count": 6,
          "status": {"message": "card declined", "code": "STATUS_CODE_ERROR"}}],
        "schema_url": "https://opentelemetry.io/schemas/1.21.0"}],
      "schema_url": "https://opentelemetry.io/schemas/1.20.0"}]}
    """#
}
