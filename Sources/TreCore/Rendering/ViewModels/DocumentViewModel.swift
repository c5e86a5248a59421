/// The context of a document page: header card, body, tasks, deadlines,
/// citations both ways.
struct DocumentViewModel: Sendable {
    let common: CommonViewModel
    var site: Site { common.site }

    func context(_ document: SiteDocument) -> [String: Any] {
        let facts = document.facts
        let base = site.baseURL
        let targets = site.citationTargets[document.slug] ?? [:]
        let citations = facts.citations.enumerated().map { index, citation -> [String: Any] in
            let target = targets[index].flatMap { site.document(slug: $0) }
            return [
                "kind": citation.kind, "number": citation.number ?? "",
                "dateText": citation.date?.vietnamese ?? "", "hasDate": citation.date != nil,
                "issuer": citation.issuer ?? "", "hasIssuer": citation.issuer != nil,
                "href": target.map { base.link($0.path) } ?? "", "isLinked": target != nil,
            ]
        }
        let citedBy = (site.citedBy[document.slug] ?? []).compactMap { site.document(slug: $0) }.map(common.documentSummary)
        let deadlines = (site.calendarBySlug[document.slug] ?? []).map { common.deadline($0, withDocument: false) }
        let tasks = facts.tasks.map { task -> [String: Any] in
            ["number": task.number, "text": task.text, "lead": task.lead.joined(separator: "; "),
             "cooperating": task.cooperating.joined(separator: "; "), "timeframe": task.timeframe ?? "",
             "href": "#" + task.anchor]
        }
        var card: [[String: Any]] = []
        func row(_ label: String, _ value: String?) { if let value, !value.isEmpty { card.append(["label": label, "value": value]) } }
        row("Loại văn bản", facts.kind)
        row("Số, ký hiệu", facts.number ?? facts.symbol.map { "…/\($0) (chưa ghi số)" })
        row("Cơ quan ban hành", facts.issuer)
        row("Nơi ban hành", facts.place)
        row("Ngày ban hành", document.dateText)
        row("Trích yếu", facts.subject)
        row("Năm áp dụng", facts.year.map(String.init))
        row("Người ký", facts.signer.map { [$0.position, $0.name].compactMap { $0 }.joined(separator: " ") })
        var model: [String: Any] = [
            "title": document.title,
            "identity": document.identity,
            "card": card,
            "body": document.bodyHTML,
            "footnotes": document.footnotes.map { ["label": $0.label, "id": "chu-thich-" + Slug.make($0.label), "html": $0.html] },
            "hasFootnotes": !document.footnotes.isEmpty,
            "recipients": facts.recipients,
            "hasRecipients": !facts.recipients.isEmpty,
            "tasks": tasks, "hasTasks": !tasks.isEmpty,
            "deadlines": deadlines, "hasDeadlines": !deadlines.isEmpty,
            "citations": citations, "hasCitations": !citations.isEmpty,
            "citedBy": citedBy, "hasCitedBy": !citedBy.isEmpty,
            "sourceHref": base.link(document.path + "van-ban.txt"),
            "mentionsHotline": facts.mentionsHotline,
            "extra": document.frontMatter.extra.mapValues(\.templateValue),
        ]
        if let month = facts.actionMonth, let year = month.year {
            model["actionMonth"] = ["year": year, "theme": month.theme ?? "", "hasTheme": month.theme != nil,
                                    "href": base.link("thang-hanh-dong/\(year)/")] as [String: Any]
        }
        let description = [document.identity, facts.issuer, facts.subject].compactMap { $0 }.joined(separator: " – ")
        return common.context(title: document.title, path: document.path, description: description, section: "van-ban/",
                              extra: ["doc": model])
    }

    /// A page with its own layout (the hotline page): title and body.
    func pageContext(_ page: SiteDocument) -> [String: Any] {
        common.context(title: page.title, path: page.path, section: page.path,
                       extra: ["doc": ["title": page.title, "body": page.bodyHTML,
                                       "extra": page.frontMatter.extra.mapValues(\.templateValue)] as [String: Any]])
    }
}
