import Foundation
import SmallWins

/// The `user:password@host:port` part of a `postgres://` URL, checked strictly: a port outside 1-65535, a
/// host with characters no host has, or an unescaped `@` or `:` in the wrong place is refused with one line,
/// never read as something else (`URLComponents` alone wraps port 99999 and reads `postgres://:::@@@` as
/// the defaults). Missing parts are `nil`, for the `PG*` variables and defaults to fill.
struct PostgresURLAuthority {
    var user: String?, password: String?, host: String?, port: Int?

    init(_ url: String) throws {
        guard let start = url.range(of: "://")?.upperBound else { throw Self.refusal("expected postgres://user:password@host:5432/database") }
        let rest = url[start...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var hostPort = authority[...]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            guard !userInfo.contains("@") else { throw Self.refusal("the user or password holds '@'; write it as %40") }
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try Self.decoded(parts[0], "user")
            if parts.count == 2 { password = try Self.decoded(parts[1], "password") ?? "" }
        }
        var hostText = hostPort[...], portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw Self.refusal("the IPv6 host \(hostPort) has no closing ']'") }
            hostText = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw Self.refusal("expected ':port' after the IPv6 host, found \"\(after)\"") }
                portText = after.dropFirst()
            }
            guard !hostText.isEmpty, hostText.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw Self.refusal("\"\(hostText)\" is not an IPv6 address")
            }
        } else if let colon = hostPort.firstIndex(of: ":") {
            hostText = hostPort[..<colon]
            portText = hostPort[hostPort.index(after: colon)...]
        }
        if !hostText.isEmpty {
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_:%"))
            guard hostText.unicodeScalars.allSatisfy(allowed.contains) else { throw Self.refusal("\"\(hostText)\" is not a host name or address") }
            host = String(hostText)
        }
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw Self.refusal("port \"\(portText)\" is not a port number (1-65535)")
            }
            port = number
        }
    }

    /// `text` with percent escapes decoded; `nil` when empty.
    private static func decoded(_ text: Substring, _ what: String) throws -> String? {
        guard !text.isEmpty else { return nil }
        guard let value = text.removingPercentEncoding else { throw refusal("the \(what) holds a '%' that is not an escape like %40") }
        return value
    }

    private static func refusal(_ reason: String) -> SmallWinsError { .invalid(field: "database", reason: reason) }
}
