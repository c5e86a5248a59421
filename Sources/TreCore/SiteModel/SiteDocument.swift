/// A content file ready for the site: its URL, its title, what Tre
/// understood of it and what its body is rendered from.
public struct SiteDocument: Sendable {
    /// Path of the content file, relative to the site folder.
    public var source: String
    public var slug: String
    /// Site-relative URL path without a leading slash: `van-ban/2025-kh-61-son-tay/`.
    public var path: String
    public var title: String
    public var layout: String
    public var facts: DocumentFacts
    /// The source and what the body is rendered from: the bulk of a document's memory.
    public var texts: DocumentTexts
    public var frontMatter: FrontMatter
    /// Where things are in the content file, for `tre check`: links written in the text,
    /// the file line of each anchor (nil when the text was repaired PDF text).
    public var links: [(url: String, line: Int)] = []
    public var anchorLines: [String: Int] = [:]
    public var bodyLine = 1

    /// Administrative documents get `/van-ban/<slug>/`; pages with their own layout live at `/<slug>/`.
    public var isDocument: Bool { layout == "document" }

    /// The date used to sort: the issue date, else the first day of the known month or year.
    public var sortDate: CalendarDate? {
        facts.date ?? facts.partialDate.flatMap { CalendarDate(year: $0.year, month: $0.month ?? 1, day: 1) }
            ?? facts.year.flatMap { CalendarDate(year: $0, month: 1, day: 1) }
    }

    /// "Kế hoạch số 61/KH-UBND" or "Công văn (chưa ghi số)".
    public var identity: String {
        let kind = facts.kind ?? "Văn bản"
        if let number = facts.number { return "\(kind) số \(number)" }
        if let symbol = facts.symbol { return "\(kind) số …/\(symbol)" }
        return kind
    }

    /// The date as a reader should see it, saying plainly when a part is blank.
    public var dateText: String {
        if let date = facts.date { return "ngày \(date.vietnamese)" }
        if let partial = facts.partialDate {
            if let month = partial.month { return "tháng \(month) năm \(partial.year) (chưa ghi ngày)" }
            return "năm \(partial.year) (chưa ghi ngày, tháng)"
        }
        return "không ghi ngày"
    }

    /// - Parameter keepingLocations: whether to keep ``links`` and ``anchorLines``, which only `tre check` reads
    ///   (a build of 10,000 documents saves some 30 MB without them).
    /// - Parameter analyzer: what renders the body when its page is written (with the build's base path).
    /// - Parameter keepingBody: keep the body `analyzed` rendered (`tre serve`) instead of rendering it when asked.
    /// - Parameter rereading: the file's location, to read it again when its page is written instead of
    ///   holding its texts (a one-shot build); nil holds them.
    /// - Parameter store: where the body is kept until its page is written, and between builds (with `rereading`).
    static func make(file: SourceFile, analyzed: DocumentAnalyzer.Result, analyzer: DocumentAnalyzer, keepingBody: Bool,
                     rereading location: SourceFileLocation? = nil, store: FactsStore? = nil, keepingLocations: Bool = true) -> SiteDocument {
        let texts = location.map {
            DocumentTexts(location: $0, repairing: analyzed.wasRepaired, header: analyzed.header, layout: file.frontMatter.layout, analyzer: analyzer, store: store)
        }
            ?? DocumentTexts(source: file.raw, repaired: analyzed.repaired, header: analyzed.header, layout: file.frontMatter.layout, analyzer: analyzer,
                             keepingBody: keepingBody ? analyzed.body : nil)
        var document = make(file: file, facts: analyzed.facts, texts: texts)
        if keepingLocations && !analyzed.wasRepaired {
            document.links = analyzed.links.map { ($0.url, file.bodyLine + $0.line - 1) }
            for block in analyzed.blocks where document.anchorLines[block.anchor] == nil {
                document.anchorLines[block.anchor] = file.bodyLine + block.line - 1
            }
        }
        return document
    }

    /// A document from its file, its facts and its texts: URL, layout and title.
    static func make(file: SourceFile, facts: DocumentFacts, texts: DocumentTexts) -> SiteDocument {
        let stem = file.path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? file.path
        let slug = file.frontMatter.slug ?? Slug.make(stem)
        let layout = file.frontMatter.layout ?? "document"
        let title = file.frontMatter.title ?? facts.subject.map(Self.readableSubject) ?? (facts.kind ?? stem)
        let path = layout == "document" ? "van-ban/\(slug)/" : "\(slug)/"
        var document = SiteDocument(source: file.path, slug: slug, path: path, title: title, layout: layout, facts: facts,
                                    texts: texts, frontMatter: file.frontMatter)
        document.bodyLine = file.bodyLine
        return document
    }

    /// "V/v triển khai nhiệm vụ …" → "Triển khai nhiệm vụ …"
    static func readableSubject(_ subject: String) -> String {
        var text = subject
        if text.hasPrefix("V/v ") { text = String(text.dropFirst(4)) }
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
