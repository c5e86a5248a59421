import Foundation
import Testing
@testable import TreCore

@Suite struct SiteLookupTests {
    /// The lookups are one object every copy of a site shares: replacing a document gives the new
    /// site new lookups and leaves the old site's as they were.
    @Test func replacingADocumentChangesItsLabelInTheNewSiteOnly() throws {
        let site = try DeadlineItemTests.site(on: try #require(CalendarDate(year: 2025, month: 6, day: 1)))
        let document = try #require(site.documents.last)
        let old = try #require(site.label(slug: document.slug))
        var edited = document
        edited.title = document.title + " (sửa)"
        let replaced = try #require(site.replacing(edited))
        #expect(replaced.label(slug: document.slug)?.title == document.title + " (sửa)")
        #expect(replaced.lookup.label(slug: document.slug)?.path == old.path)
        #expect(site.label(slug: document.slug)?.title == old.title)
        #expect(site.lookup !== replaced.lookup)
        let other = try #require(site.documents.first { $0.slug != document.slug })
        #expect(replaced.label(slug: other.slug)?.title == other.title)
        #expect(site.label(slug: "khong-co") == nil)
        // A document's identity alone is its label's, and follows a replaced label.
        for document in site.documents { #expect(site.lookup.identity(slug: document.slug) == document.identity) }
        #expect(replaced.lookup.identity(slug: document.slug) == replaced.label(slug: document.slug)?.identity)
        #expect(site.lookup.identity(slug: "khong-co") == nil)
    }

    /// Agency keys come from the names the documents use, and an unknown name is keyed as it is written.
    @Test func agencyKeysAreTheSitesAndUnknownNamesAreKeyedAnew() throws {
        let site = try DeadlineItemTests.site(on: try #require(CalendarDate(year: 2025, month: 6, day: 1)))
        let agency = try #require(site.agencies.first)
        #expect(site.lookup.agencyKey(agency.name) == agency.key)
        #expect(site.lookup.agencyKey("Phòng Giáo dục và Đào tạo huyện Mới") == AgencyNames.key("Phòng Giáo dục và Đào tạo huyện Mới"))
    }
}
