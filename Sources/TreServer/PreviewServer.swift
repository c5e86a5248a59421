import Foundation
import Hummingbird
import TreCore

/// `tre serve`: builds the site, serves the output folder under the base
/// path, rebuilds when a source changes and tells every open page to reload
/// (or to show the error overlay, while the last good site stays served).
public struct PreviewServer: Sendable {
    public var options: SiteBuilder.Options
    public var host: String
    public var port: Int
    /// Documents understood by earlier rebuilds: a save re-reads only the file that changed.
    let cache = DocumentCache()

    public init(options: SiteBuilder.Options, host: String = "127.0.0.1", port: Int = 8080) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// The site's path under which pages are served.
    public var basePath: String { BaseURL(options.baseURL ?? "/").path }

    /// Builds once and reports to the hub. Returns the report or the failure.
    @discardableResult
    public func rebuild(hub: ReloadHub, log: @Sendable (String) -> Void = { _ in }) async -> Result<SiteBuilder.Report, BuildFailure> {
        let builder = SiteBuilder(options: options, cache: cache)
        do {
            let report = try builder.build()
            await hub.succeeded()
            log("tre: \(report.summary)")
            return .success(report)
        } catch {
            await hub.failed(error.diagnostics)
            log(error.description)
            return .failure(error)
        }
    }

    /// The router: live-reload endpoints and the output folder's files. One catch-all
    /// route dispatches by path, since the router's tree does not fall back from a
    /// literal segment (the base path) to a wildcard.
    public func makeRouter(hub: ReloadHub) -> Router<BasicRequestContext> {
        let files = StaticFiles(root: options.output, basePath: basePath)
        let router = Router()
        let serve: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            try await Self.respond(to: request.uri.path, files: files, hub: hub)
        }
        router.get("/", use: serve)
        router.get("**", use: serve)
        router.head("/", use: serve)
        router.head("**", use: serve)
        return router
    }

    static func respond(to rawPath: String, files: StaticFiles, hub: ReloadHub) async throws -> Response {
        if rawPath == files.basePath + "_tre/events" {
            let stream = await hub.subscribe()
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(asyncSequence: stream.map { ByteBuffer(string: $0) }))
        }
        if rawPath == files.basePath + "_tre/reload.js" {
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: ReloadScript.source)))
        }
        if rawPath == "/" && files.basePath != "/" {
            return Response(status: .found, headers: [.location: files.basePath])
        }
        switch files.resolve(rawPath) {
        case .file(let url):
            return try await fileResponse(url, status: .ok, hub: hub, basePath: files.basePath)
        case .redirect(let path):
            return Response(status: .movedPermanently, headers: [.location: path])
        case .forbidden:
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "403 – ngoài thư mục trang\n")))
        case .notFound:
            let page = files.root.appendingPathComponent("404.html")
            if FileManager.default.fileExists(atPath: page.path) {
                return try await fileResponse(page, status: .notFound, hub: hub, basePath: files.basePath)
            }
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "404\n")))
        }
    }

    static func fileResponse(_ url: URL, status: HTTPResponse.Status, hub: ReloadHub, basePath: String) async throws -> Response {
        let data = try Data(contentsOf: url)
        let type = StaticFiles.contentType(for: url)
        var body = ByteBuffer(bytes: data)
        if type.hasPrefix("text/html") {
            let html = ReloadScript.inject(into: String(decoding: data, as: UTF8.self), basePath: basePath, version: await hub.version)
            body = ByteBuffer(string: html)
        }
        return Response(status: status, headers: [.contentType: type, .cacheControl: "no-cache"], body: ResponseBody(byteBuffer: body))
    }

    /// The folders and files a rebuild depends on.
    public var watchedPaths: [URL] {
        [options.source.appendingPathComponent("content"), options.templates ?? options.source.appendingPathComponent("site-templates"),
         options.source.appendingPathComponent("site.yml")]
    }

    /// Builds, then serves until interrupted.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let hub = ReloadHub()
        await rebuild(hub: hub, log: log)
        let app = Application(router: makeRouter(hub: hub),
                              configuration: .init(address: .hostname(host, port: port), serverName: "tre"),
                              onServerRunning: { _ in log("tre: serving http://\(host):\(port)\(basePath) – Ctrl-C stops") })
        let watcher = ContentWatcher(paths: watchedPaths)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                await watcher.run {
                    log("tre: change seen, rebuilding…")
                    await rebuild(hub: hub, log: log)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(15))
                    await hub.keepAlive()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
