#!/usr/bin/env python3
"""Writes docs/samples/: realistic traces written by trex, in every format trex reads.

Six scenarios, each a trace built once here and written as OTLP JSON, Jaeger JSON and Zipkin v2
JSON (one file per scenario and format; the Zipkin N+1 file gzipped) and all together as OTLP JSON
Lines (one request per line, as the collector's file exporter writes). Each format's copy is a
different request (its own trace ids, a few hours apart), so loading the whole folder lists 24
traces rather than merging copies.

Scenarios:
  checkout-slow-payment  the primer's checkout: frontend -> checkout -> cart, inventory queries,
                         payment calling an external gateway (~780 ms of ~1.2 s)
  checkout-slow-fraud    a checkout over 5 s, waiting on fraud-detection
  login-failure          auth-service's database fails; retries; errors bubble up (user 12345)
  order-pipeline         an async hop through Kafka: producer in checkout, consumer in shipping
  n-plus-one             30 sequential identical database queries
  clock-skew             a server span on a host whose clock is 250 ms behind

Deterministic: run it again and the files do not change. Python standard library only.
Usage: scripts/gen-samples.py [OUTPUT_DIR]   (default: docs/samples next to this script)
"""
import gzip
import hashlib
import json
import os
import sys

BASE_NS = 1_732_520_000_000_000_000  # 2024-11-25T07:33:20Z
MS = 1_000_000
FORMATS = ["otlp", "jsonl", "jaeger", "zipkin"]

SERVICES = {
    "frontend": ("2.4.1", "frontend-6d9f", "nodejs"),
    "checkout": ("1.18.0", "checkout-7f9c", "go"),
    "cart": ("3.2.0", "cart-5b7d", "dotnet"),
    "inventory": ("0.9.4", "inventory-2c4a", "java"),
    "payment": ("5.0.2", "payment-8e1b", "java"),
    "auth-service": ("4.1.0", "auth-3a6f", "go"),
    "fraud-detection": ("1.3.7", "fraud-9d2e", "python"),
    "shipping": ("2.0.0", "shipping-4f8a", "rust"),
    "email": ("1.1.0", "email-1c3b", "python"),
}
IPS = {name: "10.0.%d.%d" % (1 + i, 10 + 3 * i) for i, name in enumerate(SERVICES)}


class Trace:
    """Spans of one trace; times in milliseconds from the trace start (floats allowed)."""

    def __init__(self, key):
        self.key = key
        self.spans = []

    def span(self, sid, parent, service, name, kind, start, end, attrs=None, status=None, events=None,
             follows_from=False, links=None):
        self.spans.append(dict(sid=sid, parent=parent, service=service, name=name, kind=kind, start=start,
                               end=end, attrs=attrs or {}, status=status, events=events or [],
                               follows_from=follows_from, links=links or []))
        return sid


def http_server(method, route, status, **extra):
    a = {"http.method": method, "http.route": route, "http.target": route, "http.scheme": "https",
         "http.status_code": status, "net.host.port": 8080}
    a.update(extra)
    return a


def http_client(method, url, status, peer, **extra):
    a = {"http.method": method, "http.url": url, "http.status_code": status, "peer.service": peer,
         "net.peer.port": 8080}
    a.update(extra)
    return a


def db(statement, table, operation="SELECT", rows=1, **extra):
    a = {"db.system": "postgresql", "db.name": "shop", "db.operation": operation, "db.sql.table": table,
         "db.statement": statement, "net.peer.name": "pg-primary.db", "net.peer.port": 5432, "db.rows_affected": rows}
    a.update(extra)
    return a


# MARK: - Scenarios

