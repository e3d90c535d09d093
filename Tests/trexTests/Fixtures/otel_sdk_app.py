"""A small multi-service "application" instrumented with the real OpenTelemetry Python SDK.

Three services (frontend, checkout, payments), each with its own TracerProvider and Resource,
call each other with W3C trace context propagated through header dicts, as they would over
HTTP and a message queue. The spans cover every span kind, every attribute type (string,
bool, int, double, bytes, arrays of each, a heterogeneous array, an empty array, a key-value
list, NaN and infinities), events with attributes (an exception among them), links with
attributes, a trace state, and statuses UNSET, OK and ERROR with a description.

Each provider exports through the real OTLP exporter (gRPC or HTTP/protobuf) behind a
BatchSpanProcessor, and records the same spans in an InMemorySpanExporter. After a force
flush and shutdown the script checks every export returned SUCCESS and covered every span
(exit 1 otherwise), then writes what the SDK recorded to --expect as JSON. Values are written
the way OTLP JSON writes them (AnyValue objects, 64-bit integers as strings, lower-case hex
ids, "NaN"/"Infinity" for the non-finite doubles), built here from the SDK's ReadableSpans, not
by the exporter's encoder.

Used by Tests/trexTests/OTelSDKTests.swift; run it with .build/otel-venv/bin/python
(scripts/otel-venv makes it):

    python otel_sdk_app.py --exporter grpc --endpoint http://127.0.0.1:4317 --expect out.json
    python otel_sdk_app.py --exporter http --endpoint http://127.0.0.1:4318/v1/traces --expect out.json
"""

import argparse
import base64
import json
import math
import sys
import time
from importlib.metadata import version as package_version

from opentelemetry import context as otel_context
from opentelemetry.propagate import extract, inject
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import Link, SpanKind, Status, StatusCode

SCHEMA_URL = "https://opentelemetry.io/schemas/1.26.0"


class CheckedExporter(SpanExporter):
    """Delegates to the OTLP exporter and remembers every export's result."""

    def __init__(self, inner):
        self.inner = inner
        self.results = []
        self.exported = 0

    def export(self, spans):
        result = self.inner.export(spans)
        self.results.append(result)
        if result == SpanExportResult.SUCCESS:
            self.exported += len(spans)
        return result

    def shutdown(self):
        self.inner.shutdown()

    def force_flush(self, timeout_millis=30000):
        return self.inner.force_flush(timeout_millis)


def otlp_exporter(kind, endpoint, compression):
    if kind == "grpc":
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
        from opentelemetry.exporter.otlp.proto.grpc.exporter import Compression

        return OTLPSpanExporter(
            endpoint=endpoint,
            insecure=True,
            timeout=15,
            compression=Compression.Gzip if compression == "gzip" else Compression.NoCompression,
        )
    from opentelemetry.exporter.otlp.proto.http import Compression
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    if not endpoint.rstrip("/").endswith("/v1/traces"):
        endpoint = endpoint.rstrip("/") + "/v1/traces"
    return OTLPSpanExporter(
        endpoint=endpoint,
        timeout=15,
        compression=Compression.Gzip if compression == "gzip" else Compression.NoCompression,
    )


class Service:
    """One service: its own TracerProvider, Resource, OTLP exporter and in-memory copy."""

    def __init__(self, name, version, extra, args):
        self.name = name
        self.producer_context = None   # checkout's "publish order.created", linked from trace 2
        attributes = {"service.name": name, "service.version": version, "service.namespace": "trex-shop"}
        attributes.update(extra)
        self.provider = TracerProvider(resource=Resource.create(attributes, schema_url=SCHEMA_URL))
        self.memory = InMemorySpanExporter()
        self.checked = CheckedExporter(otlp_exporter(args.exporter, args.endpoint, args.compression))
        self.provider.add_span_processor(SimpleSpanProcessor(self.memory))
        self.provider.add_span_processor(BatchSpanProcessor(self.checked))
        self.tracer = self.provider.get_tracer(
            f"shop.{name}", "0.3.1", schema_url=SCHEMA_URL, attributes={"scope.owner": name, "scope.level": 2}
        )


