import Foundation
import Testing
@testable import TreCore

@Suite("The Atom feed")
struct AtomFeedTests {
    func updated(_ xml: String) -> [String] { xml.matches(of: /<updated>([^<]*)<\/updated>/).map { String($0.1) } }

    /// The feed was last updated on its newest document's date, whatever the day of the build, so it is
    /// the same file until a document comes; each entry on its own document's date.
    @Test func theFeedIsUpdatedOnTheNewestDocumentsDate() throws {
        let site = try Fixtures.sampleModel(on: CalendarDate(iso: "2026-12-01")).site
        let newest = try #require(site.documents.compactMap(\.sortDate).max())
        #expect(newest != site.today)
        let feed = FeedWriter.atom(site: site)
        let stamps = updated(feed)
        #expect(stamps.first == "\(newest.iso)T00:00:00Z")
        #expect(Array(stamps.dropFirst()) == site.documents.prefix(50).map { "\($0.sortDate!.iso)T00:00:00Z" })

        var nextDay = site
        nextDay.today = site.today.adding(days: 1)
        #expect(FeedWriter.atom(site: nextDay) == feed)

        // Built before its newest document's date: never updated in the future.
        var early = site
        early.today = newest.adding(days: -1)
        let earlyStamps = updated(FeedWriter.atom(site: early))
        #expect(earlyStamps.first == "\(early.today.iso)T00:00:00Z")
        #expect(earlyStamps.allSatisfy { $0 <= "\(early.today.iso)T00:00:00Z" } && earlyStamps.dropFirst().contains("\(early.today.iso)T00:00:00Z"))
    }
}
