/// The context of a document page: header card, body, tasks, deadlines,
/// citations both ways.
struct DocumentViewModel: Sendable {
    let common: CommonViewModel
    var site: Site { common.site }

    /// Everything but the body (``withBody(_:_:)`` adds it): what the page's digest is taken of,
    /// with the body's own digest (``DocumentTexts/bodyDigest``), so that an unchanged page is
    /// kept without its body being rendered.
    func context(_ document: SiteDocument) -> TemplateContext {
        let facts = document.facts
        let base = site.baseURL
        let targets = site.citationTargets[document.slug] ?? [:]
        let citations = facts.citations.enumerated().map { index, citation -> TemplateContext in
            let target = targets[index].flatMap { site.document(slug: $0) }
            return [
                "kind": .text(citation.kind), "number": .text(citation.number ?? ""),
                "dateText": .text(citation.date?.vietnamese ?? ""), "hasDate": .bool(citation.date != nil),
                "issuer": .text(citation.issuer ?? ""), "hasIssuer": .bool(citation.issuer != nil),
                "href": .text(target.map { base.link($0.path) } ?? ""), "isLinked": .bool(target != nil),
            ]
        }
        let citedBy = (site.citedBy[document.slug] ?? []).compactMap { site.document(slug: $0) }.map(common.documentSummary)
        let deadlines = (site.calendarBySlug[document.slug] ?? []).map { common.deadline($0, withDocument: false) }
        let tasks = facts.tasks.map { task -> TemplateContext in
            ["number": .text(task.number), "text": .text(task.text), "lead": .text(task.lead.joined(separator: "; ")),
             "cooperating": .text(task.cooperating.joined(separator: "; ")), "timeframe": .text(task.timeframe ?? ""),
             "href": .text("#" + task.anchor)]
        }
        var card: [TemplateContext] = []
        func row(_ label: String, _ value: String?) { if let value, !value.isEmpty { card.append(["label": .text(label), "value": .text(value)]) } }
        row("Loại văn bản", facts.kind)
        row("Số, ký hiệu", facts.number ?? facts.symbol.map { "…/\($0) (chưa ghi số)" })
        row("Cơ quan ban hành", facts.issuer)
        row("Nơi ban hành", facts.place)
        row("Ngày ban hành", document.dateText)
        row("Trích yếu", facts.subject)
        row("Năm áp dụng", facts.year.map(String.init))
        row("Người ký", facts.signer.map { [$0.position, $0.name].compactMap { $0 }.joined(separator: " ") })
        var model: TemplateContext = [
            "title": .text(document.title),
            "identity": .text(document.identity),
            "card": .objects(card),
            "recipients": .list(facts.recipients.map(TemplateValue.text)),
            "hasRecipients": .bool(!facts.recipients.isEmpty),
            "tasks": .objects(tasks), "hasTasks": .bool(!tasks.isEmpty),
            "deadlines": .list(deadlines), "hasDeadlines": .bool(!deadlines.isEmpty),
            "citations": .objects(citations), "hasCitations": .bool(!citations.isEmpty),
            "citedBy": .objects(citedBy), "hasCitedBy": .bool(!citedBy.isEmpty),
            "sourceHref": .text(base.link(document.path + "van-ban.txt")),
            "mentionsHotline": .bool(facts.mentionsHotline),
            "extra": .object(document.frontMatter.extra.mapValues(\.templateValue)),
        ]
        if let month = facts.actionMonth, let year = month.year {
            model["actionMonth"] = ["year": .number(year), "theme": .text(month.theme ?? ""), "hasTheme": .bool(month.theme != nil),
                                    "href": .text(base.link("thang-hanh-dong/\(year)/"))]
        }
        let description = [document.identity, facts.issuer, facts.subject].compactMap { $0 }.joined(separator: " – ")
        return common.context(title: document.title, path: document.path, description: description, section: "van-ban/",
                              extra: ["doc": .object(model)])
    }

    /// A document page's ``context(_:)`` with its body: `doc.body`, `doc.footnotes`, `doc.hasFootnotes`.
    static func withBody(_ context: TemplateContext, _ body: DocumentAnalyzer.Body) -> TemplateContext {
        guard case .object(var doc)? = context["doc"] else { return context }
        doc["body"] = .utf8(body.htmlUTF8)
        doc["footnotes"] = .objects(body.footnotes.map { ["label": .text($0.label), "id": .text("chu-thich-" + Slug.make($0.label)), "html": .text($0.html)] })
        doc["hasFootnotes"] = .bool(!body.footnotes.isEmpty)
        var full = context
        full["doc"] = .object(doc)
        return full
    }

    /// A page with its own layout (the hotline page): title and body.
    func pageContext(_ page: SiteDocument, body: DocumentAnalyzer.Body) -> TemplateContext {
        common.context(title: page.title, path: page.path, section: page.path,
                       extra: ["doc": ["title": .text(page.title), "body": .utf8(body.htmlUTF8),
                                       "extra": .object(page.frontMatter.extra.mapValues(\.templateValue))]])
    }
}
