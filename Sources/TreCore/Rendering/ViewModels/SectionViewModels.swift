/// Contexts of the list pages: home, documents by year, the deadline
/// calendar, Action Month campaigns and agencies.
struct SectionViewModels {
    let common: CommonViewModel
    var site: Site { common.site }

    func home() -> TemplateContext {
        let upcoming = site.calendar.compactMap { entry in entry.nextOccurrence(onOrAfter: site.today).map { (entry, $0) } }
            .sorted { $0.1 < $1.1 }.prefix(5).map { common.deadline($0.0) }
        let recent = site.calendar.filter { $0.deadline.date < site.today && $0.deadline.recurrence == nil }.suffix(3).reversed().map { common.deadline($0) }
        // The current or next Action Month: this year's if any document speaks of it, else the latest.
        let campaign = site.campaigns.first { $0.year == site.today.year } ?? site.campaigns.first
        var extra: TemplateContext = [
            "upcoming": .list(Array(upcoming)), "hasUpcoming": .bool(!upcoming.isEmpty),
            "recent": .list(Array(recent)), "hasRecent": .bool(!recent.isEmpty),
            "latest": .objects(site.documents.prefix(6).map(common.documentSummary)),
            "documentCount": .number(site.documents.count),
            "deadlineCount": .number(site.calendar.count),
        ]
        if let campaign { extra["campaign"] = .object(campaignSummary(campaign)) }
        return common.context(title: site.config.title, path: "", extra: extra)
    }

    /// Documents a page of `/van-ban/` lists, newest first.
    static let documentPageSize = 100

    /// The pages of `/van-ban/`: `van-ban/`, then `van-ban/trang-2/` ….
    var documentPager: Pager { Pager(path: "van-ban/", count: site.documents.count, size: Self.documentPageSize) }

    /// Where each year starts among the documents (newest first): its label and its first document's index.
    func documentYears() -> [(year: String, first: Int)] {
        var years: [(year: String, first: Int)] = []
        for (index, document) in site.documents.enumerated() {
            let year = Self.yearLabel(document)
            if years.last?.year != year { years.append((year, index)) }
        }
        return years
    }

    /// One page of `/van-ban/`: its documents grouped by year and, when there are several
    /// years, every year (from ``documentYears()``, worked out once a build) linked to the page where it starts.
    func documentList(page: Int, years: [(year: String, first: Int)]) -> TemplateContext {
        let pager = documentPager
        var groups: [(String, [TemplateContext])] = []
        for document in site.documents[pager.slice(of: page)] {
            let year = Self.yearLabel(document)
            if groups.last?.0 == year { groups[groups.count - 1].1.append(common.documentSummary(document)) } else {
                groups.append((year, [common.documentSummary(document)]))
            }
        }
        let yearLinks: [TemplateContext] = pager.pageCount > 1 && years.count > 1 ? years.map { year in
            let target = pager.page(of: year.first)
            return ["year": .text(year.year), "href": .text((target == page ? "" : site.baseURL.link(pager.path(of: target))) + "#nam-" + Slug.make(year.year))]
        } : []
        let title = "Văn bản" + (page > 1 ? ", trang \(page)/\(pager.pageCount)" : "")
        return common.context(title: title, path: pager.path(of: page), description: "Các kế hoạch, công văn về trẻ em, mới nhất trước.",
                              section: "van-ban/",
                              extra: ["groups": .objects(groups.map { ["year": .text($0.0), "id": .text("nam-" + Slug.make($0.0)), "documents": .objects($0.1)] }),
                                      "years": .objects(yearLinks), "hasYears": .bool(!yearLinks.isEmpty),
                                      "pager": .object(pager.context(page: page, link: site.baseURL.link))])
    }

    private static func yearLabel(_ document: SiteDocument) -> String { document.facts.year.map(String.init) ?? "Không rõ năm" }

    func campaignSummary(_ campaign: Site.Campaign) -> TemplateContext {
        let theme = campaign.themes.first?.theme ?? ""
        return ["year": .number(campaign.year), "theme": .text(theme), "hasTheme": .bool(!theme.isEmpty),
                "href": .text(site.baseURL.link("thang-hanh-dong/\(campaign.year)/")),
                "isCurrent": .bool(campaign.year == site.today.year && site.today.month == 6),
                "dates": "01/06/\(campaign.year) – 30/06/\(campaign.year)", "documentCount": .number(campaign.documentSlugs.count)]
    }

    func campaignList() -> TemplateContext {
        common.context(title: "Tháng hành động vì trẻ em", path: "thang-hanh-dong/",
                       description: "Tháng hành động vì trẻ em, từ 1 đến 30 tháng 6 hằng năm: chủ đề và hoạt động theo từng năm.",
                       extra: ["campaigns": .objects(site.campaigns.map(campaignSummary))])
    }

