import Foundation
import TraceModel
import TraceQuery

/// Tempo's tag names and values for completion: `/api/v2/search/tags` and
/// `/api/v2/search/tag/{name}/values`, both over the last `options.lookback` (without a time
/// range Tempo answers from recent data only).
extension TempoBackend {
    /// `start` and `end` (Unix seconds) over the last `options.lookback`.
    func recentWindow() -> [(String, String)] {
        let now = RemoteSource.now()
        let from = Timestamp(unixNanos: max(0, now.unixNanos - http.options.lookback.value))
        return [("start", RemoteUnits.seconds(from)), ("end", String(now.unixNanos / 1_000_000_000 + 1))]
    }

    /// `{"scopes": [{"name": "resource", "tags": [...]}, {"name": "span", ...}, {"name":
    /// "intrinsic", ...}]}`: `resource.x`, `span.x` (and `event.x`, `link.x`,
    /// `instrumentation.x`), intrinsics bare (`duration`, `span:name`). Unique, sorted.
    func attributeNames() throws(RemoteError) -> [String] {
        let path = "/api/v2/search/tags"
        let body = try http.get(path, query: recentWindow())
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RemoteError(.badResponse("not Tempo's {\"scopes\": [...]}"), request: "GET \(http.endpoint.baseURL)\(path)")
        }
        var names = Set<String>()
        for scope in (object["scopes"] as? [[String: Any]]) ?? [] {
            guard let scopeName = scope["name"] as? String else { continue }
            for tag in (scope["tags"] as? [Any]) ?? [] {
                guard let tag = tag as? String, !tag.isEmpty else { continue }
                names.insert(scopeName == "intrinsic" ? tag : "\(scopeName).\(tag)")
            }
        }
        return names.sorted()
    }

    /// `{"tagValues": [{"type": "string", "value": "frontend"}, ...]}`: the values as text,
    /// unique and sorted. `name` goes as written (a TraceQL identifier: `resource.service.name`,
    /// `.http.method`, `name`); a bare dotted name (`service.name`) is sent unscoped
    /// (`.service.name`), as Tempo's v2 endpoint reads only TraceQL identifiers.
    func attributeValues(_ name: String) throws(RemoteError) -> [String] {
        let identifier = Self.traceQLIdentifier(name)
        let path = "/api/v2/search/tag/\(RemoteUnits.pathSegment(identifier))/values"
        let body = try http.get(path, query: recentWindow())
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw RemoteError(.badResponse("not Tempo's {\"tagValues\": [...]}"), request: "GET \(http.endpoint.baseURL)\(path)")
        }
        var values = Set<String>()
        for entry in (object["tagValues"] as? [Any]) ?? [] {
            if let value = (entry as? [String: Any])?["value"] { values.insert(Self.text(value)) }
            else if let value = entry as? String { values.insert(value) }
        }
        return values.sorted()
    }

    static func traceQLIdentifier(_ name: String) -> String {
        let scopes = ["resource.", "span.", "event.", "link.", "instrumentation.", "parent.", "."]
        if scopes.contains(where: { name.hasPrefix($0) }) || !name.contains(".") { return name }
        return "." + name
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: "\(value)"
        }
    }
}
