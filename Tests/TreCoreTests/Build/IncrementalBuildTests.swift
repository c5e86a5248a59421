import Foundation
import Testing
@testable import TreCore

@Suite("tre build after an edit: facts read back, unchanged files kept")
struct IncrementalBuildTests {
    let plan = "content/2025-kh-61-son-tay.md"
    let today = CalendarDate(year: 2025, month: 5, day: 1)

    func sampleSite() throws -> URL {
        let site = try Fixtures.temporaryDirectory()
        try Fixtures.copyResolvingLinks(Fixtures.content, to: site.appendingPathComponent("content"))
        return site
    }

    func options(_ site: URL, _ output: String, force: Bool = false) -> SiteBuilder.Options {
        var options = SiteBuilder.Options(source: site, output: site.appendingPathComponent(output), today: today)
        options.force = force
        return options
    }

    func append(_ text: String, to path: String, in site: URL) throws {
        let url = site.appendingPathComponent(path)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    /// The output after edits is byte for byte what a cold build of the same site writes (`--force`, to another folder).
    func expectWhatAColdBuildWrites(_ site: URL, _ output: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        _ = try SiteBuilder(options: options(site, "cold", force: true)).build()
        let snapshot = SiteBuilderTests().snapshot
        #expect(try snapshot(output) == snapshot(site.appendingPathComponent("cold")), sourceLocation: sourceLocation)
    }

    func inode(_ url: URL) throws -> UInt64 {
        try #require(OutputDigests.inode(of: url))
    }

    @Test func anEditedDocumentRebuildsToExactlyWhatAColdBuildWrites() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let first = try SiteBuilder(options: options(site, "public")).build()
        #expect(first.kept == 0)
        let hotlinePage = output.appendingPathComponent("tong-dai-111/index.html")
        let hotlineBefore = try inode(hotlinePage)

        try append("\nPhòng Y tế báo cáo kết quả trước ngày 30/6/2025.\n", to: plan, in: site)
        let second = try SiteBuilder(options: options(site, "public")).build()
        #expect(second.kept > 0 && second.kept < second.files)
        // A page made from the same inputs is the same file, not a copy written again.
        #expect(try inode(hotlinePage) == hotlineBefore)
        let planPage = try String(contentsOf: output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(planPage.contains("30/06/2025"))

        try expectWhatAColdBuildWrites(site, output)
    }

    /// A fix in a document's words that leaves its deadlines alone keeps the calendars, the open data
    /// and the assets (written whole, not from a digest) as the files they were: an upload tool that
    /// syncs by time does not send the site's calendar again for a typo.
    @Test func anEditLeavingTheDeadlinesAloneKeepsTheCalendarsAndTheOpenData() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: options(site, "public")).build()
        let kept = ["lich/han-chot.ics", "data/van-ban.json", "assets/site.css"]
        let agencyCalendars = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("co-quan").path)
            .map { "co-quan/\($0)/han-chot.ics" }.filter { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) }
        #expect(agencyCalendars.count > 3)
        let before = try (kept + agencyCalendars).map { try inode(output.appendingPathComponent($0)) }

        let url = site.appendingPathComponent(plan)
        let text = try String(contentsOf: url, encoding: .utf8)
        // Words changed inside a paragraph (a paragraph added before the deadlines would move their anchors, `#doan-<n>`, which the events link to).
        let words = "nhằm nâng cao hiệu quả quản lý"
        #expect(text.contains(words))
        try text.replacingOccurrences(of: words, with: "nhằm nâng cao hơn nữa hiệu quả quản lý").write(to: url, atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: options(site, "public")).build()
        #expect(try String(contentsOf: output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
            .contains("nâng cao hơn nữa"))
        #expect(try (kept + agencyCalendars).map { try inode(output.appendingPathComponent($0)) } == before)

        // A new deadline: the site's calendar is made anew, with it.
        try append("\nPhòng Y tế báo cáo kết quả trước ngày 30/6/2025.\n", to: plan, in: site)
        _ = try SiteBuilder(options: options(site, "public")).build()
        #expect(try inode(output.appendingPathComponent("lich/han-chot.ics")) != before[0])
        #expect(try inode(output.appendingPathComponent("assets/site.css")) == before[2])
        try expectWhatAColdBuildWrites(site, output)
    }

    /// A build on the next day writes again only the files a day changes (deadline status, "tính đến ngày"):
    /// every other file, every `.ics` and `feed.xml` among them, is the file it was, as for an upload tool
    /// that syncs by time; a page whose template never shows the day, or whose deadlines are past, is kept.
    @Test func aBuildOnTheNextDayWritesOnlyTheFilesWhoseBytesChange() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: options(site, "public")).build()
        let snapshot = SiteBuilderTests().snapshot
        let bytes = try snapshot(output)
        let inodes = try bytes.keys.reduce(into: [String: UInt64]()) { $0[$1] = try inode(output.appendingPathComponent($1)) }
        #expect(inodes.keys.filter { $0.hasSuffix(".ics") }.count > 20)

        var nextDay = options(site, "public")
        nextDay.today = CalendarDate(year: 2025, month: 5, day: 2)
        let report = try SiteBuilder(options: nextDay).build()
        #expect(report.kept < report.files)
        let after = try snapshot(output)
        #expect(Set(after.keys) == Set(bytes.keys))
        let rewritten = try Set(after.keys.filter { try inode(output.appendingPathComponent($0)) != inodes[$0] })
        let changed = Set(after.keys.filter { after[$0] != bytes[$0] })
        #expect(rewritten == changed)
        #expect(changed.contains("/index.html") && changed.contains("/lich/index.html"))
        #expect(!rewritten.contains { $0.hasSuffix(".ics") } && !rewritten.contains("/feed.xml") && !rewritten.contains("/404.html"))
        var cold = options(site, "cold", force: true)
        cold.today = nextDay.today
        _ = try SiteBuilder(options: cold).build()
        #expect(try snapshot(site.appendingPathComponent("cold")) == after)
    }

    /// A new document, the newest, takes the next number in the search index: every other document's
    /// fragment is the file it was, and a shard changes only when the new document has its syllable.
    @Test func aNewestDocumentLeavesTheOtherSearchFragmentsAlone() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let fm = FileManager.default
        _ = try SiteBuilder(options: options(site, "public")).build()
        func files(_ folder: String) throws -> [String: UInt64] {
            let url = output.appendingPathComponent("tim-kiem/" + folder)
            return try Dictionary(uniqueKeysWithValues: fm.contentsOfDirectory(atPath: url.path).map { ($0, try inode(url.appendingPathComponent($0))) })
        }
        let fragments = try files("f"), shards = try files("chi-muc")

        try "Số: 7/KH-UBND\n\nSơn Tây, ngày 10 tháng 1 năm 2026\n\n## KẾ HOẠCH\n\n### Phòng, chống đuối nước cho trẻ em năm 2026\n\nPhòng Y tế báo cáo kết quả trước ngày 30/6/2026.\n"
            .write(to: site.appendingPathComponent("content/2026-kh-7-son-tay.md"), atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: options(site, "public")).build()
        let fragmentsAfter = try files("f"), shardsAfter = try files("chi-muc")
        #expect(fragmentsAfter.count == fragments.count + 1)
        #expect(fragments.allSatisfy { fragmentsAfter[$0.key] == $0.value })
        let newest = try String(contentsOf: output.appendingPathComponent("tim-kiem/f/\(fragments.count).json"), encoding: .utf8)
        #expect(newest.contains("đuối nước cho trẻ em năm 2026"))
        let changed = shards.filter { shardsAfter[$0.key] != $0.value }.map(\.key)
        #expect(changed.contains("duoi.json") && !changed.isEmpty && changed.count < shards.count / 4, "\(changed.count) of \(shards.count)")

        try expectWhatAColdBuildWrites(site, output)
    }

    @Test func aChangedTemplateRendersEveryPageAgain() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let templates = site.appendingPathComponent("site-templates")
        try FileManager.default.copyItem(at: try #require(TemplateLibrary.defaultThemeDirectory), to: templates)
        _ = try SiteBuilder(options: options(site, "public")).build()

        let footer = templates.appendingPathComponent("footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<p>Chân trang mới</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        let report = try SiteBuilder(options: options(site, "public")).build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.appendingPathComponent("public").path).filter { $0.hasSuffix("index.html") }
        #expect(!pages.isEmpty)
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent("public/" + page), encoding: .utf8)
            #expect(html.contains("Chân trang mới"), "\(page) was kept from before the template changed")
        }
        #expect(report.kept < report.files - pages.count)
    }

    @Test func forceMakesEveryFileAgain() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try SiteBuilder(options: options(site, "public")).build()
        try append("\nMột đoạn mới.\n", to: plan, in: site)
        #expect(try SiteBuilder(options: options(site, "public", force: true)).build().kept == 0)
    }

    @Test func aFolderPutInPlaceOfTheOutputIsNotTrusted() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: options(site, "public")).build()
        // Someone replaces the output with a copy whose pages were edited by hand.
        let copy = site.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: output, to: copy)
        let home = copy.appendingPathComponent("index.html")
        try "sửa tay".write(to: home, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: output)
        try FileManager.default.moveItem(at: copy, to: output)

        try append("\nMột đoạn mới.\n", to: plan, in: site)
        let report = try SiteBuilder(options: options(site, "public")).build()
        #expect(report.kept == 0)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) != "sửa tay")
    }

    @Test func storedFactsAreReadBackInsteadOfExtracted() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let text = try #require(SourceFile.parse(text: String(contentsOf: site.appendingPathComponent(plan), encoding: .utf8), path: plan).0).raw
        // Plant facts for the plan's exact text: the build must show them, which it can only do by reading the store.
        let analyzed = DocumentAnalyzer().analyze(markdown: text)
        var planted = analyzed.facts
        planted.subject = "Chủ đề chỉ có trong kho"
        FactsStore(site: site).store(StoredDocument(facts: planted, header: analyzed.header, repaired: analyzed.wasRepaired), forKey: FactsStore.key(forText: text))

        _ = try SiteBuilder(options: options(site, "public")).build()
        let page = try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(page.contains("Chủ đề chỉ có trong kho"))

        // Once the text changes, the planted entry no longer matches and is removed.
        try append("\nMột đoạn mới.\n", to: plan, in: site)
        let store = FactsStore(site: site)
        let before = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
        #expect(before.contains(FactsStore.key(forText: text)))
        _ = try SiteBuilder(options: options(site, "public")).build()
        let after = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
        #expect(!after.contains(FactsStore.key(forText: text)))
        #expect(after.count == before.count)
        #expect(!(try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8))
            .contains("Chủ đề chỉ có trong kho"))
    }

    /// A page kept from the last build is kept without its file being read or its body rendered:
    /// its search entry takes the body's plain text from the store, beside the facts.
    @Test func aKeptPageTakesItsSearchTextFromTheStore() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let other = "content/2022-kh-ia-hdrai.md"
        let first = try #require(try SiteBuilder(options: options(site, "public")).build().built)
        func bodyEntry(_ path: String, in built: BuiltSite) throws -> URL {
            let document = try #require((built.site.documents + built.site.pages).first { $0.source == path })
            return FactsStore(site: site).directory.appendingPathComponent(FactsStore.bodyName(document.texts.bodyDigest))
        }
        let kept = try bodyEntry(plan, in: first)
        var body = try #require(DocumentAnalyzer.Body(encoded: [UInt8](Data(contentsOf: kept))))
        #expect(body.plainText.contains("Tháng hành động vì trẻ em"))
        body.plainText += "\nchuỗi chỉ có trong kho"
        try Data(body.encoded).write(to: kept)
        let otherBefore = try bodyEntry(other, in: first)

        try append("\nMột đoạn mới.\n", to: other, in: site)
        let second = try SiteBuilder(options: options(site, "public")).build()
        #expect(second.kept > 0)
        let fragments = site.appendingPathComponent("public/tim-kiem/f")
        let texts = try FileManager.default.contentsOfDirectory(atPath: fragments.path).map {
            try String(contentsOf: fragments.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(texts.contains { $0.contains("chuỗi chỉ có trong kho") })
        // The edited file's old body is gone from the store; its new one is there, rendered while it was understood.
        let names = try FileManager.default.contentsOfDirectory(atPath: FactsStore(site: site).directory.path)
        let rebuilt = try #require(second.built)
        let otherAfter = try bodyEntry(other, in: rebuilt)
        #expect(names.contains(otherAfter.lastPathComponent) && !names.contains(otherBefore.lastPathComponent))
        let stored = try #require(DocumentAnalyzer.Body(encoded: [UInt8](Data(contentsOf: otherAfter))))
        #expect(stored.plainText.hasSuffix("Một đoạn mới."))
        // One body for each document and page, no more: the ones no file has any more are removed.
        #expect(names.filter { $0.hasSuffix(".body") }.count == rebuilt.site.documents.count + rebuilt.site.pages.count)
    }

    /// A page written in a one-shot build takes its body from the store, where understanding the file
    /// put it, and does not render it again: an entry changed in between shows on the page.
    @Test func aWrittenPageTakesItsBodyFromTheStore() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let built = try #require(try SiteBuilder(options: options(site, "public")).build().built)
        let document = try #require(built.site.documents.first { $0.source == plan })
        let entry = FactsStore(site: site).directory.appendingPathComponent(FactsStore.bodyName(document.texts.bodyDigest))
        var body = try #require(DocumentAnalyzer.Body(encoded: [UInt8](Data(contentsOf: entry))))
        let page = try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(page.contains(body.html))
        body.htmlUTF8 += Array("<p>Đoạn chỉ có trong kho.</p>\n".utf8)
        try Data(body.encoded).write(to: entry)
        // A template change makes every page again; the facts and bodies are still the store's.
        let templates = site.appendingPathComponent("site-templates")
        try Fixtures.copyResolvingLinks(Fixtures.repository.appendingPathComponent("site-templates"), to: templates)
        let footer = templates.appendingPathComponent("base.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "\n").write(to: footer, atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: options(site, "public")).build()
        let again = try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(again.contains("Đoạn chỉ có trong kho."))
        // Without the entry the body is rendered from the file again, and stored.
        try FileManager.default.removeItem(at: entry)
        try (String(contentsOf: footer, encoding: .utf8) + "\n").write(to: footer, atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: options(site, "public")).build()
        let rendered = try String(contentsOf: site.appendingPathComponent("public/van-ban/2025-kh-61-son-tay/index.html"), encoding: .utf8)
        #expect(!rendered.contains("Đoạn chỉ có trong kho.") && rendered.contains(String(body.html.prefix(200))))
        #expect(FileManager.default.fileExists(atPath: entry.path))
    }

    @Test func aQuickRenderedPageIsNotTakenForTheLastBuildsPage() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let built = try #require(try SiteBuilder(options: options(site, "public")).build().built)
        let page = output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")
        let original = try Data(contentsOf: page)
        let url = site.appendingPathComponent(plan)
        let saved = try Data(contentsOf: url)

        // tre serve: a save is rendered in place, then undone before the full build.
        try append("\nMột đoạn lưu tạm.\n", to: plan, in: site)
        _ = try #require(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil))
        #expect(try Data(contentsOf: page) != original)
        try saved.write(to: url)
        let report = try SiteBuilder(options: options(site, "public")).build()
        #expect(try Data(contentsOf: page) == original)
        // Only the saved document's files were written in place; every other file is still kept.
        #expect(report.kept > 0)
    }
}
