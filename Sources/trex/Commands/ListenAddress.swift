import Foundation
import ArgumentParser

/// `--http ADDR`: where a receiver listens. `4318` or `:4318` is loopback (127.0.0.1); any other
/// interface must be named (`0.0.0.0:4318`), so nothing is exposed by accident; `0` turns the
/// listener off.
struct ListenAddress: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var host: String
    var port: Int
    /// `0`: this protocol is not received.
    var isOff: Bool { port == 0 && host.isEmpty }

    static let off = ListenAddress(host: "", port: 0)

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(argument: String) {
        if argument == "0" { self = .off; return }
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        let portText = parts.last.map(String.init) ?? ""
        guard let port = Int(portText), (0...65_535).contains(port) else { return nil }
        let host = parts.count > 1 ? parts.dropLast().joined(separator: ":") : ""
        self.host = host.isEmpty ? "127.0.0.1" : host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    var description: String { isOff ? "off" : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)") }
}