# Every attribute type OTLP has, with the values that break naive decoders.
TYPED_ATTRIBUTES = {
    "test.string": 'héllo, wörld ✓ 日本語 "quoted" \\ back\ttab',
    "test.string.empty": "",
    "test.string.multiline": "line one\nline two\r\nline three",
    "test.bool.true": True,
    "test.bool.false": False,
    "test.int": 42,
    "test.int.zero": 0,
    "test.int.negative": -7,
    "test.int.max": 2**63 - 1,
    "test.int.min": -(2**63),
    "test.int.beyond_double": 2**53 + 1,
    "test.double": 3.141592653589793,
    "test.double.whole": 2.0,
    "test.double.negative": -0.1,
    "test.double.tiny": 5e-324,
    "test.double.huge": 1.7976931348623157e308,
    "test.string.array": ["a", "", "ü", "comma,inside"],
    "test.bool.array": [True, False, True],
    "test.int.array": [1, -2, 0, 2**63 - 1],
    "test.double.array": [1.5, -0.25, 2.0, 1e-10],
}

# The AnyValue types the SDK also accepts on spans: bytes, key-value lists, mixed and empty arrays,
# an empty value, and the doubles JSON cannot write as numbers.
EXTENDED_ATTRIBUTES = {
    "test.bytes": b"\x00\x01\xfe\xff trex",
    "test.kvlist": {"region": "eu-west-1", "replicas": 3, "weights": [0.5, 0.5], "nested": {"ok": True}},
    "test.array.mixed": ["one", 2, 3.5, False],
    "test.array.empty": [],
    "test.array.with_empty": ["x", None],
    "test.empty": None,
    "test.double.nan": math.nan,
    "test.double.inf": math.inf,
    "test.double.neg_inf": -math.inf,
}


def headers_from():
    """W3C trace context of the current span, as the headers of an outgoing request."""
    carrier = {}
    inject(carrier)
    return carrier


def run(args):
    frontend = Service(
        "frontend", "2.4.1",
        {"deployment.environment.name": "test", "host.cpu.count": 8, "app.canary": True,
         "app.sample_ratio": 0.25, "app.regions": ["eu-west-1", "us-east-1"]},
        args,
    )
    checkout = Service(
        "checkout", "1.9.0",
        {"deployment.environment.name": "test", "app.team": "orders", "app.shard": -3},
        args,
    )
    payments = Service(
        "payments", "0.7.0-beta.2",
        {"deployment.environment.name": "test", "app.pci": True, "app.limits": [100, 1000, 10000]},
        args,
    )
    services = [frontend, checkout, payments]

    # Trace 1: a checkout request through all three services.
    with frontend.tracer.start_as_current_span(
        "GET /checkout", kind=SpanKind.SERVER,
        attributes={"http.request.method": "GET", "url.path": "/checkout", "http.response.status_code": 200},
    ) as root:
        root.set_attributes(TYPED_ATTRIBUTES)
        root.add_event("cache.miss", {"cache.key": "cart:42", "cache.hit": False, "cache.size": 1024,
                                      "cache.fill": 0.75, "cache.tiers": ["l1", "l2"]})
        frontend_root_context = root.get_span_context()
        with frontend.tracer.start_as_current_span("render cart", kind=SpanKind.INTERNAL) as render:
            render.add_event("template.loaded", {"template": "cart.html"})
            render.set_status(Status(StatusCode.OK))
        with frontend.tracer.start_as_current_span(
            "POST /api/orders", kind=SpanKind.CLIENT,
            attributes={"http.request.method": "POST", "server.address": "checkout", "server.port": 8080},
        ):
            outgoing = headers_from()
            # A vendor on the way adds its trace state; checkout's spans carry it from here on.
            outgoing["tracestate"] = "trex=t61rcWkgMzE,rojo=00f067aa0ba902b7"
            checkout_request(checkout, payments, outgoing)

    # Trace 2: the order.created message consumed later, in a trace of its own, linked back.
    producer_context = checkout.producer_context
    with payments.tracer.start_as_current_span(
        "process order.created", kind=SpanKind.CONSUMER,
        links=[
            Link(producer_context, {"messaging.operation.type": "process", "link.ordinal": 0,
                                    "link.sampled": True, "link.weight": 0.5, "link.tags": ["async", "queue"]}),
            Link(frontend_root_context, {"link.reason": "initiated by"}),
        ],
        attributes={"messaging.system": "kafka", "messaging.destination.name": "orders",
                    "messaging.batch.message_count": 1},
    ):
        with payments.tracer.start_as_current_span("ledger.write", kind=SpanKind.INTERNAL) as ledger:
            ledger.set_attributes(EXTENDED_ATTRIBUTES)
            ledger.set_status(StatusCode.OK)
        with payments.tracer.start_as_current_span(
            "POST /api/notify", kind=SpanKind.CLIENT, attributes={"http.request.method": "POST"}
        ):
            with checkout.tracer.start_as_current_span(
                "POST /api/notify", kind=SpanKind.SERVER, context=extract(headers_from()),
                attributes={"http.request.method": "POST", "http.response.status_code": 204},
            ):
                time.sleep(0.001)

    # Trace 3: a lone span with no attributes at all, status UNSET.
    with frontend.tracer.start_as_current_span("GET /healthz", kind=SpanKind.SERVER):
        pass

    return services


