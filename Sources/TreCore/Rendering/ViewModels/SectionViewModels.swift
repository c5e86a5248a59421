/// Contexts of the list pages: home, documents by year, the deadline
/// calendar, Action Month campaigns and agencies.
struct SectionViewModels {
    let common: CommonViewModel
    var site: Site { common.site }

    func home() -> [String: Any] {
        let upcoming = site.calendar.compactMap { entry in entry.nextOccurrence(onOrAfter: site.today).map { (entry, $0) } }
            .sorted { $0.1 < $1.1 }.prefix(5).map { common.deadline($0.0) }
        let recent = site.calendar.filter { $0.deadline.date < site.today && $0.deadline.recurrence == nil }.suffix(3).reversed().map { common.deadline($0) }
        // The current or next Action Month: this year's if any document speaks of it, else the latest.
        let campaign = site.campaigns.first { $0.year == site.today.year } ?? site.campaigns.first
        var extra: [String: Any] = [
            "upcoming": Array(upcoming), "hasUpcoming": !upcoming.isEmpty,
            "recent": Array(recent), "hasRecent": !recent.isEmpty,
            "latest": site.documents.prefix(6).map(common.documentSummary),
            "documentCount": site.documents.count,
            "deadlineCount": site.calendar.count,
        ]
        if let campaign { extra["campaign"] = campaignSummary(campaign) }
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
    func documentList(page: Int, years: [(year: String, first: Int)]) -> [String: Any] {
        let pager = documentPager
        var groups: [(String, [[String: Any]])] = []
        for document in site.documents[pager.slice(of: page)] {
            let year = Self.yearLabel(document)
            if groups.last?.0 == year { groups[groups.count - 1].1.append(common.documentSummary(document)) } else {
                groups.append((year, [common.documentSummary(document)]))
            }
        }
        let yearLinks: [[String: Any]] = pager.pageCount > 1 && years.count > 1 ? years.map { year in
            let target = pager.page(of: year.first)
            return ["year": year.year, "href": (target == page ? "" : site.baseURL.link(pager.path(of: target))) + "#nam-" + Slug.make(year.year)]
        } : []
        let title = "Văn bản" + (page > 1 ? ", trang \(page)/\(pager.pageCount)" : "")
        return common.context(title: title, path: pager.path(of: page), description: "Các kế hoạch, công văn về trẻ em, mới nhất trước.",
                              section: "van-ban/",
                              extra: ["groups": groups.map { ["year": $0.0, "id": "nam-" + Slug.make($0.0), "documents": $0.1] },
                                      "years": yearLinks, "hasYears": !yearLinks.isEmpty,
                                      "pager": pager.context(page: page, link: site.baseURL.link)])
    }

    private static func yearLabel(_ document: SiteDocument) -> String { document.facts.year.map(String.init) ?? "Không rõ năm" }

    func campaignSummary(_ campaign: Site.Campaign) -> [String: Any] {
        let theme = campaign.themes.first?.theme ?? ""
        return ["year": campaign.year, "theme": theme, "hasTheme": !theme.isEmpty,
                "href": site.baseURL.link("thang-hanh-dong/\(campaign.year)/"),
                "isCurrent": campaign.year == site.today.year && site.today.month == 6,
                "dates": "01/06/\(campaign.year) – 30/06/\(campaign.year)", "documentCount": campaign.documentSlugs.count]
    }

    func campaignList() -> [String: Any] {
        common.context(title: "Tháng hành động vì trẻ em", path: "thang-hanh-dong/",
                       description: "Tháng hành động vì trẻ em, từ 1 đến 30 tháng 6 hằng năm: chủ đề và hoạt động theo từng năm.",
                       extra: ["campaigns": site.campaigns.map(campaignSummary)])
    }

    func campaign(_ campaign: Site.Campaign) -> [String: Any] {
        var seenThemes = Set<String>()
        let themes = campaign.themes.filter { seenThemes.insert($0.theme).inserted }.map { item -> [String: Any] in
            let document = site.document(slug: item.slug)
            return ["theme": item.theme, "documentTitle": document?.identity ?? "", "documentHref": document.map { site.baseURL.link($0.path) } ?? ""]
        }
        let tasks = campaign.tasks.map { item -> [String: Any] in
            ["text": item.task.text, "lead": item.task.lead.joined(separator: "; "), "cooperating": item.task.cooperating.joined(separator: "; "),
             "timeframe": item.task.timeframe ?? "", "hasTimeframe": !(item.task.timeframe ?? "").isEmpty,
             "hasCooperating": !item.task.cooperating.isEmpty, "href": site.baseURL.link("van-ban/\(item.slug)/") + "#" + item.task.anchor,
             "documentTitle": site.document(slug: item.slug)?.identity ?? ""]
        }
        let activities = campaign.quotes.map { item -> [String: Any] in
            ["quote": item.quote, "documentTitle": site.document(slug: item.slug)?.identity ?? "",
             "href": site.baseURL.link("van-ban/\(item.slug)/")]
        }
        let documents = campaign.documentSlugs.compactMap { site.document(slug: $0) }.map(common.documentSummary)
        let theme = themes.first?["theme"] as? String
        let title = "Tháng hành động vì trẻ em năm \(campaign.year)"
        return common.context(title: title, path: "thang-hanh-dong/\(campaign.year)/",
                              description: theme.map { "Chủ đề: “\($0)”. Từ 01/6 đến 30/6/\(campaign.year). Gọi 111 khi trẻ em cần bảo vệ." } ?? title,
                              section: "thang-hanh-dong/",
                              extra: ["campaign": campaignSummary(campaign), "themes": themes, "hasThemes": !themes.isEmpty,
                                      "tasks": tasks, "hasTasks": !tasks.isEmpty, "activities": activities, "documents": documents])
    }

    func agencyList() -> [String: Any] {
        let agencies = site.agencies.map {
            ["name": $0.name, "href": site.baseURL.link("co-quan/\($0.key)/"), "leads": $0.leads.count,
             "cooperates": $0.cooperates.count, "deadlines": $0.deadlines.count] as [String: Any]
        }
        return common.context(title: "Cơ quan, đơn vị", path: "co-quan/", description: "Nhiệm vụ và hạn chót của từng cơ quan trong các văn bản.",
                              extra: ["agencies": agencies])
    }
}
