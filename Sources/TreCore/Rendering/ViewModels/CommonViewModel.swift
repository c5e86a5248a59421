/// Values every page's template sees: the site, the page, the navigation.
/// View models are plain dictionaries so that templates (and unknown front
/// matter keys) need no Swift change.
///
/// A class, so that the view models and rows that share it hold one reference,
/// not each a copy of the whole ``Site`` (a retain per list and table in it).
final class CommonViewModel: Sendable {
    let site: Site
    /// The site's lookups, called on without copying the site (``Site/Lookup``).
    let lookup: Site.Lookup

    init(site: Site) {
        self.site = site
        lookup = site.lookup
    }

    static let navigation: [(label: String, path: String)] = [
        ("Trang chủ", ""), ("Văn bản", "van-ban/"), ("Lịch hạn", "lich/"),
        ("Tháng hành động", "thang-hanh-dong/"), ("Cơ quan", "co-quan/"), ("Tổng đài 111", "tong-dai-111/"), ("Tìm kiếm", "tim-kiem/"),
    ]

    func context(title: String, path: String, description: String? = nil, section: String? = nil, extra: TemplateContext = [:]) -> TemplateContext {
        let base = site.baseURL
        let hotline = site.hotlinePath
        // The hotline's own page is in the menu when the site has one; every page's header still links tel:111.
        let items: [(label: String, path: String)] = Self.navigation.compactMap { item in
            item.path == "tong-dai-111/" ? hotline.map { (label: item.label, path: $0) } : item
        }
        let nav = items.map { item -> TemplateContext in
            let current = (section ?? path) == item.path
            return ["label": .text(item.label), "href": .text(base.link(item.path)), "current": .bool(current)]
        }
        var context: TemplateContext = [
            "site": [
                "title": .text(site.config.title),
                "description": .text(site.config.description),
                "language": .text(site.config.language),
                "contact": .text(site.config.contact ?? ""),
                "hasContact": .bool(!(site.config.contact ?? "").isEmpty),
                "base": .text(base.path),
                "hasHotlinePage": .bool(hotline != nil),
                "hotlineHref": .text(base.link(hotline ?? "")),
                "extra": .object(site.config.extra.mapValues(\.templateValue)),
            ],
            "page": [
                "title": .text(title),
                "fullTitle": .text(path.isEmpty ? site.config.title : "\(title) – \(site.config.title)"),
                "description": .text(description ?? site.config.description),
                "path": .text(base.link(path)),
                "url": .text(base.absolute(path)),
                "isHome": .bool(path.isEmpty),
            ],
            "nav": .objects(nav),
            "assets": .text(base.link("assets/")),
            "feedHref": .text(base.link("feed.xml")),
            "icsHref": .text(base.link("lich/han-chot.ics")),
            "searchHref": .text(base.link("tim-kiem/")),
            "today": .text(site.today.iso),
            "todayText": .text(site.today.vietnamese),
        ]
        for (key, value) in extra { context[key] = value }
        return context
    }

    /// A deadline for a list: date, status against the build date, and links (``DeadlineItem``).
    func deadline(_ entry: Site.CalendarEntry, withDocument: Bool = true) -> TemplateValue {
        .lazy(DeadlineItem(entry, common: self, withDocument: withDocument))
    }

    /// The HTML id of a deadline's row, which the calendar's day grid links to: `han-<slug>-<n>`.
    static func rowID(_ entry: Site.CalendarEntry) -> String { "han-\(entry.slug)-\(entry.index + 1)" }

    static func recurrenceText(_ recurrence: String?) -> String {
        switch recurrence {
        case "yearly": "hằng năm"
        case "half-yearly": "6 tháng một lần"
        case "quarterly": "hằng quý"
        case "monthly": "hằng tháng"
        default: ""
        }
    }

    func documentSummary(_ document: SiteDocument) -> TemplateContext {
        [
            "title": .text(document.title),
            "identity": .text(document.identity),
            "kind": .text(document.facts.kind ?? "Văn bản"),
            "issuer": .text(document.facts.issuer ?? ""),
            "hasIssuer": .bool(!(document.facts.issuer ?? "").isEmpty),
            "dateText": .text(document.dateText),
            "dateISO": .text(document.facts.date?.iso ?? ""),
            "hasDateISO": .bool(document.facts.date != nil),
            "href": .text(site.baseURL.link(document.path)),
            "year": .text(document.facts.year.map(String.init) ?? "Không rõ năm"),
        ]
    }
}
