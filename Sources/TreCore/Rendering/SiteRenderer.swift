import Foundation

/// Renders every page, feed and data file of a ``Site`` into an output.
/// The list of what is written here is the site's public URL scheme
/// (documented in the README): keep it stable.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateLibrary
    public let timings: BuildTimings
    /// Layouts a theme must provide.
    public static let requiredTemplates = ["base", "home", "document", "document-list", "page", "calendar", "campaign",
                                           "campaign-list", "agency", "agency-list", "search", "404", "month",
                                           "deadline-item", "pager"]

    /// Whether a document's page comes with its source text (`van-ban.txt`); false when the build wrote
    /// each while it understood the file (``SiteBuilder``), so that a one-shot build reads each file once.
    public let writesSources: Bool

    public init(site: Site, templates: TemplateLibrary, timings: BuildTimings = BuildTimings(), writingSources: Bool = true) {
        self.site = site
        self.templates = templates
        self.timings = timings
        writesSources = writingSources
        calendarWriter = ICalendarWriter(calendarName: "Hạn chót – " + site.config.title, stamp: site.today)
    }

    /// The site-wide calendar's writer; a document's own deadline files are written by it too.
    let calendarWriter: ICalendarWriter

    /// Writes everything; returns the site paths of the HTML pages written.
    @discardableResult
    public func render(into output: some OutputWriting) throws -> [String] {
        let common = CommonViewModel(site: site)
        let documentModel = DocumentViewModel(common: common)
        let sections = SectionViewModels(common: common)
        var pages: [String] = []
        func page(_ path: String, _ template: String, _ context: TemplateContext) throws {
            try output.write(path + "index.html", rendering: template, context, with: templates)
            pages.append(path)
        }

        try page("", "home", sections.home())
        let years = sections.documentYears()
        for number in 1...sections.documentPager.pageCount {
            try page(sections.documentPager.path(of: number), "document-list", sections.documentList(page: number, years: years))
        }
        // Documents are independent: render them on all cores. Each body is rendered once, for
        // the page and the search entry (numbered pages first, then documents oldest first: ``SearchIndexWriter/number(ofDocument:documents:pages:)``).
        let search = SearchIndexBuilder()
        let emitSearch: @Sendable (String, [UInt8]) throws -> Void = { path, text in try output.write("tim-kiem/" + path, keepingSame: text) }
        try timings.measure("render documents") {
            try Self.concurrently(site.documents.count) { index in
                let document = site.documents[index]
                let plainText = try renderDocument(document, documentModel: documentModel, into: output, writingEvents: false)
                try search.add(SearchIndexWriter.entry(for: document, plainText: plainText, site: site),
                               doc: SearchIndexWriter.number(ofDocument: index, documents: site.documents.count, pages: site.pages.count), emitSearch)
            }
        }
        pages += site.documents.map(\.path)
        for (index, other) in site.pages.enumerated() {
            let body = try renderPage(other, documentModel: documentModel, into: output)
            try search.add(SearchIndexWriter.entry(for: other, plainText: body.plainText, site: site), doc: SearchIndexWriter.number(ofPage: index), emitSearch)
            pages.append(other.path)
        }
        try timings.measure("render search index") { try search.finish(emitSearch) }
        // Every deadline row's digest, for the calendar and agency pages that list it (rows are rendered as pages ask).
        let rows = timings.measure("render deadline rows") { DeadlineRows(common: common, templates: templates) }
        let calendar = CalendarViewModel(common: common, months: CalendarMonths(calendar: site.calendar, today: site.today), rows: rows)
        // The open data file needs only the site: written beside the calendar and the listings, on the cores they leave idle.
        let listings = try BackgroundWork.run({ [timings] in
            try timings.measure("render open data (beside calendar and listings)", besideOtherSteps: true) {
                try output.write("data/van-ban.json", streaming: { try self.openData().encode(to: $0) })
            }
        }, beside: {
            try timings.measure("render calendar") {
                try page("lich/", "calendar", calendar.overview())
                // Every deadline's event, rendered once for its own file, this calendar and its agencies', a batch at a time (``EventFiles``).
                try EventFiles(site: site, writer: calendarWriter).write(into: output)
            }
            return try timings.measure("render months and agencies") { try renderListings(calendar, rows: rows, common: common, into: output) }
        })
        pages += listings.months
        try timings.measure("render campaigns") {
            try page("thang-hanh-dong/", "campaign-list", sections.campaignList())
            for campaign in site.campaigns {
                let pager = sections.campaignPager(campaign), themes = sections.campaignThemes(campaign)
                for number in 1...pager.pageCount {
                    try page(pager.path(of: number), "campaign", sections.campaign(campaign, page: number, themes: themes))
                }
            }
        }
        try page("co-quan/", "agency-list", sections.agencyList())
        pages += listings.agencies
        try page("tim-kiem/", "search", common.context(title: "Tìm kiếm", path: "tim-kiem/",
                                                       description: "Tìm trong các văn bản, có dấu hoặc không dấu."))
        try timings.measure("render feeds") {
            try output.write("404.html", rendering: "404", common.context(title: "Không tìm thấy trang", path: "404.html"), with: templates)
            try output.write("feed.xml", keepingSame: FeedWriter.atom(site: site))
            for file in FeedWriter.sitemaps(site: site, paths: pages) { try output.write(file.path, keepingSame: file.text) }
            try output.write("robots.txt", keepingSame: FeedWriter.robots(site: site))
        }
        return pages
    }

    /// A document's page, its source text unless the build wrote it already (``writesSources``) and,
    /// `writingEvents`, one iCalendar file per deadline (a whole build writes those with the calendars,
    /// ``EventFiles``); returns the body's plain text, for the search entry. The body is read from the
    /// facts store (or rendered) only when the page is made again, and the source text read only when it
    /// is: a page kept from the last build needs neither, and the plain text is then the one of the body
    /// the facts store kept (``DocumentTexts/plainText()``).
    @discardableResult
    func renderDocument(_ document: SiteDocument, documentModel: DocumentViewModel, into output: some OutputWriting,
                        writingEvents: Bool = true) throws -> String {
        let texts = document.texts
        var rendered: DocumentAnalyzer.Body?
        let context = documentModel.context(document)
        let digest = ContextDigest.of(template: "document", context, within: texts.bodyDigest, reading: templates.namesRead(by: "document"))
        try output.write(document.path + "index.html", digest: digest, utf8: {
            let body = try texts.body()
            rendered = body
            return templates.renderUTF8("document", DocumentViewModel.withBody(context, body))
        })
        if writesSources { try output.write(document.path + "van-ban.txt", digest: texts.sourceDigest) { try texts.source() } }
        for entry in writingEvents ? site.calendarBySlug[document.slug] ?? [] : [] {
            try output.write(document.path + "han-chot-\(entry.index + 1).ics", keepingSame: calendarWriter.calendar([entry], site: site))
        }
        return try rendered?.plainText ?? texts.plainText()
    }

    /// A page with its own layout (the hotline page), or `page` when the theme has no such layout; returns the body it rendered.
    @discardableResult
    func renderPage(_ page: SiteDocument, documentModel: DocumentViewModel, into output: some OutputWriting) throws -> DocumentAnalyzer.Body {
        let layout = templates.names.contains(page.layout) ? page.layout : "page"
        let body = try page.texts.body()
        try output.write(page.path + "index.html", rendering: layout, documentModel.pageContext(page, body: body), with: templates)
        return body
    }

    /// Re-renders one document or page of the site (its new version already in ``site``)
    /// straight into a built output folder: `tre serve`'s quick path.
    /// Returns the site paths written.
    public func renderOne(_ document: SiteDocument, into output: some OutputWriting) throws -> [String] {
        let documentModel = DocumentViewModel(common: CommonViewModel(site: site))
        guard document.isDocument else {
            try renderPage(document, documentModel: documentModel, into: output)
            return [document.path]
        }
        try renderDocument(document, documentModel: documentModel, into: output)
        return [document.path]
    }

    /// The open data file's content, ready to encode.
    public func openData() -> OpenData {
        let targets = site.citationTargets
        let records = site.documents.map { document in
            OpenData.Record(source: document.source, url: site.baseURL.absolute(document.path), facts: document.facts,
                            citationURLs: (targets[document.slug] ?? [:]).compactMapValues { slug in
                                site.document(slug: slug).map { site.baseURL.absolute($0.path) }
                            })
        }
        return OpenData(documents: records)
    }
}

