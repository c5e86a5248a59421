import Foundation
import Testing
@testable import TreCore

@Suite("Site order")
struct SiteOrderTests {
    /// The sample's documents, and the same documents again with their dates taken away, in every order.
    @Test func documentsAreNewestFirstThoseWithoutADateLastThenBySlug() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).filter { $0.hasSuffix(".md") }
        let dated = SiteBuilder.understand(try names.map(Fixtures.contentFile), basePath: "/", allowUnsafeHTML: false).filter(\.isDocument)
        let undated = dated.prefix(2).map { document in
            var copy = document
            copy.slug = "khong-ngay-" + document.slug
            copy.facts.date = nil
            copy.facts.partialDate = nil
            copy.facts.year = nil
            return copy
        }
        let all = dated + undated
        #expect(dated.count >= 3 && Set(dated.compactMap(\.sortDate)).count >= 3)
        for shuffled in [all, all.reversed(), all.sorted { $0.slug < $1.slug }, all.sorted { $0.slug > $1.slug }] {
            let ordered = Site.newestFirst(shuffled)
            #expect(ordered.map(\.slug) == Site.newestFirst(all).map(\.slug))
            let dates = ordered.map(\.sortDate)
            let firstUndated = try #require(dates.firstIndex(of: nil))
            #expect(dates[firstUndated...].allSatisfy { $0 == nil })
            #expect(dates[..<firstUndated].map { $0! } == dates[..<firstUndated].map { $0! }.sorted(by: >))
            #expect(ordered[firstUndated...].map(\.slug) == ordered[firstUndated...].map(\.slug).sorted())
            for (a, b) in zip(ordered, ordered.dropFirst()) where a.sortDate != nil && a.sortDate == b.sortDate { #expect(a.slug < b.slug) }
        }
    }
}
