import Foundation
import Testing
@testable import TreCore

@Suite struct DeadlineItemTests {
    /// The sample site's model on `today`.
    static func site(on today: CalendarDate) throws -> Site { try Fixtures.sampleModel(on: today).site }

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

    /// A row's digest takes from the build's day only where its deadline stands, not the day: from one day to
    /// the next it changes exactly when the row's fields do (a past deadline's row is the same file every day
    /// after). Tried on the sample's calendar on pairs of days around its deadlines, a period's start and long after.
    @Test func aRowsDigestChangesWithTheDayOnlyWhenItsFieldsDo() throws {
        var same = 0, changed = 0
        for day in [(2025, 5, 1), (2025, 5, 14), (2025, 5, 15), (2025, 6, 30), (2026, 1, 15), (2030, 12, 31)] {
            let today = try #require(CalendarDate(year: day.0, month: day.1, day: day.2))
            let (first, second) = try (Self.site(on: today), Self.site(on: today.adding(days: 1)))
            let (a, b) = (CommonViewModel(site: first), CommonViewModel(site: second))
            for (x, y) in zip(first.calendar, second.calendar) {
                let fieldsSame = DeadlineItem(x, common: a).digest == DeadlineItem(y, common: b).digest
                #expect((DeadlineItem.digest(of: x, common: a) == DeadlineItem.digest(of: y, common: b)) == fieldsSame, "\(x.uid) on \(today.iso)")
                if fieldsSame { same += 1 } else { changed += 1 }
            }
        }
        #expect(same > 10 && changed > 10)
    }

    /// A row's digest is hashed from what its item is made of: two rows whose items differ never share one, and one row's is
    /// the same in every build. Tried on the sample site's calendar on three days, under two base paths, with each of a
    /// deadline's parts changed in turn, and with its document's title changed.
    @Test func theDigestFromWhatAnItemIsMadeOfTellsItemsApart() throws {
        var fieldsByInputs: [UInt64: UInt64] = [:]
        var clashes = 0, tried = 0
        func record(_ entry: Site.CalendarEntry, _ common: CommonViewModel) {
            let inputs = DeadlineItem.digest(of: entry, common: common), fields = DeadlineItem(entry, common: common).digest
            tried += 1
            if let known = fieldsByInputs.updateValue(fields, forKey: inputs), known != fields { clashes += 1 }
        }
        func variants(of deadline: DocumentFacts.Deadline) -> [DocumentFacts.Deadline] {
            var changed = Array(repeating: deadline, count: 12)
            changed[0].date = deadline.date.adding(days: 1)
            changed[1].start = deadline.start == nil ? deadline.date.adding(days: -30) : nil
            changed[2].recurrence = deadline.recurrence == nil ? "yearly" : nil
            changed[3].what += " và báo cáo"
            // A name changed, not added: the count alone tells an added one.
            changed[4].owners = deadline.owners.isEmpty ? ["Phòng Tư pháp"] : [deadline.owners[0] + " huyện"] + deadline.owners.dropFirst()
            changed[5].recipients = deadline.recipients.isEmpty ? ["Sở Y tế"] : [deadline.recipients[0] + " tỉnh"] + deadline.recipients.dropFirst()
            changed[6].quote += " Khẩn."
            changed[7].phrase += " năm"
            changed[8].anchor += "-2"
            changed[9].owners = []
            changed[10].recurrence = "monthly"
            // Another spelling of the same agency: the same key, another text.
            changed[11].owners = deadline.owners.isEmpty ? ["UBND các xã"] : [deadline.owners[0] + " "] + deadline.owners.dropFirst()
            return changed
        }
        for (day, base) in [((2025, 6, 1), "/"), ((2025, 6, 1), "/tre-em/"), ((2026, 1, 15), "/"), ((2030, 12, 31), "/")] {
            let output = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: output) }
            let options = SiteBuilder.Options(source: Fixtures.repository, output: output, baseURL: base,
                                              today: try #require(CalendarDate(year: day.0, month: day.1, day: day.2)))
            let site = try SiteBuilder(options: options).model().site
            let common = CommonViewModel(site: site)
            for entry in site.calendar {
                record(entry, common)
                for deadline in variants(of: entry.deadline) {
                    record(Site.CalendarEntry(slug: entry.slug, deadlines: [deadline], index: 0), common)
                }
                #expect(DeadlineItem.digest(of: entry, common: common) == DeadlineItem.digest(of: entry, common: CommonViewModel(site: site)))
                // The digest holds an owner's name, not its key: the key must be made from the name alone.
                for owner in entry.deadline.owners { #expect(common.lookup.agencyKey(owner) == AgencyNames.key(owner)) }
            }
            // The document's label changed: its title.
            let entry = try #require(site.calendar.first)
            var document = try #require(site.document(slug: entry.slug))
            document.title += " (sửa đổi)"
            let relabelled = try #require(site.replacing(document))
            record(try #require(relabelled.calendarBySlug[entry.slug]?[entry.index]), CommonViewModel(site: relabelled))
        }
        #expect(clashes == 0)
        #expect(Set(fieldsByInputs.values).count > 300, "\(tried) tried")
    }
}
