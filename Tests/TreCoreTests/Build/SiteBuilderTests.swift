import Foundation
import Testing
@testable import TreCore

@Suite("tre build, end to end")
struct SiteBuilderTests {
    /// A copy of the repository's sample site in a temporary folder.
    func sampleSite() throws -> URL {
        let site = try Fixtures.temporaryDirectory()
        try Fixtures.copyResolvingLinks(Fixtures.content, to: site.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("site.yml"), to: site.appendingPathComponent("site.yml"))
        return site
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func buildsTheSamplePortal() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let report = try SiteBuilder(options: .init(source: site, output: output, baseURL: "https://example.gov.vn/tre-em/",
                                                    today: CalendarDate(year: 2025, month: 5, day: 1))).build()
        #expect(report.documents == 5)
        let home = try read(output.appendingPathComponent("index.html"))
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("<meta charset=\"utf-8\">"))
        #expect(home.contains("name=\"viewport\""))
        #expect(home.contains("href=\"tel:111\""))
        #expect(home.contains("/tre-em/van-ban/2025-kh-61-son-tay/"))
        let plan = try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html"))
        #expect(plan.contains("61/KH-UBND"))
        #expect(plan.contains("Ủy ban nhân dân huyện Sơn Tây"))
        #expect(plan.contains("04/04/2025"))
        #expect(plan.contains("Triển khai thực hiện công tác trẻ em trên địa bàn huyện năm 2025"))
        #expect(plan.contains("href=\"tel:111\""))
        let hotline = try read(output.appendingPathComponent("tong-dai-111/index.html"))
        #expect(hotline.contains("tel:111"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/site.css").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("data/van-ban.json").path))
        // No staging folders are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("tre-staging") || $0.contains("tre-old") }
        #expect(leftovers.isEmpty)
    }

    @Test func aFailedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let options = SiteBuilder.Options(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1))
        _ = try SiteBuilder(options: options).build()
        let before = try snapshot(output)

        let broken = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        try ("---\ntitle: [không đóng\n---\n" + read(broken)).write(to: broken, atomically: true, encoding: .utf8)
        let other = site.appendingPathComponent("content/2022-kh-ia-hdrai.md")
        try ("---\ndate: 2022-13-01\n---\n" + read(other)).write(to: other, atomically: true, encoding: .utf8)

        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        let files = Set(failure?.diagnostics.map(\.file) ?? [])
        #expect(files == ["content/2025-kh-61-son-tay.md", "content/2022-kh-ia-hdrai.md"])
        #expect(failure?.diagnostics.allSatisfy { $0.line != nil && $0.fix != nil } == true)
        #expect(try snapshot(output) == before)
    }

    @Test func aRebuildWithNothingChangedKeepsTheOutputAndAChangeRebuilds() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let options = SiteBuilder.Options(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1))
        #expect(try SiteBuilder(options: options).build().unchanged == false)
        let before = try snapshot(output)
        #expect(try SiteBuilder(options: options).build().unchanged == true)
        #expect(try snapshot(output) == before)
        let file = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        // Touched but not changed: the sizes and times differ, the bytes do not.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file.path)
        #expect(try SiteBuilder(options: options).build().unchanged == true)
        // One byte changed, the size the same: the bytes tell.
        var bytes = Array(try Data(contentsOf: file))
        let letter = try #require(bytes.lastIndex(of: UInt8(ascii: "a")))
        bytes[letter] = UInt8(ascii: "e")
        try Data(bytes).write(to: file)
        #expect(try SiteBuilder(options: options).build().unchanged == false)
        #expect(try SiteBuilder(options: options).build().unchanged == true)
        // The site's own theme, then a change to it, rebuilds.
        try Fixtures.copyResolvingLinks(Fixtures.repository.appendingPathComponent("site-templates"), to: site.appendingPathComponent("site-templates"))
        #expect(try SiteBuilder(options: options).build().unchanged == false)
        #expect(try SiteBuilder(options: options).build().unchanged == true)
        let css = site.appendingPathComponent("site-templates/assets/site.css")
        try (read(css) + "\n/* sửa */\n").write(to: css, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder(options: options).build().unchanged == false)
        #expect(try read(output.appendingPathComponent("assets/site.css")).contains("/* sửa */"))
        try (read(file) + "\nMột đoạn mới.\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder(options: options).build().unchanged == false)
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")).contains("Một đoạn mới."))
        var forced = options
        forced.force = true
        #expect(try SiteBuilder(options: forced).build().unchanged == false)
    }

    @Test func aCacheReusesUnchangedDocumentsAndRereadsChangedOnes() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let cache = DocumentCache()
        var options = SiteBuilder.Options(source: site, output: site.appendingPathComponent("public"), today: CalendarDate(year: 2025, month: 5, day: 1))
        options.force = true
        _ = try SiteBuilder(options: options, cache: cache).build()
        let plan = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        let file = try #require(SourceFile.parse(text: read(plan), path: "content/2025-kh-61-son-tay.md").0)
        #expect(cache.document(for: file, basePath: "/", allowUnsafeHTML: false) != nil)
        try (read(plan) + "\nĐoạn thêm.\n").write(to: plan, atomically: true, encoding: .utf8)
        let changed = try #require(SourceFile.parse(text: read(plan), path: "content/2025-kh-61-son-tay.md").0)
        #expect(cache.document(for: changed, basePath: "/", allowUnsafeHTML: false) == nil)
        _ = try SiteBuilder(options: options, cache: cache).build()
        #expect(try cache.document(for: changed, basePath: "/", allowUnsafeHTML: false)?.texts.contents().body.html.contains("Đoạn thêm.") == true)
        #expect(try read(site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html")).contains("Đoạn thêm."))
    }

    @Test func aOneShotBuildHoldsNoTextAndReadsEachFileAgainForItsPage() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let today = CalendarDate(year: 2025, month: 5, day: 1)
        let kept = try SiteBuilder(options: .init(source: site, output: site.appendingPathComponent("kept"), today: today), cache: DocumentCache()).build()
        let reread = try SiteBuilder(options: .init(source: site, output: site.appendingPathComponent("reread"), today: today)).build()
        let keptDocuments = try #require(kept.built?.site.documents)
        let rereadDocuments = try #require(reread.built?.site.documents)
        #expect(!keptDocuments.isEmpty && keptDocuments.allSatisfy { !$0.texts.readsFile && $0.texts.keepsBody })
        #expect(rereadDocuments.count == keptDocuments.count && rereadDocuments.allSatisfy { $0.texts.readsFile && !$0.texts.keepsBody })
        for (held, read) in zip(keptDocuments, rereadDocuments) {
            let (heldContents, readContents) = (try held.texts.contents(), try read.texts.contents())
            #expect(readContents.source == heldContents.source && readContents.body.html == heldContents.body.html, "\(read.source)")
        }
        // Every page, search fragment and source file is the same as when the texts are kept.
        #expect(try snapshot(site.appendingPathComponent("kept")) == snapshot(site.appendingPathComponent("reread")))
    }

    /// A file saved between the build's reading it and writing its page does not reach this build: its
    /// source text was written and its body stored while it was read, so the page, the source text and
    /// the facts are all of the text read, and no file is read a second time. The next build reads the saved text.
    @Test func aFileSavedDuringTheBuildWaitsForTheNextBuild() throws {
        var (site, options, before) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = options.output
        let plan = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        let original = try read(plan)
        // Another file taken away altogether: a build that read it again would fail.
        let other = site.appendingPathComponent("content/2025-cv-lai-chau-nhiem-vu-tre-em.md")
        let otherText = try read(other)
        _ = try SiteBuilder(options: options).build { step in
            guard step.hasPrefix("rendering") else { return }
            try? (original + "\nLưu giữa chừng.\n").write(to: plan, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: other)
        }
        #expect(try snapshot(output) == before)
        try otherText.write(to: other, atomically: true, encoding: .utf8)
        options.force = false
        _ = try SiteBuilder(options: options).build()
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/van-ban.txt")).contains("Lưu giữa chừng."))
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")).contains("Lưu giữa chừng."))
    }

    /// A draft is understood like any file but has no page, no source text and no place in the lists.
    @Test func aDraftWritesNothing() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let plan = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        try ("---\ndraft: true\n---\n" + read(plan)).write(to: plan, atomically: true, encoding: .utf8)
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: SiteBuilder.Options(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1))).build()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("van-ban/2025-kh-61-son-tay").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("van-ban/2025-cv-lai-chau-nhiem-vu-tre-em/van-ban.txt").path))
        #expect(try !read(output.appendingPathComponent("sitemap.xml")).contains("2025-kh-61-son-tay"))
    }

    /// When the facts store has lost a body, the page needs its file again; a file changed since it was
    /// understood would put a page of the new text beside facts of the old one: the build stops, names
    /// the file and keeps the last output.
    @Test func aChangedFileWhoseBodyIsGoneFailsTheBuildAndKeepsThePreviousOutput() throws {
        let (site, options, before) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = options.output
        let plan = site.appendingPathComponent("content/2025-kh-61-son-tay.md")
        let original = try read(plan)
        let store = site.appendingPathComponent(".tre-cache")
        do {
            _ = try SiteBuilder(options: options).build { step in
                guard step.hasPrefix("rendering") else { return }
                try? (original + "\nLưu lần nữa.\n").write(to: plan, atomically: true, encoding: .utf8)
                let bodies = FileManager.default.enumerator(atPath: store.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".body") } ?? []
                for body in bodies { try? FileManager.default.removeItem(at: store.appendingPathComponent(body)) }
            }
            Issue.record("a build whose file changed under it succeeded")
        } catch {
            #expect(error.diagnostics.map(\.file) == ["content/2025-kh-61-son-tay.md"])
            #expect(error.diagnostics.first?.message.contains("changed while the site was being built") == true)
        }
        #expect(try snapshot(output) == before)
        // The next build reads the saved text throughout.
        _ = try SiteBuilder(options: options).build()
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/van-ban.txt")).contains("Lưu lần nữa."))
    }

    @Test func refusesToReplaceAFolderThatIsNotOutput() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: .init(source: site, output: site)).build() }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path))
    }

    @Test func duplicateSlugsAreReported() throws {
        let site = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "---\nslug: trung\n---\nA\n".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        try "---\nslug: trung\n---\nB\n".write(to: site.appendingPathComponent("content/b.md"), atomically: true, encoding: .utf8)
        let failure = #expect(throws: BuildFailure.self) { try SiteBuilder(options: .init(source: site, output: site.appendingPathComponent("public"))).build() }
        #expect(failure?.diagnostics.first?.file == "content/b.md")
    }

    /// Every file's path and bytes.
    /// The sample site built once, its output's files, and options for building it again with `--force`.
    func builtSample() throws -> (site: URL, options: SiteBuilder.Options, before: [String: Data]) {
        let site = try sampleSite()
        var options = SiteBuilder.Options(source: site, output: site.appendingPathComponent("public"), today: CalendarDate(year: 2025, month: 5, day: 1))
        _ = try SiteBuilder(options: options).build()
        let before = try snapshot(options.output)
        options.force = true
        return (site, options, before)
    }

    func snapshot(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = directory.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)! {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url) }
        }
        return result
    }
}
