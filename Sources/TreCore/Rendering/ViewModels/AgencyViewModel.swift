/// The context of an agency's pages (`/co-quan/KEY/`, then `trang-2/`, …):
/// its deadlines (still to come first, soonest first; then past ones, latest
/// first), the tasks it leads and those it shares, ``pageSize`` of each per page.
struct AgencyViewModel {
    let common: CommonViewModel
    let rows: DeadlineRows
    /// A copy of the whole site each time it is read: read it once per page, and call ``CommonViewModel/lookup`` per row.
    var site: Site { common.site }

    static let pageSize = 50

    /// An agency's lists in the order its pages show them.
    struct Lists {
        let agency: Site.Agency
        let deadlines: [Site.CalendarEntry]

        init(_ agency: Site.Agency, today: CalendarDate) {
            self.agency = agency
            let dated = agency.deadlines.map { (entry: $0, next: $0.nextOccurrence(onOrAfter: today)) }
            let upcoming = dated.compactMap { item in item.next.map { (item.entry, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
            let past = dated.filter { $0.next == nil }.map(\.entry).reversed()
            deadlines = upcoming + past
        }

        var pageCount: Int { Pager.pageCount(showing: [deadlines.count, agency.leads.count, agency.cooperates.count], size: pageSize) }

        /// The agency's pages, one number each.
        var pager: Pager { Pager(path: "co-quan/\(agency.key)/", count: pageCount, size: 1) }
    }

    /// The items of one of an agency's lists that its `page`th page shows, ``pageSize`` a page.
    static func slice<T>(_ items: [T], page: Int) -> ArraySlice<T> { Pager.slice(items, page: page, size: pageSize) }

    /// The deadlines an agency's page lists.
    static func deadlines(_ lists: Lists, page: Int) -> ArraySlice<Site.CalendarEntry> { slice(lists.deadlines, page: page) }

    func context(_ lists: Lists, page: Int) -> TemplateContext {
        let agency = lists.agency
        let pager = lists.pager
        let path = pager.path
        let base = site.baseURL
        func task(_ item: Site.AssignedTask) -> TemplateValue {
            .lazy(TaskItem(text: item.task.text, timeframe: item.task.timeframe ?? "", href: base.link("van-ban/\(item.slug)/") + "#" + item.task.anchor,
                           documentTitle: common.lookup.identity(slug: item.slug) ?? ""))
        }
        let pages = pager.pageCount
        let deadlines = Self.deadlines(lists, page: page).compactMap { rows[$0] }.map(TemplateValue.lazy)
        let leads = Self.slice(agency.leads, page: page).map(task)
        let cooperates = Self.slice(agency.cooperates, page: page).map(task)
        let title = agency.name + (pages > 1 ? " – trang \(page)/\(pages)" : "")
        return common.context(title: title, path: pager.path(of: page), section: "co-quan/",
                              extra: ["agency": ["name": .text(agency.name), "href": .text(base.link(path)),
                                                 "icsHref": .text(base.link(path + "han-chot.ics"))],
                                      "showDeadlines": .bool(!deadlines.isEmpty || page == 1),
                                      "deadlineCount": .number(lists.deadlines.count), "leadCount": .number(agency.leads.count),
                                      "cooperateCount": .number(agency.cooperates.count),
                                      "deadlines": .list(deadlines), "hasDeadlines": .bool(!deadlines.isEmpty),
                                      "leads": .list(leads), "hasLeads": .bool(!leads.isEmpty),
                                      "cooperates": .list(cooperates), "hasCooperates": .bool(!cooperates.isEmpty),
                                      "pager": .object(pager.context(page: page, link: base.link))])
    }
}

/// A task as an agency's page lists it (text, timeframe, link to it in its document), read by name
/// without a dictionary: an agency's pages list hundreds of tasks each.
final class TaskItem: TemplateObject {
    let text: String, timeframe: String, href: String, documentTitle: String

    init(text: String, timeframe: String, href: String, documentTitle: String) {
        self.text = text
        self.timeframe = timeframe
        self.href = href
        self.documentTitle = documentTitle
    }

    func value(field: TemplateField) -> TemplateValue? {
        switch field {
        case .text: .text(text)
        case .timeframe: .text(timeframe)
        case .hasTimeframe: .bool(!timeframe.isEmpty)
        case .href: .text(href)
        case .documentTitle: .text(documentTitle)
        default: nil
        }
    }

    var digest: UInt64 {
        var hasher = DigestHasher()
        for field in [text, timeframe, href, documentTitle] { hasher.add(field) }
        return hasher.state
    }
}
