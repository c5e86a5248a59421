/// Understands one document: repairs PDF text, parses the Markdown once with
/// libcmark, extracts the facts and renders the body with anchors.
///
/// ```swift
/// let analyzed = DocumentAnalyzer().analyze(markdown: text)
/// analyzed.facts.kind        // "Kế hoạch"
/// analyzed.facts.deadlines   // [2025-05-15 …]
/// ```
public struct DocumentAnalyzer: Sendable {
    public var basePath: String
    public var allowUnsafeHTML: Bool

    public init(basePath: String = "/", allowUnsafeHTML: Bool = false) {
        self.basePath = basePath
        self.allowUnsafeHTML = allowUnsafeHTML
    }

    public struct Result: Sendable {
        public var facts: DocumentFacts
        /// The body, footnotes and plain text; empty when analysed with `rendering: false`.
        public var body: Body
        /// The body as HTML, header blocks left out (the page shows them in its card).
        public var bodyHTML: String { body.html }
        /// Footnotes as (label, HTML).
        public var footnotes: [(label: String, html: String)] { body.footnotes }
        /// The body as plain text, header left out: what search indexes.
        public var plainText: String { body.plainText }
        /// The text after PDF repair, footnotes still in it: what ``renderBody(ofRepaired:header:layout:)`` takes.
        public var repaired: String
        /// Which of ``blocks`` are the header (left out of the body), in order.
        public var header: [Int]
        /// The Markdown after PDF repair, footnotes taken out: what was parsed.
        public var markdown: String
        public var wasRepaired: Bool
        public var blocks: [DocumentOutline.Block]
        public var links: [(url: String, line: Int)] = []
    }

    /// What a page shows of a document's text and what search indexes of it.
    public struct Body: Sendable {
        /// The body as HTML (UTF-8), header blocks left out (the page shows them in its card): written
        /// into the page as the bytes it was rendered to.
        public var htmlUTF8: [UInt8]
        /// ``htmlUTF8`` as text.
        public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
        /// Footnotes as (label, HTML).
        public var footnotes: [(label: String, html: String)]
        /// The body as plain text, header left out.
        public var plainText: String

        static let empty = Body(htmlUTF8: [], footnotes: [], plainText: "")
    }

    /// - Parameter known: the facts an earlier build extracted from the same text; extraction is skipped.
    /// - Parameter rendering: false leaves ``Result/body`` empty, for a build that renders each body
    ///   when its page is written (``renderBody(ofRepaired:header:layout:)``) instead of holding them all.
    public func analyze(markdown source: String, frontMatter: FrontMatter = FrontMatter(), known: DocumentFacts? = nil,
                        rendering: Bool = true) -> Result {
        let repaired = PDFTextRepair.repair(source)
        let parsed = parse(repaired, header: nil)
        let facts = known ?? Self.facts(from: parsed.outline.blocks, frontMatter: frontMatter, footnotes: parsed.footnotes.notes, header: parsed.header)
        return Result(facts: facts, body: rendering ? render(parsed, layout: frontMatter.layout) : .empty, repaired: repaired,
                      header: parsed.header.sorted(), markdown: parsed.markdown, wasRepaired: repaired != source, blocks: parsed.outline.blocks, links: parsed.outline.links)
    }

    /// The body of a text ``analyze(markdown:frontMatter:known:rendering:)`` repaired, as
    /// that would have rendered it: the same parse, without extracting anything.
    /// - Parameter header: the analysis's ``Result/header``; nil finds the header blocks again.
    /// - Parameter layout: the front matter's layout (nil for a document).
    public func renderBody(ofRepaired repaired: String, header: [Int]? = nil, layout: String?) -> Body {
        render(parse(repaired, header: header.map(Set.init)), layout: layout)
    }

    /// A repaired text parsed: footnotes taken out, the libcmark tree, its outline and header blocks.
    struct Parsed {
        var markdown: String
        var footnotes: Footnotes
        var document: CmarkDocument
        var outline: DocumentOutline
        var header: Set<Int>
    }

    var cmarkOptions: CmarkDocument.Options {
        var options: CmarkDocument.Options = [.smart, .validateUTF8]
        if allowUnsafeHTML { options.insert(.unsafe) }
        return options
    }

    func parse(_ repaired: String, header: Set<Int>?) -> Parsed {
        let (markdown, footnotes) = Footnotes.extract(from: repaired)
        let document = CmarkDocument(markdown: markdown, options: cmarkOptions)
        let outline = DocumentOutline(document: document)
        return Parsed(markdown: markdown, footnotes: footnotes, document: document, outline: outline,
                      header: header ?? Set(HeaderBlocks.indexes(in: outline.blocks)))
    }

