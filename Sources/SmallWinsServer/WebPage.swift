import Hummingbird

/// The reference web page (`Web/`: plain HTML, CSS and JavaScript, embedded in the binary): `/`, `/app.js` and
/// `/app.css`, with a content security policy that allows nothing but this server, so a story's text can never run.
enum WebPage {
    static func register<Context: RequestContext>(on router: Router<Context>) {
        for (path, bytes, type) in [("/", PackageResources.index_html, "text/html; charset=utf-8"),
                                    ("/app.js", PackageResources.app_js, "text/javascript; charset=utf-8"),
                                    ("/app.css", PackageResources.app_css, "text/css; charset=utf-8")] {
            let buffer = ByteBuffer(bytes: bytes)
            router.on(RouterPath(path), method: .get) { _, _ in response(buffer, type, body: true) }
            router.on(RouterPath(path), method: .head) { _, _ in response(buffer, type, body: false) }
        }
    }

    private static func response(_ buffer: ByteBuffer, _ type: String, body: Bool) -> Response {
        Response(status: .ok, headers: [
            .contentType: type, .contentLength: String(buffer.readableBytes), .cacheControl: "no-cache",
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff", .init("Referrer-Policy")!: "no-referrer",
        ], body: body ? .init(byteBuffer: buffer) : .init())
    }
}
