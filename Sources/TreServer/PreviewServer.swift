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
    /// The last site model and how many saves have been seen, shared by the watcher and the builds.
    let state = RebuildState()
    /// A save re-renders its own page at once (``QuickRender``) when a full build takes at least
    /// this long; below it, the full rebuild alone is quick enough and pages reload once.
    public var quickRenderThreshold: Double = 0.3

    public init(options: SiteBuilder.Options, host: String = "127.0.0.1", port: Int = 8080) {
        self.options = options
        self.host = host
        self.port = port
    }

    /// The site's path under which pages are served.
    public var basePath: String { BaseURL(options.baseURL ?? "/").path }

    /// Builds the whole site and reports to the hub. Returns the report or the failure.
    /// A build during which a file was saved is thrown away unswapped (another one follows that save).
    @discardableResult
    public func rebuild(hub: ReloadHub, log: @Sendable (String) -> Void = { _ in }) async -> Result<SiteBuilder.Report, BuildFailure> {
        var builder = SiteBuilder(options: options, cache: cache)
        let generation = state.generation
        let state = state
        builder.isStale = { state.generation != generation }
        do {
            let report = try builder.build()
            if report.superseded {
                log("tre: a file changed during the build; building again")
                return .success(report)
            }
            state.finished(report, generation: generation)
            await hub.succeeded()
            log("tre: \(report.summary)")
            return .success(report)
        } catch {
            await hub.failed(error.diagnostics)
            log(error.description)
            return .failure(error)
        }
    }

    /// A save seen: re-renders the saved documents' own pages at once when it can
    /// (see ``QuickRender``) and tells open pages to reload. The full rebuild the
    /// caller starts next brings every list up to date. Returns the pages written.
    @discardableResult
    public func quickRender(_ paths: Set<String>, hub: ReloadHub, log: @Sendable (String) -> Void = { _ in }) async -> [String] {
        let generation = state.saved()
        guard let built = state.built, state.lastFullBuildSeconds >= quickRenderThreshold else { return [] }
        let started = Date()
        let root = options.source.standardizedFileURL.path + "/"
        let relative = paths.map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }.sorted()
        guard let result = QuickRender.apply(changed: relative, to: built, source: options.source, output: options.output, cache: cache) else { return [] }
        state.quickRendered(result.built, generation: generation)
        await hub.succeeded()
        log("tre: \(result.pages.map { "/" + $0 }.joined(separator: ", ")) re-rendered in \(Int(Date().timeIntervalSince(started) * 1000)) ms; rebuilding the rest…")
        return result.pages
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
        if state.built == nil {
            // The output was already up to date: make the model quick re-renders need, in the background.
            let generation = state.generation
            let (builder, state) = (SiteBuilder(options: options, cache: cache), state)
            Task.detached {
                let started = Date()
                if let built = try? builder.model() { state.modelMade(built, generation: generation, seconds: Date().timeIntervalSince(started)) }
            }
        }
        let app = Application(router: makeRouter(hub: hub),
                              configuration: .init(address: .hostname(host, port: port), serverName: "tre"),
                              onServerRunning: { _ in log("tre: serving http://\(host):\(port)\(basePath) – Ctrl-C stops") })
        let watcher = ContentWatcher(paths: watchedPaths)
        // Saves while a full build runs are folded into one more build.
        let (requests, request) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                for await _ in requests { await rebuild(hub: hub, log: log) }
            }
            group.addTask {
                await watcher.run { paths in
                    await quickRender(paths, hub: hub, log: log)
                    request.yield()
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

/// What `tre serve`'s watcher and builds share: the last site model (for quick
/// re-renders), how long the last full build took, and a count of saves, so a
/// build that a save overtook is not swapped in.
final class RebuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var _built: BuiltSite?
    private var _generation = 0
    private var _seconds = 0.0

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

    var built: BuiltSite? { locked { _built } }
    var generation: Int { locked { _generation } }
    var lastFullBuildSeconds: Double { locked { _seconds } }

    /// A save: returns the new generation.
    func saved() -> Int { locked { _generation += 1; return _generation } }

    func finished(_ report: SiteBuilder.Report, generation: Int) {
        locked {
            if let built = report.built, generation == _generation { _built = built }
            if !report.unchanged { _seconds = report.seconds }
        }
    }

    func quickRendered(_ built: BuiltSite, generation: Int) { locked { if generation == _generation { _built = built } } }

    /// The model made in the background at start, and how long that took (less than a full build).
    func modelMade(_ built: BuiltSite, generation: Int, seconds: Double) {
        locked {
            guard generation == _generation, _built == nil else { return }
            _built = built
            _seconds = max(_seconds, seconds)
        }
    }
}
