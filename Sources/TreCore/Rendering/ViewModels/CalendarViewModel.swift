/// Contexts of the deadline calendar: `/lich/` (the next months with
/// deadlines and an index of every month) and one page per month
/// (`/lich/YYYY-MM/`, numbered pages past ``monthPageSize`` deadlines).
struct CalendarViewModel {
    let common: CommonViewModel
    let months: CalendarMonths
    let rows: DeadlineRows
    var site: Site { common.site }

    /// Months with deadlines that `/lich/` shows in full.
    static let upcomingMonthsShown = 3
    static let monthPageSize = 100

    func overview() -> TemplateContext {
        // The first months with deadlines to come, at most a page of rows in all; the rest of a month is on its page.
        var groups: [[CalendarMonths.Item]] = []
        for item in months.upcoming {
            if let last = groups.last?.last, last.date.year == item.date.year, last.date.month == item.date.month {
                groups[groups.count - 1].append(item)
            } else if groups.count < Self.upcomingMonthsShown {
                groups.append([item])
            } else {
                break
            }
        }
        // A day's deadlines are all to come or all past, so a month's days from today on are exactly its upcoming ones,
        // in the same order: the overview shows a run of the month's items starting at its first upcoming one.
        var budget = Self.monthPageSize
        let upcoming = groups.compactMap { items -> TemplateContext? in
            guard budget > 0, let month = months.all.first(where: { $0.year == items[0].date.year && $0.month == items[0].date.month }) else { return nil }
            let shown = Array(items.prefix(budget))
            budget -= shown.count
            let pager = pager(for: month)
            let firstUpcoming = month.items.count - items.count
            var model = section(month: month, id: "sap-toi-" + month.slug, shown: shown, fromDay: items[0].date.day) { index in
                index < firstUpcoming + shown.count ? "" : site.baseURL.link(pager.path(of: pager.page(of: index)))
            }
            model["href"] = .text(site.baseURL.link(pager.path))
            if shown.count < items.count { model["more"] = ["count": .number(items.count - shown.count), "href": .text(site.baseURL.link(pager.path))] }
            return model
        }
        let agencies = site.agencies.filter { !$0.deadlines.isEmpty }.map { agency -> TemplateContext in
            ["name": .text(agency.name), "href": .text(site.baseURL.link("co-quan/\(agency.key)/")), "count": .number(agency.deadlines.count)]
        }
        var years: [(year: Int, months: [TemplateContext])] = []
        for month in months.all.reversed() {
            let link: TemplateContext = ["label": "Tháng \(month.month)", "href": .text(site.baseURL.link("lich/\(month.slug)/")),
                                         "count": .number(month.items.count),
                                         "isCurrent": .bool(month.year == site.today.year && month.month == site.today.month)]
            if years.last?.year == month.year { years[years.count - 1].months.insert(link, at: 0) } else { years.append((month.year, [link])) }
        }
        return common.context(title: "Lịch hạn chót", path: "lich/", description: "Hạn báo cáo và thời gian thực hiện trong các văn bản, theo tháng.",
                              extra: ["upcomingMonths": .objects(upcoming), "hasUpcoming": .bool(!upcoming.isEmpty),
                                      "years": .objects(years.map { ["year": .number($0.year), "months": .objects($0.months)] }),
                                      "hasMonths": .bool(!years.isEmpty),
                                      "agencies": .objects(agencies), "hasAgencies": .bool(!agencies.isEmpty)])
    }

    /// The page paths of a month: its first page and any numbered pages after it.
    func pager(for month: CalendarMonths.Month) -> Pager {
        Pager(path: "lich/\(month.slug)/", count: month.items.count, size: Self.monthPageSize)
    }

    /// The items a month's page lists.
    func items(at position: Int, page: Int) -> ArraySlice<CalendarMonths.Item> {
        let month = months.all[position]
        return month.items[pager(for: month).slice(of: page)]
    }

    /// The deadlines a month's page lists.
    func entries(at position: Int, page: Int) -> [Site.CalendarEntry] { items(at: position, page: page).map(\.entry) }

    func month(at position: Int, page: Int) -> TemplateContext {
        let month = months.all[position]
        let pager = pager(for: month)
        let section = section(month: month, id: "thang-" + month.slug, shown: Array(items(at: position, page: page)), fromDay: 1) { index in
            pager.page(of: index) == page ? "" : site.baseURL.link(pager.path(of: pager.page(of: index)))
        }
        var extra: TemplateContext = ["month": .object(section), "pager": .object(pager.context(page: page, link: site.baseURL.link)),
                                      "count": .number(month.items.count)]
        if position > 0 { extra["previous"] = neighbour(months.all[position - 1]) }
        if position + 1 < months.all.count { extra["next"] = neighbour(months.all[position + 1]) }
        let title = month.label + (pager.pageCount > 1 ? ", trang \(page)/\(pager.pageCount)" : "")
        return common.context(title: "Hạn chót " + title.lowercased(), path: pager.path(of: page),
                              description: "Các hạn chót trong \(month.label.lowercased()), theo ngày.", section: "lich/", extra: extra)
    }

    private func neighbour(_ month: CalendarMonths.Month) -> TemplateValue {
        ["label": .text(month.label), "href": .text(site.baseURL.link("lich/\(month.slug)/"))]
    }

    /// One month as `calendar-month.mustache` shows it: heading, a grid whose
    /// days from `fromDay` on link to their first deadline (`page` gives the page
    /// that item's position in the month is on, "" for this one), and the rows of `shown`.
    private func section(month: CalendarMonths.Month, id: String, shown: [CalendarMonths.Item], fromDay: Int,
                         page: (Int) -> String) -> TemplateContext {
        let days = month.days.filter { $0.key >= fromDay }
        let links = days.compactMapValues { day in rows[month.items[day.first].entry].map { page(day.first) + "#" + $0.id } }
        return [
            "label": .text(month.label), "id": .text(id),
            "weeks": .objects(MonthGrid.weeks(year: month.year, month: month.month, days: links, counts: days.mapValues(\.count), today: site.today)),
            "entries": .list(shown.compactMap { rows[$0.entry].map(TemplateValue.lazy) }),
        ]
    }
}

/// A month as weeks of days, Monday first, for the calendar's grid.
enum MonthGrid {
    /// - Parameters:
    ///   - days: day of the month → link to its first deadline.
    ///   - counts: day of the month → how many deadlines fall on it.
    static func weeks(year: Int, month: Int, days: [Int: String], counts: [Int: Int], today: CalendarDate) -> [TemplateContext] {
        let first = CalendarDate(year: year, month: month, day: 1)!
        // 1970-01-01 was a Thursday; Monday = 0.
        let weekday = ((first.dayNumber % 7) + 7 + 3) % 7
        var cells: [TemplateContext] = Array(repeating: ["isEmpty": true], count: weekday)
        for day in 1...CalendarDate.daysIn(month: month, year: year) {
            let due = counts[day] ?? 0
            var cell: TemplateContext = ["isEmpty": false, "day": .number(day), "isToday": .bool(CalendarDate(year: year, month: month, day: day) == today),
                                         "hasDeadline": .bool(due > 0), "label": .text("ngày \(day)" + (due == 0 ? "" : ", \(due) hạn chót"))]
            if let href = days[day] { cell["href"] = .text(href) }
            cells.append(cell)
        }
        while cells.count % 7 != 0 { cells.append(["isEmpty": true]) }
        return stride(from: 0, to: cells.count, by: 7).map { ["days": .objects(Array(cells[$0..<$0 + 7]))] }
    }
}