extension SiteRenderer {
    /// The month pages and the agency pages, which list the same deadline rows (about two pages a row):
    /// written on all cores in the order of the last row each lists in the calendar, so that a row rendered
    /// for one page is kept for the others and let go after its last (``DeadlineRows/expect(_:)``).
    /// Returns the paths of each kind, in the order of the months and of the agencies.
    func renderListings(_ calendar: CalendarViewModel, rows: DeadlineRows, common: CommonViewModel,
                        into output: some OutputWriting) throws -> (months: [String], agencies: [String]) {
        let monthPages = calendar.months.all.indices.flatMap { position in
            (1...calendar.pager(for: calendar.months.all[position]).pageCount).map { (position, $0) }
        }
        let agencies = AgencyViewModel(common: common, rows: rows)
        let lists = site.agencies.map { AgencyViewModel.Lists($0, today: site.today) }
        let agencyPages = lists.indices.flatMap { index in (1...lists[index].pageCount).map { (index, $0) } }
        // Month pages first, then agency pages: each page's rows, and the order they are written in.
        let listed = monthPages.map { rows.positions(of: calendar.entries(at: $0.0, page: $0.1)) }
            + agencyPages.map { rows.positions(of: AgencyViewModel.deadlines(lists[$0.0], page: $0.1)) }
        let last = listed.map { $0.max() ?? -1 }
        let order = listed.indices.sorted { (last[$0], $0) < (last[$1], $1) }
        rows.expect(listed)
        let paths = ResultSlots<String>(count: listed.count)
        try Self.concurrently(order.count) { step in
            let index = order[step]
            let path: String, template: String, context: TemplateContext
            if index < monthPages.count {
                let (position, number) = monthPages[index]
                path = calendar.pager(for: calendar.months.all[position]).path(of: number)
                (template, context) = ("month", calendar.month(at: position, page: number))
            } else {
                let (list, number) = agencyPages[index - monthPages.count]
                path = lists[list].pager.path(of: number)
                (template, context) = ("agency", agencies.context(lists[list], page: number))
            }
            try output.write(path + "index.html", rendering: template, context, with: templates)
            rows.done(with: listed[index])
            paths.set(index, path)
        }
        let all = paths.values
        return (Array(all[..<monthPages.count]), Array(all[monthPages.count...]))
    }

    /// Runs `body` for 0..<count on all cores; rethrows the first error any of them threw.
    static func concurrently(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do { try body(index) } catch { errors.record(error) }
        }
        if let error = errors.first { throw error }
    }
}

/// The first error thrown by concurrent work.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?
    func record(_ error: Error) {
        lock.lock()
        if first == nil { first = error }
        lock.unlock()
    }
}