    func render(_ parsed: Parsed, layout: String?) -> Body {
        let headerIDs = Set(parsed.header.map { parsed.outline.blocks[$0].nodeID })
        var renderer = HTMLRenderer(basePath: basePath, allowUnsafe: allowUnsafeHTML, footnoteLabels: parsed.footnotes.labels)
        // A document's text sits under the page's "Toàn văn" h2; a page's under its h1.
        renderer.headingBase = (layout ?? "document") == "document" ? 3 : 2
        let html = renderer.renderUTF8(parsed.document, outline: parsed.outline, skipping: headerIDs)
        let notes = parsed.footnotes.notes.map { note -> (String, String) in
            let noteDocument = CmarkDocument(markdown: note.markdown, options: cmarkOptions)
            var html = renderer.render(noteDocument)
            if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") { html = String(html.dropFirst(3).dropLast(5)) }
            return (note.label, html)
        }
        let plainText = parsed.outline.blocks.enumerated().filter { !parsed.header.contains($0.offset) }.map(\.element.text).joined(separator: "\n")
        return Body(htmlUTF8: html, footnotes: notes, plainText: plainText)
    }

    /// The facts of a document from its blocks, front matter winning where given. Pure.
    public static func facts(from blocks: [DocumentOutline.Block], frontMatter: FrontMatter, footnotes: [Footnotes.Note] = [],
                             header known: Set<Int>? = nil) -> DocumentFacts {
        var facts = DocumentFacts()
        let header = known ?? Set(HeaderBlocks.indexes(in: blocks))
        let body = blocks.enumerated().filter { !header.contains($0.offset) }.map(\.element)
        let notes = footnotes.map {
            DocumentOutline.Block(kind: .paragraph, text: DocumentOutline.clean($0.markdown), anchor: "chu-thich-" + Slug.make($0.label),
                                  line: $0.line, itemNumber: nil, listDepth: 0, startsItem: false)
        }
        HeaderExtractor.extract(blocks, into: &facts)
        if let kind = frontMatter.kind { facts.kind = kind }
        if let number = frontMatter.number {
            facts.number = number
            if let slash = number.firstIndex(where: { $0 == "/" || $0 == "-" }) { facts.symbol = String(number[number.index(after: slash)...]) }
            if facts.kind == nil, let symbol = facts.symbol { facts.kind = DocumentKinds.kind(ofSymbol: symbol) }
        }
        if let issuer = frontMatter.issuer { facts.issuer = issuer; facts.issuerLevel = HeaderExtractor.level(of: issuer) }
        if let place = frontMatter.place { facts.place = place }
        if let date = frontMatter.date { facts.date = date; facts.partialDate = nil }
        if let subject = frontMatter.subject { facts.subject = subject }
        facts.year = frontMatter.year
            ?? facts.subject.flatMap { CampaignExtractor.year.firstMatch(in: $0)?[1].flatMap { Int($0) } }
            ?? facts.date?.year ?? facts.partialDate?.year
        facts.tasks = TaskExtractor.extract(blocks: body)
        facts.deadlines = DeadlineExtractor.extract(blocks: body, year: facts.year, tasks: facts.tasks, recipients: facts.recipients)
        facts.citations = CitationExtractor.extract(blocks: body + notes, selfNumber: facts.number)
        facts.actionMonth = CampaignExtractor.actionMonth(in: body, documentYear: facts.year)
        facts.hotlineMentions = CampaignExtractor.hotlineMentions(in: body)
        return facts
    }
}

/// The header blocks at the top of a document (issuer, motto, number, place
/// and date, V/v, kind title and subject), shown in the page's card instead.
enum HeaderBlocks {
    static func indexes(in blocks: [DocumentOutline.Block]) -> [Int] {
        var result: [Int] = []
        var sawKindTitle = false
        for (index, block) in blocks.prefix(12).enumerated() {
            let text = block.text
            let isHeader = HeaderLines.isHeaderStart(text) || HeaderExtractor.issuerName(fromCaps: text) != nil
                || text.fits(characters: 79) && HeaderExtractor.placeDate.contains(in: text)
                || text.hasPrefix("CỘNG HÒA") || text.hasPrefix("CỘNG HOÀ")
            if isHeader { result.append(index); continue }
            if DocumentKinds.kind(ofTitle: text) != nil { result.append(index); sawKindTitle = true; continue }
            if sawKindTitle, case .heading = block.kind { result.append(index); break }
            if !result.isEmpty || sawKindTitle { break }
        }
        return result
    }
}

import Foundation
