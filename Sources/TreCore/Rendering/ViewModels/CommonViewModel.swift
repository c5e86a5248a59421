/// Values every page's template sees: the site, the page, the navigation.
/// View models are plain dictionaries so that templates (and unknown front
/// matter keys) need no Swift change.
struct CommonViewModel: Sendable {
    let site: Site

    static let navigation: [(label: String, path: String)] = [
        ("Trang chủ", ""), ("Văn bản", "van-ban/"), ("Lịch hạn", "lich/"),
        ("Tháng hành động", "thang-hanh-dong/"), ("Cơ quan", "co-quan/"), ("Tổng đài 111", "tong-dai-111/"), ("Tìm kiếm", "tim-kiem/"),
    ]

    func context(title: String, path: String, description: String? = nil, section: String? = nil, extra: [String: Any] = [:]) -> [String: Any] {
        let base = site.baseURL
        let hotline = site.hotlinePath
        // The hotline's own page is in the menu when the site has one; every page's header still links tel:111.
        let items: [(label: String, path: String)] = Self.navigation.compactMap { item in
            item.path == "tong-dai-111/" ? hotline.map { (label: item.label, path: $0) } : item
        }
        let nav = items.map { item -> [String: Any] in
            let current = (section ?? path) == item.path
            return ["label": item.label, "href": base.link(item.path), "current": current]
        }
        var context: [String: Any] = [
            "site": [
                "title": site.config.title,
                "description": site.config.description,
                "language": site.config.language,
                "contact": site.config.contact ?? "",
                "hasContact": !(site.config.contact ?? "").isEmpty,
                "base": base.path,
                "hasHotlinePage": hotline != nil,
                "hotlineHref": base.link(hotline ?? ""),
                "extra": site.config.extra.mapValues(\.templateValue),
            ] as [String: Any],
            "page": [
                "title": title,
                "fullTitle": path.isEmpty ? site.config.title : "\(title) – \(site.config.title)",
                "description": description ?? site.config.description,
                "path": base.link(path),
                "url": base.absolute(path),
                "isHome": path.isEmpty,
            ] as [String: Any],
            "nav": nav,
            "assets": base.link("assets/"),
            "feedHref": base.link("feed.xml"),
            "icsHref": base.link("lich/han-chot.ics"),
            "searchHref": base.link("tim-kiem/"),
            "today": site.today.iso,
            "todayText": site.today.vietnamese,
        ]
        for (key, value) in extra { context[key] = value }
        return context
    }

    /// A deadline for a list: date, status against the build date, and links.
    func deadline(_ entry: Site.CalendarEntry, withDocument: Bool = true) -> [String: Any] {
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
        var item: [String: Any] = [
            "dateISO": d.date.iso,
            "nextISO": (next ?? d.date).iso,
            "dateText": d.date.vietnamese,
            "startText": d.start?.vietnamese ?? "",
            "startISO": d.start?.iso ?? "",
            "isPeriod": d.start != nil,
            "recurrence": Self.recurrenceText(d.recurrence),
            "isRecurring": d.recurrence != nil,
            "what": d.what,
            "owners": d.owners.joined(separator: "; "),
            "hasOwners": !d.owners.isEmpty,
            "recipients": d.recipients.joined(separator: "; "),
            "hasRecipients": !d.recipients.isEmpty,
            "quote": d.quote,
            "phrase": d.phrase,
            "status": status,
            "statusClass": statusClass,
            "href": site.baseURL.link("van-ban/\(entry.slug)/") + "#" + d.anchor,
            "icsHref": site.baseURL.link("van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics"),
            "id": "han-\(entry.slug)-\(entry.index + 1)",
        ]
        if withDocument, let document = site.document(slug: entry.slug) {
            item["documentTitle"] = document.title
            item["documentIdentity"] = document.identity
            item["documentHref"] = site.baseURL.link(document.path)
        }
        item["agencyKeys"] = d.owners.map(AgencyNames.key).joined(separator: " ")
        return item
    }

    static func recurrenceText(_ recurrence: String?) -> String {
        switch recurrence {
        case "yearly": "hằng năm"
        case "half-yearly": "6 tháng một lần"
        case "quarterly": "hằng quý"
        case "monthly": "hằng tháng"
        default: ""
        }
    }

    func documentSummary(_ document: SiteDocument) -> [String: Any] {
        [
            "title": document.title,
            "identity": document.identity,
            "kind": document.facts.kind ?? "Văn bản",
            "issuer": document.facts.issuer ?? "",
            "hasIssuer": !(document.facts.issuer ?? "").isEmpty,
            "dateText": document.dateText,
            "dateISO": document.facts.date?.iso ?? "",
            "hasDateISO": document.facts.date != nil,
            "href": site.baseURL.link(document.path),
            "year": document.facts.year.map(String.init) ?? "Không rõ năm",
        ]
    }
}
