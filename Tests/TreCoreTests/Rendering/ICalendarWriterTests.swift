import Foundation
import Testing
@testable import TreCore

@Suite struct ICalendarWriterTests {
    /// The bytes of content lines as text.
    func written(_ write: (inout ICalendarContentLines) -> Void) -> String {
        var lines = ICalendarContentLines()
        write(&lines)
        return String(decoding: lines.bytes, as: UTF8.self)
    }

    @Test func escapesTextAsRFC5545Says() {
        #expect(written { $0.text("SUMMARY:", "Hạn; báo cáo, gửi\\về\r\nSở") } == "SUMMARY:Hạn\\; báo cáo\\, gửi\\\\về\\nSở\r\n")
        #expect(written { $0.text("SUMMARY:", "Không có gì") } == "SUMMARY:Không có gì\r\n")
        // Only TEXT values are escaped: names and URLs are written as they are.
        #expect(written { $0.line("URL:", "https://a.vn/x;y,z") } == "URL:https://a.vn/x;y,z\r\n")
    }

    @Test func foldsAt75OctetsWithoutSplittingALetter() {
        let value = String(repeating: "Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện ", count: 4)
        let folded = written { $0.line("DESCRIPTION:", value) }
        let physical = folded.dropLast(2).components(separatedBy: "\r\n")
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // A line is folded where it would pass 75 octets, not earlier: each physical line but the last is full
        // but for a letter of up to 3 octets that did not fit.
        #expect(physical.dropLast().allSatisfy { $0.utf8.count >= 73 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "DESCRIPTION:" + value + "\r\n")
        #expect(written { $0.line("SUMMARY:", "Hạn") } == "SUMMARY:Hạn\r\n")
    }

    @Test func escapesAndFoldsInOnePassAsIfEscapedFirst() {
        // An escape's two bytes may be split by a fold, as a line escaped first and folded after would be.
        let value = String(repeating: "a", count: 73) + ";b"
        #expect(written { $0.text("X:", value) } == "X:" + String(repeating: "a", count: 73) + "\r\n \\;b\r\n")
    }

    /// An event's digest, taken without writing it, changes whenever its bytes would: every field of a
    /// deadline changed in turn changes both; and the sample site's events with one digest have one text.
    @Test func anEventsDigestChangesWhenItsBytesWould() throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2025-06-01")).site
        let writer = ICalendarWriter(calendarName: "Hạn chót", stamp: site.today)
        var byDigest: [UInt64: [UInt8]] = [:]
        for entry in site.calendar {
            let (bytes, digest) = writer.eventBytesAndDigest(entry, site: site)
            #expect(bytes == writer.eventBytes(entry, site: site) && digest == writer.eventDigest(entry, site: site))
            #expect(byDigest.updateValue(bytes, forKey: digest).map { $0 == bytes } ?? true)
        }
        #expect(byDigest.count == site.calendar.count)

        let entry = try #require(site.calendar.first { !$0.deadline.owners.isEmpty })
        let deadlines = try #require(site.document(slug: entry.slug)).facts.deadlines
        let changes: [(String, (inout DocumentFacts.Deadline) -> Void)] = [
            ("date", { $0.date = $0.date.adding(days: 1) }), ("start", { $0.start = $0.date.adding(days: -3) }),
            ("recurrence", { $0.recurrence = $0.recurrence == "yearly" ? "monthly" : "yearly" }), ("what", { $0.what = "Gấp: " + $0.what }),
            ("owners", { $0.owners.append("Phòng Tư pháp") }), ("recipients", { $0.recipients.append("Sở Y tế") }),
            ("quote", { $0.quote += ";" }), ("anchor", { $0.anchor += "-2" }),
        ]
        let original = writer.eventBytesAndDigest(entry, site: site)
        for (field, change) in changes {
            var changed = deadlines
            change(&changed[entry.index])
            let other = writer.eventBytesAndDigest(Site.CalendarEntry(slug: entry.slug, deadlines: changed, index: entry.index), site: site)
            #expect(other.bytes != original.bytes && other.digest != original.digest, "\(field)")
        }
    }

    /// An event is stamped with its document's date, not the day of the build, so a calendar is the
    /// same bytes every day; only a document with no date known has its events stamped with the day.
    @Test func anEventIsStampedWithItsDocumentsDate() throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2025-06-01")).site
        let writer = ICalendarWriter(calendarName: "Hạn chót", stamp: site.today)
        let nextDay = ICalendarWriter(calendarName: "Hạn chót", stamp: site.today.adding(days: 1))
        let entry = try #require(site.calendar.first { site.document(slug: $0.slug)?.facts.date != nil })
        var document = try #require(site.document(slug: entry.slug))
        let date = try #require(document.facts.date)
        #expect(date != site.today)
        let event = String(decoding: writer.eventBytes(entry, site: site), as: UTF8.self)
        #expect(event.contains("\r\nDTSTAMP:\(date.compact)T000000Z\r\n"))
        #expect(nextDay.eventBytes(entry, site: site) == writer.eventBytes(entry, site: site))
        #expect(nextDay.eventDigest(entry, site: site) == writer.eventDigest(entry, site: site))

        document.facts.date = nil
        document.facts.partialDate = nil
        document.facts.year = nil
        let undated = try #require(site.replacing(document))
        let undatedEntry = try #require(undated.calendarBySlug[entry.slug]?.first)
        #expect(String(decoding: writer.eventBytes(undatedEntry, site: undated), as: UTF8.self)
            .contains("\r\nDTSTAMP:\(site.today.compact)T000000Z\r\n"))
        #expect(nextDay.eventDigest(undatedEntry, site: undated) != writer.eventDigest(undatedEntry, site: undated))
    }
}
