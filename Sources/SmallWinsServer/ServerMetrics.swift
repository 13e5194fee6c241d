import Metrics
import Foundation
import Hummingbird
import Prometheus

/// What a server measures, for `/metrics` (Prometheus text): swift-metrics instruments made by a Prometheus
/// factory over a registry of this server's own, so an app embedding the server keeps its global metrics system.
///
/// - `http_requests_total{route,method,status}` and `http_request_duration_seconds{route,method}`: every request,
///   by its contract path (`/v1/wins/{id}`, never the id itself), until its body is written;
/// - `http_requests_in_flight`: requests being answered;
/// - `smallwins_event_streams`: open `/v1/changes` streams.
struct ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10].map { .milliseconds(Int64($0 * 1_000)) }
        self.factory = factory
        inFlight.set(0)
        eventStreams.set(0)
    }

    var inFlight: Meter { Meter(label: "http_requests_in_flight", factory: factory) }
    var eventStreams: Meter { Meter(label: "smallwins_event_streams", factory: factory) }

    /// Counts a request answered with `status` after `nanoseconds`.
    func record(route: String, method: String, status: Int, nanoseconds: UInt64) {
        Counter(label: "http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "http_request_duration_seconds", dimensions: [("route", route), ("method", method)], factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// The Prometheus text exposition of every instrument.
    var text: String { registry.emitToString() }
}

/// Measures every request into ``ServerMetrics``; the outermost middleware, so it sees the status a client gets.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let inFlight = metrics.inFlight
        inFlight.increment()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            inFlight.decrement()
            throw error
        }
        let route = context.endpointPath.map(Self.contractPath) ?? "unmatched"
        let isEventStream = route == "/v1/changes" && response.status == .ok
        if isEventStream { metrics.eventStreams.increment() }
        let body = response.body, status = Int(response.status.code), method = request.method.rawValue, metrics = metrics
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            defer {
                metrics.record(route: route, method: method, status: status, nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
                inFlight.decrement()
                if isEventStream { metrics.eventStreams.decrement() }
            }
            try await body.write(writer)
        }
        return response
    }

    /// A router path (`/v1/wins/:id`) as the contract writes it (`/v1/wins/{id}`).
    static func contractPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }
}
