/// The Atom feed (`/feed.xml`), the sitemap and `robots.txt`.
public enum FeedWriter {
    public static func atom(site: Site, updated: CalendarDate) -> String {
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
            let date = (document.sortDate ?? updated).iso
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

    public static func sitemap(site: Site, paths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "<url><loc>\(xmlEscape(site.baseURL.absolute(path)))</loc></url>\n" }
        return xml + "</urlset>\n"
    }

    public static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(site.baseURL.absolute("sitemap.xml"))\n"
    }

    static func xmlEscape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
