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

    func documentList() -> [String: Any] {
        var groups: [(String, [[String: Any]])] = []
        for document in site.documents {
            let year = document.facts.year.map(String.init) ?? "Không rõ năm"
            if groups.last?.0 == year { groups[groups.count - 1].1.append(common.documentSummary(document)) } else {
                groups.append((year, [common.documentSummary(document)]))
            }
        }
        return common.context(title: "Văn bản", path: "van-ban/", description: "Các kế hoạch, công văn về trẻ em, mới nhất trước.",
                              extra: ["groups": groups.map { ["year": $0.0, "id": "nam-" + Slug.make($0.0), "documents": $0.1] }])
    }

    func calendar() -> [String: Any] {
        // Upcoming: each deadline at its next occurrence (recurring ones come round again); past: as written.
        let upcoming = site.calendar.compactMap { entry in entry.nextOccurrence(onOrAfter: site.today).map { (entry: entry, date: $0) } }
            .sorted { $0.date < $1.date }
        let past = site.calendar.filter { $0.deadline.date < site.today }.map { (entry: $0, date: $0.deadline.date) }.reversed()
        let agencies = site.agencies.filter { !$0.deadlines.isEmpty }.map {
            ["name": $0.name, "href": site.baseURL.link("co-quan/\($0.key)/"), "count": $0.deadlines.count] as [String: Any]
        }
        let upcomingMonths = months(upcoming, idPrefix: "sap-toi")
        let pastMonths = months(Array(past), idPrefix: "da-qua")
        return common.context(title: "Lịch hạn chót", path: "lich/", description: "Hạn báo cáo và thời gian thực hiện trong các văn bản, theo tháng.",
                              extra: ["upcomingMonths": upcomingMonths, "hasUpcoming": !upcomingMonths.isEmpty,
                                      "pastMonths": pastMonths, "hasPast": !pastMonths.isEmpty, "agencies": agencies, "hasAgencies": !agencies.isEmpty])
    }

    /// Occurrences grouped by month, in the order given, each month with its grid.
    func months(_ occurrences: [(entry: Site.CalendarEntry, date: CalendarDate)], idPrefix: String) -> [[String: Any]] {
        var groups: [(year: Int, month: Int, items: [(entry: Site.CalendarEntry, date: CalendarDate)])] = []
        for item in occurrences {
            if let last = groups.last, last.year == item.date.year, last.month == item.date.month {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append((item.date.year, item.date.month, [item]))
            }
        }
        return groups.map { group in
            let entries = group.items.map { item -> [String: Any] in
                var model = common.deadline(item.entry)
                model["id"] = "\(idPrefix)-\(model["id"] as! String)"
                return model
            }
            return [
                "label": "Tháng \(group.month)/\(group.year)",
                "id": "\(idPrefix)-\(group.year)-\(group.month < 10 ? "0" : "")\(group.month)",
                "weeks": MonthGrid.weeks(year: group.year, month: group.month,
                                         days: Dictionary(grouping: zip(group.items, entries).map { ($0.0.date.day, $0.1["id"] as! String) }, by: \.0)
                                            .mapValues { $0.map(\.1) }, today: site.today),
                "entries": entries,
            ]
        }
    }

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
             "timeframe": item.task.timeframe ?? "", "href": site.baseURL.link("van-ban/\(item.slug)/") + "#" + item.task.anchor,
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

    func agency(_ agency: Site.Agency) -> [String: Any] {
        func task(_ item: (slug: String, task: DocumentFacts.Task)) -> [String: Any] {
            ["text": item.task.text, "timeframe": item.task.timeframe ?? "",
             "href": site.baseURL.link("van-ban/\(item.slug)/") + "#" + item.task.anchor,
             "documentTitle": site.document(slug: item.slug)?.identity ?? ""]
        }
        return common.context(title: agency.name, path: "co-quan/\(agency.key)/", section: "co-quan/",
                              extra: ["agency": ["name": agency.name, "icsHref": site.baseURL.link("co-quan/\(agency.key)/han-chot.ics")] as [String: Any],
                                      "leads": agency.leads.map(task), "hasLeads": !agency.leads.isEmpty,
                                      "cooperates": agency.cooperates.map(task), "hasCooperates": !agency.cooperates.isEmpty,
                                      "deadlines": agency.deadlines.map { common.deadline($0) }, "hasDeadlines": !agency.deadlines.isEmpty])
    }
}

/// A month as weeks of days, Monday first, for the calendar's grid.
enum MonthGrid {
    /// - Parameter days: day of the month → ids of the entries due that day.
    static func weeks(year: Int, month: Int, days: [Int: [String]], today: CalendarDate) -> [[String: Any]] {
        let first = CalendarDate(year: year, month: month, day: 1)!
        // 1970-01-01 was a Thursday; Monday = 0.
        let weekday = ((first.dayNumber % 7) + 7 + 3) % 7
        var cells: [[String: Any]] = Array(repeating: ["isEmpty": true], count: weekday)
        for day in 1...CalendarDate.daysIn(month: month, year: year) {
            let due = days[day] ?? []
            var cell: [String: Any] = ["isEmpty": false, "day": day, "isToday": CalendarDate(year: year, month: month, day: day) == today,
                                       "hasDeadline": !due.isEmpty, "label": "ngày \(day)" + (due.isEmpty ? "" : ", \(due.count) hạn chót")]
            if let id = due.first { cell["href"] = "#" + id }
            cells.append(cell)
        }
        while cells.count % 7 != 0 { cells.append(["isEmpty": true]) }
        return stride(from: 0, to: cells.count, by: 7).map { ["days": Array(cells[$0..<$0 + 7])] }
    }
}

import Foundation