def checkout_slow_payment():
    t = Trace("checkout-slow-payment")
    root = t.span("fe", None, "frontend", "GET /checkout", "server", 0, 1210,
                  http_server("GET", "/checkout", 200, **{"user.id": "12345", "http.user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0"}))
    call = t.span("fe-co", root, "frontend", "POST /api/checkout", "client", 12, 1198,
                  http_client("POST", "http://checkout:8080/api/checkout", 200, "checkout"))
    co = t.span("co", call, "checkout", "POST /api/checkout", "server", 15, 1195,
                http_server("POST", "/api/checkout", 200, **{"user.id": "12345", "app.cart.items": 3}))
    cc = t.span("co-cart", co, "checkout", "GET /api/cart", "client", 22, 98,
                http_client("GET", "http://cart:8080/api/cart?user=12345", 200, "cart"))
    cart = t.span("cart", cc, "cart", "GET /api/cart", "server", 25, 95, http_server("GET", "/api/cart", 200, **{"app.cart.items": 3}))
    t.span("cart-db", cart, "cart", "database.query", "client", 30, 41,
           db("SELECT * FROM cart_items WHERE user_id = $1", "cart_items", rows=3))
    ci = t.span("co-inv", co, "checkout", "POST /api/inventory/reserve", "client", 102, 290,
                http_client("POST", "http://inventory:8080/api/inventory/reserve", 200, "inventory"))
    inv = t.span("inv", ci, "inventory", "POST /api/inventory/reserve", "server", 106, 286,
                 http_server("POST", "/api/inventory/reserve", 200))
    for i, (sku, s, e) in enumerate([("SKU-1042", 110, 152), ("SKU-2210", 155, 201), ("SKU-0077", 204, 249)]):
        t.span("inv-db-%d" % i, inv, "inventory", "database.query", "client", s, e,
               db("SELECT quantity FROM stock WHERE sku = $1 FOR UPDATE", "stock", **{"app.sku": sku}))
    t.span("inv-db-upd", inv, "inventory", "database.query", "client", 252, 280,
           db("UPDATE stock SET reserved = reserved + 1 WHERE sku = ANY($1)", "stock", "UPDATE", 3))
    cp = t.span("co-pay", co, "checkout", "POST /api/charge", "client", 300, 1150,
                http_client("POST", "http://payment:8080/api/charge", 200, "payment"))
    pay = t.span("pay", cp, "payment", "POST /api/charge", "server", 305, 1146,
                 http_server("POST", "/api/charge", 200, **{"app.payment.amount": 149.97, "app.payment.currency": "EUR"}))
    t.span("pay-fraud", pay, "payment", "risk-score", "internal", 310, 332, {"app.risk.score": 0.12, "app.risk.model": "gbm-v7"})
    t.span("pay-gw", pay, "payment", "POST https://api.payments.example/v1/charges", "client", 340, 1120,
           http_client("POST", "https://api.payments.example/v1/charges", 200, "payments-gateway",
                       **{"net.peer.name": "api.payments.example", "net.peer.port": 443}),
           events=[(345, "tls.handshake.done", {}), (1118, "response.received", {"http.response_content_length": 812})])
    t.span("pay-db", pay, "payment", "database.query", "client", 1124, 1140,
           db("INSERT INTO payments (order_id, amount, status) VALUES ($1, $2, $3)", "payments", "INSERT"))
    return t