    /// Tasks, activities and documents a page of a campaign shows of each: a province's Action Month
    /// gathers hundreds of documents, and one page listing them all weighed a megabyte.
    static let campaignPageSize = 50

    /// A campaign's pages: `thang-hanh-dong/2025/`, then `thang-hanh-dong/2025/trang-2/` …, one number each.
    func campaignPager(_ campaign: Site.Campaign) -> Pager {
        let pages = Pager.pageCount(showing: [campaign.tasks.count, campaign.quotes.count, campaign.documentSlugs.count], size: Self.campaignPageSize)
        return Pager(path: "thang-hanh-dong/\(campaign.year)/", count: pages, size: 1)
    }

    /// A campaign's themes, each once (with the first document that states it), as every one of its pages shows them:
    /// worked out once for all its pages (``campaign(_:page:themes:)``).
    func campaignThemes(_ campaign: Site.Campaign) -> TemplateValue {
        var seen = Set<UTF8Key>()
        return .objects(campaign.themes.filter { seen.insert(UTF8Key($0.theme)).inserted }.map { item -> TemplateContext in
            let document = site.document(slug: item.slug)
            return ["theme": .text(item.theme), "documentTitle": .text(document?.identity ?? ""),
                    "documentHref": .text(document.map { site.baseURL.link($0.path) } ?? "")]
        })
    }

    /// One page of a campaign: its themes (``campaignThemes(_:)``) and dates on every page, and ``campaignPageSize``
    /// of each of its lists.
    func campaign(_ campaign: Site.Campaign, page: Int, themes: TemplateValue) -> TemplateContext {
        func slice<Item>(_ items: [Item]) -> ArraySlice<Item> { Pager.slice(items, page: page, size: Self.campaignPageSize) }
        let tasks = slice(campaign.tasks).map { item -> TemplateContext in
            ["text": .text(item.task.text), "lead": .text(item.task.lead.joined(separator: "; ")),
             "cooperating": .text(item.task.cooperating.joined(separator: "; ")),
             "timeframe": .text(item.task.timeframe ?? ""), "hasTimeframe": .bool(!(item.task.timeframe ?? "").isEmpty),
             "hasCooperating": .bool(!item.task.cooperating.isEmpty), "href": .text(site.baseURL.link("van-ban/\(item.slug)/") + "#" + item.task.anchor),
             "documentTitle": .text(common.lookup.identity(slug: item.slug) ?? "")]
        }
        let activities = slice(campaign.quotes).map { item -> TemplateContext in
            ["quote": .text(item.quote), "documentTitle": .text(common.lookup.identity(slug: item.slug) ?? ""),
             "href": .text(site.baseURL.link("van-ban/\(item.slug)/"))]
        }
        let documents = slice(campaign.documentSlugs).compactMap { site.document(slug: $0) }.map(common.documentSummary)
        let theme = campaign.themes.first?.theme
        let pager = campaignPager(campaign)
        let heading = "Tháng hành động vì trẻ em năm \(campaign.year)"
        let title = heading + (pager.pageCount > 1 ? " – trang \(page)/\(pager.pageCount)" : "")
        return common.context(title: title, path: pager.path(of: page),
                              description: theme.map { "Chủ đề: “\($0)”. Từ 01/6 đến 30/6/\(campaign.year). Gọi 111 khi trẻ em cần bảo vệ." } ?? heading,
                              section: "thang-hanh-dong/",
                              extra: ["campaign": .object(campaignSummary(campaign)), "heading": .text(heading),
                                      "themes": themes, "hasThemes": .bool(!campaign.themes.isEmpty),
                                      "taskCount": .number(campaign.tasks.count), "activityCount": .number(campaign.quotes.count),
                                      "tasks": .objects(tasks), "hasTasks": .bool(!tasks.isEmpty),
                                      "activities": .objects(activities), "hasActivities": .bool(!activities.isEmpty),
                                      "documents": .objects(documents), "hasDocuments": .bool(!documents.isEmpty),
                                      "pager": .object(pager.context(page: page, link: site.baseURL.link))])
    }

    func agencyList() -> TemplateContext {
        let agencies = site.agencies.map { agency -> TemplateContext in
            ["name": .text(agency.name), "href": .text(site.baseURL.link("co-quan/\(agency.key)/")), "leads": .number(agency.leads.count),
             "cooperates": .number(agency.cooperates.count), "deadlines": .number(agency.deadlines.count)]
        }
        return common.context(title: "Cơ quan, đơn vị", path: "co-quan/", description: "Nhiệm vụ và hạn chót của từng cơ quan trong các văn bản.",
                              extra: ["agencies": .objects(agencies)])
    }
}
