/// `tre check`: lints a whole site before it is uploaded. Reports, per file,
/// what Tre could not determine, deadlines earlier than the issue date,
/// citations that match no document, internal links that lead nowhere and
/// duplicate URLs. Errors make the check fail; warnings and notes do not.
public enum SiteChecker {
    public static func check(site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let paths = sitePaths(site)
        for document in site.documents + site.pages {
            problems += links(of: document, site: site, paths: paths)
        }
        if site.hotlinePath == nil {
            problems.append(Diagnostic(.note, file: "content", line: nil, message: "the site has no hotline page (a page with 'layout: hotline'): the menu leaves it out",
                                       fix: "copy content/tong-dai-111.md from a site made by 'tre new site' and adapt it"))
        }
        for document in site.documents {
            problems += facts(of: document)
            problems += deadlines(of: document)
            problems += citations(of: document, site: site)
        }
        return problems
    }

    static func facts(of document: SiteDocument) -> [Diagnostic] {
        let f = document.facts
        var problems: [Diagnostic] = []
        func warn(_ message: String, _ fix: String) {
            problems.append(Diagnostic(.warning, file: document.source, line: 1, message: message, fix: fix))
        }
        if f.kind == nil { warn("no document kind found", "add 'kind: Kế hoạch' (or Công văn, Quyết định…) to the front matter") }
        if f.issuer == nil { warn("no issuing body found", "add 'issuer: Ủy ban nhân dân huyện …' to the front matter") }
        if f.date == nil {
            if let partial = f.partialDate {
                problems.append(Diagnostic(.note, file: document.source, line: 1,
                                           message: "the issue date has a blank day\(partial.month == nil ? " and month" : "") (\(partial.month.map { "tháng \($0) " } ?? "")năm \(partial.year))",
                                           fix: "when the signed copy shows the date, add 'date: YYYY-MM-DD' to the front matter"))
            } else {
                warn("no issue date found", "add 'date: YYYY-MM-DD' to the front matter")
            }
        }
        if f.number == nil {
            problems.append(Diagnostic(.note, file: document.source, line: 1,
                                       message: f.symbol.map { "the number is blank (Số: …/\($0))" } ?? "no number and symbol found",
                                       fix: "when the signed copy shows it, add 'number: 61/KH-UBND' to the front matter"))
        }
        if f.subject == nil && document.frontMatter.title == nil { warn("no subject (trích yếu) found", "add 'subject:' or 'title:' to the front matter") }
        if f.year == nil { warn("the year the document covers is unknown", "add 'year: YYYY' to the front matter") }
        return problems
    }

    static func deadlines(of document: SiteDocument) -> [Diagnostic] {
        guard let issued = document.facts.date else { return [] }
        // A recurring deadline's first date is where its cycle starts (1 January, 20 March), not a claim about this issue.
        return document.facts.deadlines.filter { $0.date < issued && $0.recurrence == nil }.map { deadline in
            Diagnostic(.warning, file: document.source, line: document.anchorLines[deadline.anchor] ?? 1,
                       message: "deadline \(deadline.date.vietnamese) ('\(deadline.phrase)') is earlier than the issue date \(issued.vietnamese)",
                       fix: "check the year in the text or the 'date:' in the front matter")
        }
    }

    static func citations(of document: SiteDocument, site: Site) -> [Diagnostic] {
        let linked = site.citationTargets[document.slug] ?? [:]
        return document.facts.citations.enumerated().filter { linked[$0.offset] == nil }.map { _, citation in
            Diagnostic(.note, file: document.source, line: document.anchorLines[citation.anchor] ?? 1,
                       message: "cites \(citation.kind) \(citation.number ?? "") \(citation.date.map { "ngày " + $0.vietnamese } ?? ""), which is not in the site",
                       fix: "add it to content/ to link it, or ignore this note")
        }
    }

    static func links(of document: SiteDocument, site: Site, paths: Set<String>) -> [Diagnostic] {
        document.links.compactMap { link in
            let url = link.url
            guard url.hasPrefix("/") && !url.hasPrefix("//") else { return nil }
            var path = String(url.dropFirst())
            if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            if path.hasSuffix("index.html") { path = String(path.dropLast("index.html".count)) }
            if !path.isEmpty && !path.hasSuffix("/") && !path.contains(".") { path += "/" }
            guard !paths.contains(path) else { return nil }
            return Diagnostic(.error, file: document.source, line: link.line, message: "link to \(url) leads to no page of the site",
                              fix: "correct the address; pages are listed in the README under 'Public URLs'")
        }
    }

    /// Every path the site will have.
    static func sitePaths(_ site: Site) -> Set<String> {
        var paths: Set<String> = ["", "van-ban/", "lich/", "thang-hanh-dong/", "co-quan/", "feed.xml", "sitemap.xml", "robots.txt",
                                  "404.html", "lich/han-chot.ics", "data/van-ban.json", "assets/site.css", "tim-kiem/"]
        for document in site.documents {
            paths.insert(document.path)
            paths.insert(document.path + "van-ban.txt")
        }
        for page in site.pages { paths.insert(page.path) }
        for campaign in site.campaigns { paths.insert("thang-hanh-dong/\(campaign.year)/") }
        for agency in site.agencies { paths.insert("co-quan/\(agency.key)/"); paths.insert("co-quan/\(agency.key)/han-chot.ics") }
        return paths
    }
}
