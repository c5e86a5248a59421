import Foundation
import Testing
@testable import TreCore

@Suite struct DeadlineItemTests {
    /// The sample site's model on `today`.
    static func site(on today: CalendarDate) throws -> Site {
        let output = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        return try SiteBuilder(options: .init(source: Fixtures.repository, output: output, today: today)).model().site
    }

    static func text(_ value: TemplateValue?) -> String? {
        if case .text(let text)? = value { return text }
        return nil
    }

    static func flag(_ value: TemplateValue?) -> Bool? {
        if case .bool(let flag)? = value { return flag }
        return nil
    }

    @Test func everyFieldIsThereAndTheDocumentOnlyWhenListed() throws {
        let site = try Self.site(on: try #require(CalendarDate(year: 2025, month: 6, day: 1)))
        let common = CommonViewModel(site: site)
        let entry = try #require(site.calendar.first { !$0.deadline.owners.isEmpty })
        let listed = DeadlineItem(entry, common: common)
        for name in DeadlineItem.names { #expect(listed.value(named: name) != nil, "\(name)") }
        #expect(listed.value(named: "title") == nil, "a name the row lacks is looked up further out")
        let own = DeadlineItem(entry, common: common, withDocument: false)
        for name in ["documentTitle", "documentIdentity", "documentHref"] { #expect(own.value(named: name) == nil) }
        #expect(Self.text(listed.value(named: "documentTitle")) == site.label(slug: entry.slug)?.title)
        #expect(Self.text(listed.value(named: "dateText")) == entry.deadline.date.vietnamese)
        #expect(Self.text(listed.value(named: "owners")) == entry.deadline.owners.joined(separator: "; "))
        #expect(Self.flag(listed.value(named: "hasOwners")) == true)
        #expect(Self.text(listed.value(named: "icsHref")) == "/van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics")
        #expect(Self.text(listed.value(named: "href"))?.hasSuffix("#" + entry.deadline.anchor) == true)
        #expect(listed.digest != own.digest)
    }

    /// Status is worked out against the build's date; the digest follows it.
    @Test func statusFollowsTheBuildDate() throws {
        let probe = try Self.site(on: try #require(CalendarDate(year: 2025, month: 6, day: 1)))
        let deadline = try #require(probe.calendar.first { $0.deadline.start == nil && $0.deadline.recurrence == nil }).deadline
        func item(on today: CalendarDate) throws -> DeadlineItem {
            let site = try Self.site(on: today)
            let entry = try #require(site.calendar.first { $0.deadline == deadline })
            return DeadlineItem(entry, common: CommonViewModel(site: site))
        }
        let before = try item(on: deadline.date.adding(days: -3))
        let on = try item(on: deadline.date)
        let after = try item(on: deadline.date.adding(days: 1))
        #expect(Self.text(before.value(named: "status")) == "còn 3 ngày")
        #expect(Self.text(before.value(named: "statusClass")) == "sap-toi")
        #expect(Self.text(on.value(named: "status")) == "hôm nay")
        #expect(Self.text(after.value(named: "status")) == "đã quá hạn")
        let digests: Set<UInt64> = [before.digest, on.digest, after.digest]
        #expect(digests.count == 3)
        #expect(try item(on: deadline.date).digest == on.digest)
    }
}
