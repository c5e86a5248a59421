import Foundation
import Testing
@testable import TreCore

@Suite("Calendar months")
struct CalendarMonthsTests {
    /// The sample portal's documents, understood.
    func sampleCalendar() throws -> [Site.CalendarEntry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).filter { $0.hasSuffix(".md") }
        let files = try names.map(Fixtures.contentFile)
        let documents = SiteBuilder.understand(files, basePath: "/", allowUnsafeHTML: false)
        return Site(config: SiteConfig(), baseURL: BaseURL("/"), today: CalendarDate(year: 2026, month: 11, day: 25)!, documents: documents).calendar
    }

    @Test func everyDeadlineIsInTheMonthItIsWrittenForAndRecurringOnesAlsoWhenTheyComeRound() throws {
        let calendar = try sampleCalendar()
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 25))
        let months = CalendarMonths(calendar: calendar, today: today)
        #expect(!calendar.isEmpty)
        #expect(months.all.map { $0.year * 12 + $0.month } == months.all.map { $0.year * 12 + $0.month }.sorted())
        for entry in calendar {
            let written = try #require(months.all.first { $0.year == entry.deadline.date.year && $0.month == entry.deadline.date.month })
            #expect(written.items.contains { $0.entry.uid == entry.uid && $0.date == entry.deadline.date })
            if let next = entry.nextOccurrence(onOrAfter: today) {
                let month = try #require(months.all.first { $0.year == next.year && $0.month == next.month })
                #expect(month.items.contains { $0.entry.uid == entry.uid && $0.date == next })
                #expect(months.upcoming.contains { $0.entry.uid == entry.uid && $0.date == next })
            }
        }
        for month in months.all {
            #expect(Set(month.items.map(\.entry.uid)).count == month.items.count, "a deadline twice in \(month.slug)")
            #expect(month.items.map(\.date) == month.items.map(\.date).sorted())
            #expect(month.items.allSatisfy { $0.date.year == month.year && $0.date.month == month.month })
        }
        #expect(months.upcoming.allSatisfy { $0.date >= today })
        #expect(months.upcoming.map(\.date) == months.upcoming.map(\.date).sorted())
        // The sample has recurring deadlines: some come round after 25/11/2026.
        #expect(!months.upcoming.isEmpty)
    }

    @Test func monthSlugsArePaddedForStableURLs() {
        #expect(CalendarMonths.Month(year: 2025, month: 6, items: []).slug == "2025-06")
        #expect(CalendarMonths.Month(year: 2025, month: 12, items: []).slug == "2025-12")
    }
}