def checkout_slow_fraud():
    t = Trace("checkout-slow-fraud")
    root = t.span("fe", None, "frontend", "POST /api/checkout", "server", 0, 6310,
                  http_server("POST", "/api/checkout", 200, **{"user.id": "48213"}))
    call = t.span("fe-co", root, "frontend", "POST /api/checkout", "client", 8, 6300,
                  http_client("POST", "http://checkout:8080/api/checkout", 200, "checkout"))
    co = t.span("co", call, "checkout", "POST /api/checkout", "server", 11, 6296,
                http_server("POST", "/api/checkout", 200, **{"user.id": "48213", "app.cart.items": 1}))
    t.span("co-db", co, "checkout", "database.query", "client", 15, 27,
           db("SELECT * FROM orders WHERE user_id = $1 AND state = 'open'", "orders"))
    fc = t.span("co-fraud", co, "checkout", "POST /api/score", "client", 30, 6020,
                http_client("POST", "http://fraud-detection:8080/api/score", 200, "fraud-detection"))
    fr = t.span("fraud", fc, "fraud-detection", "POST /api/score", "server", 34, 6015, http_server("POST", "/api/score", 200))
    t.span("fraud-feat", fr, "fraud-detection", "load-features", "internal", 40, 5890,
           {"app.features.count": 412, "app.cache.hit": False},
           events=[(2040, "cache.miss", {"app.cache.key": "features:48213"}), (5880, "features.loaded", {})])
    t.span("fraud-model", fr, "fraud-detection", "model.predict", "internal", 5892, 6010, {"app.risk.score": 0.08})
    cp = t.span("co-pay", co, "checkout", "POST /api/charge", "client", 6030, 6280,
                http_client("POST", "http://payment:8080/api/charge", 200, "payment"))
    t.span("pay", cp, "payment", "POST /api/charge", "server", 6034, 6276, http_server("POST", "/api/charge", 200))
    return t


def login_failure():
    t = Trace("login-failure")
    err = ("ERROR", "connection refused: users-db:5432")
    root = t.span("fe", None, "frontend", "POST /login", "server", 0, 890,
                  http_server("POST", "/login", 502, **{"user.id": "12345"}), status=("ERROR", "auth-service unavailable"))
    start = 6
    for attempt in range(3):
        c = t.span("fe-auth-%d" % attempt, root, "frontend", "POST /auth/token", "client", start, start + 180,
                   http_client("POST", "http://auth-service:8080/auth/token", 503, "auth-service",
                               **{"http.resend_count": attempt, "user.id": "12345"}),
                   status=("ERROR", "HTTP 503"))
        s = t.span("auth-%d" % attempt, c, "auth-service", "POST /auth/token", "server", start + 3, start + 177,
                   http_server("POST", "/auth/token", 503, **{"user.id": "12345"}), status=("ERROR", "users database unavailable"))
        t.span("auth-db-%d" % attempt, s, "auth-service", "database.query", "client", start + 8, start + 168,
               db("SELECT id, password_hash FROM users WHERE login = $1", "users", rows=0),
               status=err,
               events=[(start + 168, "exception", {"exception.type": "java.net.ConnectException",
                                                   "exception.message": "Connection refused",
                                                   "exception.stacktrace": "java.net.ConnectException: Connection refused\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)"})])
        if attempt < 2:
            t.span("fe-backoff-%d" % attempt, root, "frontend", "retry.backoff", "internal", start + 182, start + 182 + 100 * (attempt + 1),
                   {"retry.attempt": attempt + 1, "retry.delay_ms": 100 * (attempt + 1)})
        start += 182 + 100 * (attempt + 1) + 4
    return t


def order_pipeline():
    t = Trace("order-pipeline")
    root = t.span("fe", None, "frontend", "POST /api/orders", "server", 0, 142,
                  http_server("POST", "/api/orders", 202, **{"user.id": "12345"}))
    call = t.span("fe-co", root, "frontend", "POST /api/orders", "client", 5, 137,
                  http_client("POST", "http://checkout:8080/api/orders", 202, "checkout"))
    co = t.span("co", call, "checkout", "POST /api/orders", "server", 8, 134, http_server("POST", "/api/orders", 202))
    t.span("co-db", co, "checkout", "database.query", "client", 12, 31,
           db("INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id", "orders", "INSERT"))
    prod = t.span("co-pub", co, "checkout", "orders publish", "producer", 35, 47,
                  {"messaging.system": "kafka", "messaging.destination.name": "orders", "messaging.operation": "publish",
                   "messaging.kafka.message.key": "order-99812", "messaging.kafka.partition": 3})
    cons = t.span("ship", prod, "shipping", "orders process", "consumer", 210, 395,
                  {"messaging.system": "kafka", "messaging.destination.name": "orders", "messaging.operation": "process",
                   "messaging.kafka.consumer.group": "shipping", "messaging.kafka.partition": 3,
                   "messaging.kafka.message.offset": 1849302},
                  follows_from=True)
    t.span("ship-db", cons, "shipping", "database.query", "client", 220, 262,
           db("INSERT INTO shipments (order_id, carrier) VALUES ($1, $2)", "shipments", "INSERT"))
    mail = t.span("ship-mail", cons, "shipping", "POST /api/notify", "client", 270, 388,
                  http_client("POST", "http://email:8080/api/notify", 200, "email"))
    em = t.span("email", mail, "email", "POST /api/notify", "server", 274, 384, http_server("POST", "/api/notify", 200))
    t.span("email-smtp", em, "email", "smtp.send", "client", 280, 379, {"net.peer.name": "smtp.relay.example", "net.peer.port": 587})
    return t


