import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TreCore

@Suite("The sitemap, split past the protocol's limit")
struct SitemapTests {
    func locations(_ xml: String) -> [String] { xml.matches(of: /<loc>([^<]*)<\/loc>/).map { String($0.1) } }

    /// Up to the limit, one `sitemap.xml` lists every page.
    @Test func aSiteWithinTheLimitHasOneSitemap() throws {
        let site = try Fixtures.sampleModel().site
        let paths = (0..<3).map { "trang-\($0)/" }
        let files = FeedWriter.sitemaps(site: site, paths: paths, limit: 3)
        #expect(files.map(\.path) == ["sitemap.xml"])
        #expect(files[0].text.contains("<urlset ") && locations(files[0].text) == paths.map { site.baseURL.absolute($0) })
        #expect(FeedWriter.sitemapLimit == 50_000)
    }

    /// Past the limit, `sitemap.xml` is an index of numbered files that list every page once, in order, `limit` each.
    @Test func aLargerSiteHasAnIndexOfNumberedSitemaps() throws {
        let site = try Fixtures.sampleModel().site
        let paths = (0..<7).map { "van-ban/\($0)/" }
        let files = FeedWriter.sitemaps(site: site, paths: paths, limit: 3)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(files[0].text.contains("<sitemapindex ") && !files[0].text.contains("<urlset"))
        #expect(locations(files[0].text) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"].map { site.baseURL.absolute($0) })
        #expect(files.dropFirst().map { locations($0.text).count } == [3, 3, 1])
        #expect(files.dropFirst().flatMap { locations($0.text) } == paths.map { site.baseURL.absolute($0) })
        for file in files {
            #expect(XMLParser(data: Data(file.text.utf8)).parse(), "\(file.path) is well-formed XML")
        }
    }
}
