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
    /// those of that entry's own view model.
    @Test func everyEntryFindsItsOwnRow() throws {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let built = try SiteBuilder(options: .init(source: Fixtures.repository, output: output, today: CalendarDate(year: 2025, month: 6, day: 1))).model()
        let common = CommonViewModel(site: built.site)
        let rows = DeadlineRows(common: common, templates: built.templates)
        let source = DeadlineRow.Source(common: common, templates: built.templates)
        #expect(built.site.calendar.count > 5)
        var digests = Set<UInt64>()
        for (position, entry) in built.site.calendar.enumerated() {
            let row = try #require(rows[entry])
            #expect(row.id == "han-\(entry.slug)-\(entry.index + 1)")
            #expect(row.digest == ContextDigest.of(template: "deadline-item", source.item(position), within: source.sharedDigest))
            digests.insert(row.digest)
        }
        #expect(digests.count == built.site.calendar.count)
        for (slug, entries) in built.site.calendarBySlug {
            for entry in entries { #expect(rows[entry]?.id == "han-\(slug)-\(entry.index + 1)") }
        }
    }
}