def n_plus_one():
    t = Trace("n-plus-one")
    root = t.span("fe", None, "frontend", "GET /api/orders/history", "server", 0, 171,
                  http_server("GET", "/api/orders/history", 200, **{"user.id": "67890"}))
    call = t.span("fe-co", root, "frontend", "GET /api/orders", "client", 3, 167,
                  http_client("GET", "http://checkout:8080/api/orders?user=67890", 200, "checkout"))
    co = t.span("co", call, "checkout", "GET /api/orders", "server", 6, 164, http_server("GET", "/api/orders", 200))
    t.span("co-list", co, "checkout", "database.query", "client", 9, 16,
           db("SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 30", "orders", rows=30))
    at = 18.0
    for i in range(30):
        t.span("co-item-%d" % i, co, "checkout", "database.query", "client", at, at + 4.6,
               db("SELECT * FROM order_items WHERE order_id = $1", "order_items", rows=2))
        at += 4.8
    return t


def clock_skew():
    t = Trace("clock-skew")
    skew = -250  # the checkout host's clock is 250 ms behind
    root = t.span("fe", None, "frontend", "GET /api/quote", "server", 0, 200, http_server("GET", "/api/quote", 200))
    call = t.span("fe-co", root, "frontend", "GET /api/shipping/quote", "client", 10, 190,
                  http_client("GET", "http://checkout:8080/api/shipping/quote", 200, "checkout"))
    co = t.span("co", call, "checkout", "GET /api/shipping/quote", "server", 14 + skew, 186 + skew,
                http_server("GET", "/api/shipping/quote", 200, **{"host.clock.note": "ntp unsynchronized"}))
    t.span("co-db", co, "checkout", "database.query", "client", 20 + skew, 60 + skew,
           db("SELECT rate FROM shipping_rates WHERE zone = $1", "shipping_rates"))
    t.span("co-calc", co, "checkout", "compute-quote", "internal", 62 + skew, 180 + skew, {"app.quote.zones": 4})
    return t


SCENARIOS = [checkout_slow_payment, checkout_slow_fraud, login_failure, order_pipeline, n_plus_one, clock_skew]


# MARK: - Ids and times

def hexid(*parts, n=16):
    return hashlib.sha256(":".join(parts).encode()).hexdigest()[:n]


def instance(trace, fmt, index):
    """Ids and start time of one format's copy of a trace."""
    trace_id = hexid(fmt, trace.key, n=32)
    ids = {s["sid"]: hexid(fmt, trace.key, s["sid"]) for s in trace.spans}
    start = BASE_NS + FORMATS.index(fmt) * 3 * 3600 * 10**9 + index * 7 * 60 * 10**9
    return trace_id, ids, start


def ns(start, ms):
    return start + int(round(ms * MS))


# MARK: - OTLP

def otlp_value(v):
    if isinstance(v, bool):
        return {"boolValue": v}
    if isinstance(v, int):
        return {"intValue": str(v)}
    if isinstance(v, float):
        return {"doubleValue": v}
    return {"stringValue": v}


