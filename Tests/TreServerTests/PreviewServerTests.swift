import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TreCore
@testable import TreServer

@Suite("tre serve")
struct PreviewServerTests {
    /// A built copy of the sample site and a server for it under /tre-em/.
    func makeSite() async throws -> (site: URL, server: PreviewServer, hub: ReloadHub) {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tre-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("content").path) {
            // content/tong-dai-111.md links to the starter copy compiled into tre: copy what it points at.
            try FileManager.default.copyItem(at: repository.appendingPathComponent("content/" + name).resolvingSymlinksInPath(),
                                             to: site.appendingPathComponent("content/" + name))
        }
        let options = SiteBuilder.Options(source: site, output: site.appendingPathComponent("public"), baseURL: "http://127.0.0.1/tre-em/")
        let server = PreviewServer(options: options)
        let hub = ReloadHub()
        guard case .success = await server.rebuild(hub: hub) else { throw CancellationError() }
        return (site, server, hub)
    }

    @Test func servesPagesUnderTheBasePathWithTypesAndTheReloadScript() async throws {
        let (site, server, hub) = try await makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let app = Application(router: server.makeRouter(hub: hub))
        try await app.test(.router) { client in
            try await client.execute(uri: "/tre-em/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<html lang=\"vi\">"))
                #expect(body.contains("/tre-em/_tre/reload.js"))
            }
            try await client.execute(uri: "/tre-em/assets/site.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(!String(buffer: response.body).contains("_tre"))
            }
            try await client.execute(uri: "/tre-em/lich/han-chot.ics", method: .get) { response in
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            }
            try await client.execute(uri: "/tre-em/van-ban", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/tre-em/van-ban/")
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .found)
            }
            try await client.execute(uri: "/tre-em/khong-co-trang-nay/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Không tìm thấy trang"))
            }
        }
    }

    @Test(arguments: ["/tre-em/../site.yml", "/tre-em/%2e%2e/content/2025-kh-61-son-tay.md", "/tre-em/..%2fcontent%2f2025-kh-61-son-tay.md",
                      "/tre-em/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/tre-em/van-ban%5c..%5c..%5cetc", "/tre-em/a%00b", "/tre-em/lien-ket-ra-ngoai/bi-mat.txt"])
    func nothingOutsideTheOutputIsServed(path: String) async throws {
        let (site, server, hub) = try await makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // A secret beside the output and a symlink inside the output pointing at it.
        try "bí mật".write(to: site.appendingPathComponent("bi-mat.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("public/lien-ket-ra-ngoai"), withDestinationURL: site)
        let app = Application(router: server.makeRouter(hub: hub))
        try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .forbidden || response.status == .notFound || response.status == .badRequest, "\(path) → \(response.status)")
                let body = String(buffer: response.body)
                #expect(!body.contains("bí mật") && !body.contains("KẾ HOẠCH") && !body.contains("root:"))
            }
        }
    }

    @Test func theEventStreamCarriesStateAndErrors() async throws {
        let hub = ReloadHub()
        let stream = await hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.contains("\"version\":0") == true)
        await hub.failed([Diagnostic(file: "content/a.md", line: 3, column: 7, message: "front matter is not valid YAML", fix: "sửa")])
        let failure = await iterator.next()
        #expect(failure?.contains("content/a.md:3:7") == true)
        await hub.succeeded()
        let recovered = await iterator.next()
        #expect(recovered?.contains("\"errors\":[]") == true)
        #expect(recovered?.contains("\"version\":1") == true)
    }

    @Test func aFailedRebuildKeepsServingTheLastGoodSite() async throws {
        let (site, server, hub) = try await makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let file = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        try ("---\ndate: không phải ngày\n---\n" + String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        guard case .failure(let failure) = await server.rebuild(hub: hub) else { Issue.record("a broken file built"); return }
        #expect(failure.diagnostics.first?.file == "content/2025-kh-61-son-tay.md")
        #expect(await hub.errors.count == 1)
        let app = Application(router: server.makeRouter(hub: hub))
        try await app.test(.router) { client in
            try await client.execute(uri: "/tre-em/van-ban/2025-kh-61-son-tay/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("61/KH-UBND"))
            }
        }
    }

    @Test func overARealSocket() async throws {
        let (site, server, hub) = try await makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let app = Application(router: server.makeRouter(hub: hub), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await client.execute(uri: "/tre-em/tong-dai-111/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("tel:111"))
            }
            // A malformed request path does not stop the server.
            try await client.execute(uri: "/tre-em/%zz%", method: .get) { response in
                #expect(response.status == .forbidden || response.status == .notFound || response.status == .badRequest)
            }
            try await client.execute(uri: "/tre-em/", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func theWatcherSeesEditsNewFilesAndDeletions() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tre-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("a.md")
        try "một".write(to: file, atomically: true, encoding: .utf8)
        let watcher = ContentWatcher(paths: [directory, directory.appendingPathComponent("site.yml")])
        let start = watcher.fingerprint()
        try "một hai".write(to: file, atomically: true, encoding: .utf8)
        let edited = watcher.fingerprint()
        #expect(edited != start)
        try "mới".write(to: directory.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let added = watcher.fingerprint()
        #expect(added != edited && added.count == 2)
        try FileManager.default.removeItem(at: file)
        #expect(watcher.fingerprint().count == 1)
    }

    @Test func theWatcherNamesTheFileSaved() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tre-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("sub/a.md")
        try "một".write(to: file, atomically: false, encoding: .utf8)
        let seen = AsyncStream<Set<String>>.makeStream()
        let watcher = ContentWatcher(paths: [directory.standardizedFileURL])
        let task = Task { await watcher.run { seen.continuation.yield($0) } }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(100))
        try "một hai".write(to: file, atomically: false, encoding: .utf8)
        var iterator = seen.stream.makeAsyncIterator()
        #expect(await iterator.next() == [file.standardizedFileURL.path])
        try FileManager.default.removeItem(at: file)
        #expect(await iterator.next() == [file.standardizedFileURL.path])
    }

    #if os(Linux)
    @Test func theKernelNamesWrittenFilesInWatchedFoldersOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tre-inotify-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("content"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = try #require(KernelEvents(watching: [directory.appendingPathComponent("content"), directory.appendingPathComponent("site.yml")]))
        // The kernel queues an event when the write returns: no waiting, no polling of every file.
        try "một".write(to: directory.appendingPathComponent("content/a.md"), atomically: false, encoding: .utf8)
        try "khác".write(to: directory.appendingPathComponent("ghi-chu.txt"), atomically: false, encoding: .utf8)
        try "title: x".write(to: directory.appendingPathComponent("site.yml"), atomically: false, encoding: .utf8)
        #expect(events.drain() == [directory.path + "/content/a.md", directory.path + "/site.yml"])
        // A folder made later is watched too.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("content/nam-2026"), withIntermediateDirectories: true)
        _ = events.drain()
        try "hai".write(to: directory.appendingPathComponent("content/nam-2026/b.md"), atomically: false, encoding: .utf8)
        #expect(events.drain() == [directory.path + "/content/nam-2026/b.md"])
        #expect(events.drain().isEmpty)
    }
    #endif

    @Test func aSavedDocumentIsOnThePageBeforeTheFullRebuild() async throws {
        var (site, server, hub) = try await makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        server.quickRenderThreshold = 0
        let version = await hub.version
        let file = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        try (String(contentsOf: file, encoding: .utf8) + "\nSửa nhanh.\n").write(to: file, atomically: true, encoding: .utf8)
        let pages = await server.quickRender([file.standardizedFileURL.path], hub: hub)
        #expect(pages == ["van-ban/2025-kh-61-son-tay/"])
        #expect(await hub.version == version + 1)
        let page = try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(page.contains("Sửa nhanh."))
        // Above the threshold (a small site rebuilds fully in less), a save waits for the full rebuild.
        server.quickRenderThreshold = 60
        #expect(await server.quickRender([file.standardizedFileURL.path], hub: hub).isEmpty)
    }

    @Test func staticFilesMapPathsAndTypes() throws {
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "/a/feed.xml")) == "application/atom+xml; charset=utf-8")
        #expect(StaticFiles.contentType(for: URL(fileURLWithPath: "/a/van-ban.json")) == "application/json; charset=utf-8")
        #expect(ReloadScript.inject(into: "<body>x</body>", basePath: "/", version: 3).hasSuffix("data-version=\"3\"></script></body>"))
    }
}