def checkout_request(checkout, payments, headers):
    token = otel_context.attach(extract(headers))
    try:
        with checkout.tracer.start_as_current_span(
            "POST /api/orders", kind=SpanKind.SERVER,
            attributes={"http.request.method": "POST", "http.route": "/api/orders", "http.response.status_code": 201},
        ):
            with checkout.tracer.start_as_current_span("validate cart") as validate:
                validate.add_event("validation.done", {"items": [3, 1], "rules": ["stock", "price"],
                                                       "valid": [True, True], "scores": [0.9, 0.99]})
            with checkout.tracer.start_as_current_span(
                "POST /api/charge", kind=SpanKind.CLIENT, attributes={"server.address": "payments"}
            ):
                payments_charge(payments, headers_from())
            with checkout.tracer.start_as_current_span(
                "publish order.created", kind=SpanKind.PRODUCER,
                attributes={"messaging.system": "kafka", "messaging.destination.name": "orders"},
            ) as publish:
                checkout.producer_context = publish.get_span_context()
    finally:
        otel_context.detach(token)


def payments_charge(payments, headers):
    with payments.tracer.start_as_current_span(
        "POST /api/charge", kind=SpanKind.SERVER, context=extract(headers),
        attributes={"http.request.method": "POST", "http.response.status_code": 402},
    ) as charge:
        with payments.tracer.start_as_current_span("fraud-score") as score:
            try:
                raise ValueError("fraud model returned 1.7, outside [0, 1]")
            except ValueError as error:
                score.record_exception(error, {"fraud.model": "gbm-v3", "fraud.retry": False})
                score.set_status(Status(StatusCode.ERROR, "fraud model failed"))
        with payments.tracer.start_as_current_span(
            "SELECT ledger", kind=SpanKind.CLIENT,
            attributes={"db.system.name": "postgresql", "db.query.text": "SELECT * FROM ledger WHERE id = $1"},
        ):
            time.sleep(0.002)
        charge.set_status(StatusCode.ERROR, "card declined: insufficient funds")


# ---- The expectation: what the SDK recorded, written as OTLP JSON writes it ----