def otlp_attrs(d):
    return [{"key": k, "value": otlp_value(v)} for k, v in d.items()]


def resource_attrs(service):
    version, host, lang = SERVICES[service]
    return {"service.name": service, "service.version": version, "host.name": host,
            "deployment.environment": "production", "telemetry.sdk.name": "opentelemetry",
            "telemetry.sdk.language": lang}


KINDS = {"internal": 1, "server": 2, "client": 3, "producer": 4, "consumer": 5}


def otlp_request(trace, fmt, index, services=None):
    trace_id, ids, start = instance(trace, fmt, index)
    out = []
    order = []
    for s in trace.spans:
        if s["service"] not in order:
            order.append(s["service"])
    for service in services or order:
        spans = []
        for s in trace.spans:
            if s["service"] != service:
                continue
            o = {"traceId": trace_id, "spanId": ids[s["sid"]]}
            if s["parent"]:
                o["parentSpanId"] = ids[s["parent"]]
            o.update({"flags": 769 if s["parent"] and s["kind"] in ("server", "consumer") else 257,
                      "name": s["name"], "kind": KINDS[s["kind"]],
                      "startTimeUnixNano": str(ns(start, s["start"])), "endTimeUnixNano": str(ns(start, s["end"])),
                      "attributes": otlp_attrs(s["attrs"])})
            if s["events"]:
                o["events"] = [{"timeUnixNano": str(ns(start, t)), "name": n, "attributes": otlp_attrs(a)}
                               for t, n, a in s["events"]]
            if s["status"]:
                o["status"] = {"code": 2, "message": s["status"][1]}
            else:
                o["status"] = {}
            spans.append(o)
        version, _, lang = SERVICES[service]
        out.append({"resource": {"attributes": otlp_attrs(resource_attrs(service))},
                    "scopeSpans": [{"scope": {"name": "io.opentelemetry.%s" % lang, "version": "1.28.0"},
                                    "spans": spans, "schemaUrl": "https://opentelemetry.io/schemas/1.21.0"}],
                    "schemaUrl": "https://opentelemetry.io/schemas/1.21.0"})
    return {"resourceSpans": out}


# MARK: - Jaeger

def jaeger_tag(k, v):
    if isinstance(v, bool):
        return {"key": k, "type": "bool", "value": v}
    if isinstance(v, int):
        return {"key": k, "type": "int64", "value": v}
    if isinstance(v, float):
        return {"key": k, "type": "float64", "value": v}
    return {"key": k, "type": "string", "value": v}


def jaeger_trace(trace, index):
    trace_id, ids, start = instance(trace, "jaeger", index)
    processes = {}
    spans = []
    for s in trace.spans:
        if s["service"] not in processes:
            version, host, lang = SERVICES[s["service"]]
            processes[s["service"]] = ("p%d" % (len(processes) + 1), {
                "serviceName": s["service"],
                "tags": [jaeger_tag("hostname", host), jaeger_tag("ip", IPS[s["service"]]),
                         jaeger_tag("service.version", version), jaeger_tag("telemetry.sdk.language", lang)]})
        refs = []
        if s["parent"]:
            refs.append({"refType": "FOLLOWS_FROM" if s["follows_from"] else "CHILD_OF",
                         "traceID": trace_id, "spanID": ids[s["parent"]]})
        tags = [jaeger_tag(k, v) for k, v in s["attrs"].items()]
        if s["kind"] != "internal":
            tags.append(jaeger_tag("span.kind", s["kind"]))
        if s["status"]:
            tags.append(jaeger_tag("error", True))
            tags.append(jaeger_tag("otel.status_description", s["status"][1]))
        logs = [{"timestamp": ns(start, t) // 1000,
                 "fields": [jaeger_tag("event", n)] + [jaeger_tag(k, v) for k, v in a.items()]}
                for t, n, a in s["events"]]
        spans.append({"traceID": trace_id, "spanID": ids[s["sid"]], "flags": 1, "operationName": s["name"],
                      "references": refs, "startTime": ns(start, s["start"]) // 1000,
                      "duration": (ns(start, s["end"]) - ns(start, s["start"])) // 1000, "tags": tags, "logs": logs,
                      "processID": processes[s["service"]][0], "warnings": None})
    return {"traceID": trace_id, "spans": spans, "processes": {pid: p for pid, p in processes.values()},
            "warnings": None}


