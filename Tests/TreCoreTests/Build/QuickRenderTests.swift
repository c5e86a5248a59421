import Foundation
import Testing
@testable import TreCore

@Suite("tre serve's quick re-render of a saved document")
struct QuickRenderTests {
    let plan = "content/2025-kh-61-son-tay.md"

    /// The sample site built once, with the model the build kept.
    func builtSample() throws -> (site: URL, output: URL, built: BuiltSite) {
        let site = try Fixtures.temporaryDirectory()
        try Fixtures.copyResolvingLinks(Fixtures.content, to: site.appendingPathComponent("content"))
        let output = site.appendingPathComponent("public")
        let report = try SiteBuilder(options: .init(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1))).build()
        return (site, output, try #require(report.built))
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    func edit(_ site: URL, _ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        try change(read(url)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func rewritesOnlyTheSavedDocumentsOwnFiles() throws {
        let (site, output, built) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        let calendarBefore = try Data(contentsOf: output.appendingPathComponent("lich/index.html"))
        try edit(site, plan) { $0 + "\nMột đoạn vừa thêm.\n" }
        let result = try #require(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil))
        #expect(result.pages == ["van-ban/2025-kh-61-son-tay/"])
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")).contains("Một đoạn vừa thêm."))
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/van-ban.txt")).contains("Một đoạn vừa thêm."))
        #expect(try Data(contentsOf: output.appendingPathComponent("lich/index.html")) == calendarBefore)
        #expect(try result.built.site.document(slug: "2025-kh-61-son-tay")?.texts.contents().source.contains("Một đoạn vừa thêm.") == true)
    }

    @Test func theSavedPageIsWhatAFullBuildWouldWrite() throws {
        let (site, output, built) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        try edit(site, plan) { $0.replacingOccurrences(of: "năm 2025", with: "năm 2025 (sửa)") }
        _ = try #require(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil))
        let quick = try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html"))
        var options = SiteBuilder.Options(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1))
        options.force = true
        _ = try SiteBuilder(options: options).build()
        #expect(try read(output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")) == quick)
    }

    @Test func leavesToTheFullBuildWhatItCannotDoAlone() throws {
        let (site, output, built) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        // A new file, a template, a file that no longer parses, a document that moves to another URL.
        try "# Mới\n".write(to: site.appendingPathComponent("content/moi.md"), atomically: true, encoding: .utf8)
        #expect(QuickRender.apply(changed: ["content/moi.md"], to: built, source: site, output: output, cache: nil) == nil)
        #expect(QuickRender.apply(changed: ["site-templates/base.mustache"], to: built, source: site, output: output, cache: nil) == nil)
        #expect(QuickRender.apply(changed: ["site.yml"], to: built, source: site, output: output, cache: nil) == nil)
        let original = try read(site.appendingPathComponent(plan))
        try edit(site, plan) { "---\ntitle: [không đóng\n---\n" + $0 }
        #expect(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil) == nil)
        try ("---\nslug: dia-chi-khac\n---\n" + original).write(to: site.appendingPathComponent(plan), atomically: true, encoding: .utf8)
        #expect(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil) == nil)
        try ("---\ndraft: true\n---\n" + original).write(to: site.appendingPathComponent(plan), atomically: true, encoding: .utf8)
        #expect(QuickRender.apply(changed: [plan], to: built, source: site, output: output, cache: nil) == nil)
    }

    @Test func aBuildOvertakenByASaveIsNotSwappedIn() throws {
        let (site, output, _) = try builtSample()
        defer { try? FileManager.default.removeItem(at: site) }
        let before = try Data(contentsOf: output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html"))
        try edit(site, plan) { $0 + "\nĐoạn mới.\n" }
        var builder = SiteBuilder(options: .init(source: site, output: output, today: CalendarDate(year: 2025, month: 5, day: 1)))
        builder.isStale = { true }
        let report = try builder.build()
        #expect(report.superseded && report.built == nil)
        #expect(try Data(contentsOf: output.appendingPathComponent("van-ban/2025-kh-61-son-tay/index.html")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("tre-staging") }
        #expect(leftovers.isEmpty)
    }
}
