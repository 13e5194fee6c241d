import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SmallWins
import SmallWinsServer

/// A real server on a free loopback port, and a real HTTP client (URLSession; curl for event streams).
struct RunningServer {
    let base: URL
    private let task: Task<Void, any Error>

    /// Starts a server of `store` and waits until it accepts requests; throws what stopped it from starting.
    static func start(_ store: any WinStore, singleSignOn: SingleSignOn? = nil, heartbeat: Duration = .seconds(15)) async throws -> RunningServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            defer { continuation.finish() }
            try await SmallWinsServer(store: store, configuration: .init(port: 0, singleSignOn: singleSignOn, heartbeat: heartbeat)).run { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw ServerTestFailure("the server did not start")
        }
        return RunningServer(base: URL(string: "http://127.0.0.1:\(port)")!, task: task)
    }

    func stop() { task.cancel() }

    /// A response: its status, headers and body.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func json<T: Decodable>(_ type: T.Type) throws -> T { try Instant.jsonDecoder().decode(type, from: body) }

        /// The problem document of an error response.
        var problem: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    func send(_ method: String, _ path: String, token: String?, json body: String? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// What curl receives from the event stream at `path` until `done` holds for it (or 30 s pass), while `during`
    /// runs once the response has begun.
    func events(_ path: String, token: String, lastEventID: String? = nil, until done: (String) -> Bool,
                during: () async throws -> Void) async throws -> String {
        let headers = FileManager.default.temporaryDirectory.appendingPathComponent("sse-headers-\(UUID())")
        defer { try? FileManager.default.removeItem(at: headers) }
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-sN", "--max-time", "30", "-D", headers.path, "-H", "Authorization: Bearer \(token)"]
            + (lastEventID.map { ["-H", "Last-Event-ID: \($0)"] } ?? []) + [base.absoluteString + path]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        defer {
            kill(curl.processIdentifier, SIGKILL)  // Process.terminate's SIGTERM left curl running out its --max-time
            curl.waitUntilExit()
        }
        for _ in 0..<200 where !((try? String(contentsOf: headers, encoding: .utf8))?.contains("\r\n\r\n") ?? false) {
            try await Task.sleep(for: .milliseconds(100))  // until the response has begun, however busy the machine
        }
        try await Task.sleep(for: .milliseconds(300))
        try await during()
        var text = "", buffer = [UInt8](repeating: 0, count: 65_536)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while !done(text) {
            let count = read(descriptor, &buffer, buffer.count)  // what has arrived; 0 at the end of the stream
            if count <= 0 { break }
            text += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return text
    }
}

struct ServerTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