# MARK: - Zipkin

def zipkin_spans(trace, index):
    """Zipkin v2 spans; RPC servers share their client's span id (`shared: true`), as Brave does."""
    trace_id, ids, start = instance(trace, "zipkin", index)
    by_sid = {s["sid"]: s for s in trace.spans}
    # A server called by a client in another service takes the client's id.
    zid = dict(ids)
    shared = set()
    for s in trace.spans:
        p = by_sid.get(s["parent"])
        if s["kind"] == "server" and p and p["kind"] == "client" and p["service"] != s["service"]:
            zid[s["sid"]] = ids[p["sid"]]
            shared.add(s["sid"])
    out = []
    for s in trace.spans:
        o = {"traceId": trace_id}
        if s["sid"] in shared:
            parent = by_sid[s["parent"]]["parent"]
        else:
            parent = s["parent"]
        if parent:
            o["parentId"] = zid[parent]
        o["id"] = zid[s["sid"]]
        if s["kind"] != "internal":
            o["kind"] = s["kind"].upper()
        o["name"] = s["name"].lower()
        o["timestamp"] = ns(start, s["start"]) // 1000
        o["duration"] = (ns(start, s["end"]) - ns(start, s["start"])) // 1000
        o["localEndpoint"] = {"serviceName": s["service"], "ipv4": IPS[s["service"]], "port": 8080}
        peer = s["attrs"].get("peer.service")
        if s["kind"] == "client" and peer in IPS:
            o["remoteEndpoint"] = {"serviceName": peer, "ipv4": IPS[peer], "port": 8080}
        if s["events"]:
            o["annotations"] = [{"timestamp": ns(start, t) // 1000, "value": n} for t, n, _ in s["events"]]
        tags = {k: (str(v).lower() if isinstance(v, bool) else str(v)) for k, v in s["attrs"].items()}
        if s["status"]:
            tags["error"] = s["status"][1]
        o["tags"] = tags
        if s["sid"] in shared:
            o["shared"] = True
        out.append(o)
    return out


# MARK: - Writing

def write(path, data, pretty=True):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(data, indent=2 if pretty else None, ensure_ascii=False, separators=None if pretty else (",", ":"))
    if path.endswith(".gz"):
        with open(path, "wb") as f:
            f.write(gzip.compress((text + "\n").encode(), mtime=0))
    else:
        with open(path, "w") as f:
            f.write(text + "\n")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "samples")
    traces = [make() for make in SCENARIOS]
    lines = []
    for i, t in enumerate(traces):
        write(os.path.join(out, "otlp", t.key + ".json"), otlp_request(t, "otlp", i))
        write(os.path.join(out, "jaeger", t.key + ".json"), {"data": [jaeger_trace(t, i)], "total": 0, "limit": 0,
                                                             "offset": 0, "errors": None})
        zipkin_name = t.key + (".json.gz" if t.key == "n-plus-one" else ".json")
        write(os.path.join(out, "zipkin", zipkin_name), zipkin_spans(t, i))
        # The collector exports one batch per service: one line per (trace, service).
        order = []
        for s in t.spans:
            if s["service"] not in order:
                order.append(s["service"])
        for service in order:
            lines.append(json.dumps(otlp_request(t, "jsonl", i, [service]), separators=(",", ":"), ensure_ascii=False))
    os.makedirs(os.path.join(out, "otlp-jsonl"), exist_ok=True)
    with open(os.path.join(out, "otlp-jsonl", "collector-export.jsonl"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
