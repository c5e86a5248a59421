/// The Atom feed (`/feed.xml`), the sitemap and `robots.txt`.
public enum FeedWriter {
    /// The 50 newest documents. The feed was last updated on the newest document's date (the build's
    /// day only when no document has a date), so it is the same file every day until a document comes;
    /// a date after the build's day (a document dated ahead) counts as the build's day, never the future.
    public static func atom(site: Site) -> String {
        let updated = min(site.documents.first?.sortDate ?? site.today, site.today)
        let base = site.baseURL
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
            <title>\(xmlEscape(site.config.title))</title>
            <subtitle>\(xmlEscape(site.config.description))</subtitle>
            <id>\(xmlEscape(base.absolute("")))</id>
            <link rel="alternate" type="text/html" href="\(xmlEscape(base.absolute("")))"/>
            <link rel="self" type="application/atom+xml" href="\(xmlEscape(base.absolute("feed.xml")))"/>
            <updated>\(updated.iso)T00:00:00Z</updated>
            <author><name>\(xmlEscape(site.config.title))</name></author>

            """
        for document in site.documents.prefix(50) {
            let url = base.absolute(document.path)
            let date = min(document.sortDate ?? updated, site.today).iso
            let summary = [document.identity, document.facts.issuer, document.dateText].compactMap { $0 }.joined(separator: " – ")
            xml += """
                <entry>
                <title>\(xmlEscape(document.title))</title>
                <id>\(xmlEscape(url))</id>
                <link rel="alternate" type="text/html" href="\(xmlEscape(url))"/>
                <updated>\(date)T00:00:00Z</updated>
                <summary>\(xmlEscape(summary))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// At most this many URLs in one sitemap file, as the sitemap protocol allows (sitemaps.org); a
    /// site of some 31,000 documents or more has more pages than that.
    public static let sitemapLimit = 50_000

    /// The sitemap's files: `sitemap.xml` listing every page; past `limit` pages, `sitemap.xml` is an
    /// index of `sitemap-1.xml`, `sitemap-2.xml`, … that list the pages in order, `limit` each.
    public static func sitemaps(site: Site, paths: [String], limit: Int = sitemapLimit) -> [(path: String, text: String)] {
        guard paths.count > limit else { return [("sitemap.xml", sitemap(site: site, paths: paths))] }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var parts: [(path: String, text: String)] = []
        for start in stride(from: 0, to: paths.count, by: limit) {
            let name = "sitemap-\(parts.count + 1).xml"
            parts.append((name, sitemap(site: site, paths: paths[start..<min(start + limit, paths.count)])))
            index += "<sitemap><loc>\(xmlEscape(site.baseURL.absolute(name)))</loc></sitemap>\n"
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + parts
    }

    public static func sitemap(site: Site, paths: some Sequence<String>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "<url><loc>\(xmlEscape(site.baseURL.absolute(path)))</loc></url>\n" }
        return xml + "</urlset>\n"
    }

    public static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(site.baseURL.absolute("sitemap.xml"))\n"
    }

    static func xmlEscape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
