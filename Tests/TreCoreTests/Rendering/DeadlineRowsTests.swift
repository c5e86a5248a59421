import Foundation
import Testing
@testable import TreCore

@Suite struct DeadlineRowsTests {
    /// Lists write each row as `{{{html}}}` (its partial rendered by Tre); a theme written before that still
    /// renders `{{> deadline-item}}` per row, and must get the same pages from the row's fields.
    @Test func aThemeThatRendersThePartialPerRowGetsTheSamePages() throws {
        let theme = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: theme) }
        try Fixtures.copyResolvingLinks(Fixtures.repository.appendingPathComponent("site-templates"), to: theme)
        for name in ["agency", "calendar-month"] {
            let url = theme.appendingPathComponent(name + ".mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains("{{{html}}}"))
            try text.replacingOccurrences(of: "{{{html}}}", with: "{{> deadline-item}}").write(to: url, atomically: true, encoding: .utf8)
        }
        let today = CalendarDate(year: 2025, month: 6, day: 1)
        func build(_ templates: URL?) throws -> URL {
            let output = try Fixtures.temporaryDirectory().appendingPathComponent("public")
            _ = try SiteBuilder(options: .init(source: Fixtures.repository, output: output, templates: templates, today: today)).build()
            return output
        }
        let rows = try build(nil), partials = try build(theme)
        defer { for url in [rows, partials] { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) } }
        let agencies = try FileManager.default.contentsOfDirectory(atPath: rows.appendingPathComponent("co-quan").path).filter { !$0.contains(".") }
        #expect(agencies.count > 3)
        for path in ["lich/"] + agencies.map({ "co-quan/\($0)/" }) {
            let expected = try String(contentsOf: rows.appendingPathComponent(path + "index.html"), encoding: .utf8)
            let actual = try String(contentsOf: partials.appendingPathComponent(path + "index.html"), encoding: .utf8)
            #expect(actual == expected, "\(path)")
        }
        let calendar = try String(contentsOf: rows.appendingPathComponent("lich/index.html"), encoding: .utf8)
        #expect(calendar.contains("class=\"han\""))
    }
}

@Suite struct DeadlineRowLookupTests {
    /// A row is found from its calendar entry wherever a page lists it: its id and digest are
    /// those of that entry's own.
    @Test func everyEntryFindsItsOwnRow() throws {
        let built = try Fixtures.sampleModel(on: CalendarDate(year: 2025, month: 6, day: 1))
        let common = CommonViewModel(site: built.site)
        let rows = DeadlineRows(common: common, templates: built.templates)
        let source = DeadlineRow.Source(common: common, templates: built.templates)
        #expect(built.site.calendar.count > 5)
        var digests = Set<UInt64>()
        for (position, entry) in built.site.calendar.enumerated() {
            let row = try #require(rows[entry])
            #expect(row.id == "han-\(entry.slug)-\(entry.index + 1)")
            #expect(row.digest == ContextDigest.of(template: "deadline-item", digest: DeadlineItem.digest(of: entry, common: common), within: source.sharedDigest))
            #expect(source.item(position).id == row.id)
            digests.insert(row.digest)
        }
        #expect(digests.count == built.site.calendar.count)
        for (slug, entries) in built.site.calendarBySlug {
            for entry in entries { #expect(rows[entry]?.id == "han-\(slug)-\(entry.index + 1)") }
        }
    }
}

@Suite struct RenderedRowsTests {
    /// A row is kept only while a page expected to list it has not been written, and let go after the last.
    @Test func aRowIsKeptUntilTheLastPageThatListsItIsDone() {
        let rendered = RenderedRows(count: 4)
        rendered.keep([1], at: 0)
        #expect(rendered[0] == nil, "no page expects it: not kept")
        rendered.expect([[0, 1], [1, 2], [1]])
        rendered.keep([10], at: 0)
        rendered.keep([11], at: 1)
        rendered.keep([13], at: 3)
        #expect(rendered[0] == [10] && rendered[1] == [11] && rendered[3] == nil)
        rendered.done(with: [0, 1])
        #expect(rendered[0] == nil, "its only page is done")
        #expect(rendered[1] == [11])
        rendered.done(with: [1, 2])
        #expect(rendered[1] == [11])
        rendered.done(with: [1])
        #expect(rendered[1] == nil)
        rendered.keep([12], at: 2)
        #expect(rendered[2] == nil, "kept after its last page was done: let go at once")
        rendered.done(with: [1, 2])
        #expect(rendered[1] == nil && rendered[2] == nil)
    }

    /// Month and agency pages written in one pass list every deadline, and no rendered row is held once they are written.
    @Test func afterTheListingsNoRowIsHeld() throws {
        let site = try DeadlineItemTests.site(on: try #require(CalendarDate(year: 2025, month: 6, day: 1)))
        let common = CommonViewModel(site: site)
        let templates = try TemplateLibrary(directory: Fixtures.repository.appendingPathComponent("site-templates"), displayPath: "site-templates")
        let rows = DeadlineRows(common: common, templates: templates)
        let calendar = CalendarViewModel(common: common, months: CalendarMonths(calendar: site.calendar, today: site.today), rows: rows)
        let output = MemoryOutput()
        let listings = try SiteRenderer(site: site, templates: templates).renderListings(calendar, rows: rows, common: common, into: output)
        #expect(listings.months.count == calendar.months.all.count && listings.agencies.count >= site.agencies.count)
        #expect(rows.heldCount == 0)
        var listed: [String: Int] = [:]
        for path in listings.months + listings.agencies {
            let page = try #require(output.text(path + "index.html"))
            for piece in page.components(separatedBy: "<li class=\"han\" id=\"").dropFirst() { listed[String(piece.prefix { $0 != "\"" }), default: 0] += 1 }
        }
        #expect(Set(listed.keys) == Set(site.calendar.map(CommonViewModel.rowID)))
        #expect(listed.values.contains { $0 > 1 }, "a row is listed on its month page and its agencies' pages")
    }
}