def any_value(value):
    if value is None:
        return {}
    if isinstance(value, bool):
        return {"boolValue": value}
    if isinstance(value, int):
        return {"intValue": str(value)}
    if isinstance(value, float):
        if math.isnan(value):
            return {"doubleValue": "NaN"}
        if math.isinf(value):
            return {"doubleValue": "Infinity" if value > 0 else "-Infinity"}
        return {"doubleValue": value}
    if isinstance(value, str):
        return {"stringValue": value}
    if isinstance(value, bytes):
        return {"bytesValue": base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        return {"kvlistValue": {"values": key_values(value)}}
    if isinstance(value, (tuple, list)):
        return {"arrayValue": {"values": [any_value(v) for v in value]}}
    raise TypeError(f"unexpected attribute value {value!r}")


def key_values(attributes):
    return [{"key": key, "value": any_value(value)} for key, value in (attributes or {}).items()]


def span_id(value):
    return format(value, "016x")


def trace_id(value):
    return format(value, "032x")


def remote_flags(parent):
    """OTLP's flag bits 8-9 (SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE, _IS_REMOTE) for the recorded parent or
    linked context. Bits 0-7 would hold the W3C trace flags, which this SDK's exporter does not send
    (nor a link's trace state), so only bits 8-9 are expected."""
    return 0x100 | (0x200 if parent is not None and parent.is_remote else 0)


def expectation(span):
    context = span.get_span_context()
    scope = span.instrumentation_scope
    return {
        "service": span.resource.attributes["service.name"],
        "resource": {"attributes": key_values(span.resource.attributes),
                     "droppedAttributesCount": 0},
        "resourceSchemaUrl": span.resource.schema_url or "",
        "scope": {"name": scope.name, "version": scope.version or "",
                  "attributes": key_values(scope.attributes)},
        "scopeSchemaUrl": scope.schema_url or "",
        "span": {
            "traceId": trace_id(context.trace_id),
            "spanId": span_id(context.span_id),
            "parentSpanId": span_id(span.parent.span_id) if span.parent else "",
            "traceState": ",".join(f"{k}={v}" for k, v in context.trace_state.items()),
            "flags": remote_flags(span.parent),
            "name": span.name,
            "kind": span.kind.value + 1,   # the SDK's INTERNAL is 0, OTLP's SPAN_KIND_INTERNAL 1
            "startTimeUnixNano": str(span.start_time),
            "endTimeUnixNano": str(span.end_time),
            "attributes": key_values(span.attributes),
            "droppedAttributesCount": span.dropped_attributes,
            "events": [
                {"name": e.name, "timeUnixNano": str(e.timestamp), "attributes": key_values(e.attributes),
                 "droppedAttributesCount": e.dropped_attributes}
                for e in span.events
            ],
            "droppedEventsCount": span.dropped_events,
            "links": [
                {"traceId": trace_id(l.context.trace_id), "spanId": span_id(l.context.span_id),
                 "flags": remote_flags(l.context), "attributes": key_values(l.attributes),
                 "droppedAttributesCount": l.dropped_attributes}
                for l in span.links
            ],
            "droppedLinksCount": span.dropped_links,
            "status": {"code": span.status.status_code.value, "message": span.status.description or ""},
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exporter", choices=["grpc", "http"], required=True)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--expect", required=True, help="where to write the recorded spans (JSON)")
    parser.add_argument("--compression", choices=["none", "gzip"], default="none")
    args = parser.parse_args()

    services = run(args)
    failures = []
    for service in services:
        if not service.provider.force_flush(30000):
            failures.append(f"{service.name}: force_flush timed out")
        service.provider.shutdown()
    spans = []
    for service in services:
        recorded = service.memory.get_finished_spans()
        spans.extend(recorded)
        bad = [r for r in service.checked.results if r != SpanExportResult.SUCCESS]
        if bad or not service.checked.results:
            failures.append(f"{service.name}: export results {service.checked.results}")
        if service.checked.exported != len(recorded):
            failures.append(f"{service.name}: exported {service.checked.exported} of {len(recorded)} spans")

    document = {
        "sdkVersion": package_version("opentelemetry-sdk"),
        "exporter": args.exporter,
        "compression": args.compression,
        "spans": [expectation(span) for span in spans],
    }
    with open(args.expect, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=1, ensure_ascii=False, allow_nan=False)
        out.write("\n")
    traces = {s.get_span_context().trace_id for s in spans}
    print(f"otel_sdk_app: {len(spans)} spans in {len(traces)} traces recorded, exported over {args.exporter} "
          f"({args.compression}) with the OpenTelemetry SDK {document['sdkVersion']}")
    if failures:
        print("otel_sdk_app: export failed: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
