/// Values every page's template sees: the site, the page, the navigation.
/// View models are plain dictionaries so that templates (and unknown front
/// matter keys) need no Swift change.
///
/// A class, so that the view models and rows that share it hold one reference,
/// not each a copy of the whole ``Site`` (a retain per list and table in it).
final class CommonViewModel: Sendable {
    let site: Site

    init(site: Site) { self.site = site }

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

    /// A deadline for a list: date, status against the build date, and links.
    func deadline(_ entry: Site.CalendarEntry, withDocument: Bool = true) -> TemplateContext {
        let d = entry.deadline
        let next = entry.nextOccurrence(onOrAfter: site.today)
        let days = (next ?? d.date).dayNumber - site.today.dayNumber
        let status: String
        let statusClass: String
        if let start = d.start, start <= site.today, days >= 0 {
            status = "đang diễn ra"; statusClass = "dang-dien-ra"
        } else if days > 0 {
            status = "còn \(days) ngày" + (next.map { $0 != d.date ? " (lần tới \($0.vietnamese))" : "" } ?? ""); statusClass = "sap-toi"
        } else if days == 0 {
            status = "hôm nay"; statusClass = "hom-nay"
        } else {
            status = "đã quá hạn"; statusClass = "qua-han"
        }
        var item: TemplateContext = [
            "dateISO": .text(d.date.iso),
            "nextISO": .text((next ?? d.date).iso),
            "dateText": .text(d.date.vietnamese),
            "startText": .text(d.start?.vietnamese ?? ""),
            "startISO": .text(d.start?.iso ?? ""),
            "isPeriod": .bool(d.start != nil),
            "recurrence": .text(Self.recurrenceText(d.recurrence)),
            "isRecurring": .bool(d.recurrence != nil),
            "what": .text(d.what),
            "owners": .text(d.owners.joined(separator: "; ")),
            "hasOwners": .bool(!d.owners.isEmpty),
            "recipients": .text(d.recipients.joined(separator: "; ")),
            "hasRecipients": .bool(!d.recipients.isEmpty),
            "quote": .text(d.quote),
            "phrase": .text(d.phrase),
            "status": .text(status),
            "statusClass": .text(statusClass),
            "href": .text(site.baseURL.link("van-ban/\(entry.slug)/") + "#" + d.anchor),
            "icsHref": .text(site.baseURL.link("van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics")),
            "id": .text(Self.rowID(entry)),
        ]
        if withDocument, let document = site.label(slug: entry.slug) {
            item["documentTitle"] = .text(document.title)
            item["documentIdentity"] = .text(document.identity)
            item["documentHref"] = .text(site.baseURL.link(document.path))
        }
        item["agencyKeys"] = .text(d.owners.map { site.agencyKey($0) }.joined(separator: " "))
        return item
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
