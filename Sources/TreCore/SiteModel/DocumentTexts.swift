/// A document's long texts: its source file as read and the Markdown its body is
/// rendered from.
///
/// A one-shot `tre build` renders each body (HTML, footnotes, plain text, some
/// 15 KB a document) when the document's page is written and lets it go at once,
/// and lets the source go too (``release()``): at 10,000 documents that is some
/// 250 MB that no step holds. `tre serve` keeps every body rendered
/// (``DocumentTexts/init(source:repaired:header:layout:analyzer:keepingBody:)``), for
/// documents it reuses in the next build.
///
/// ```swift
/// let texts = DocumentTexts(source: file.raw, repaired: analyzed.repaired, header: analyzed.header, layout: nil, analyzer: analyzer)
/// texts.body().html   // rendered now, not kept
/// ```
public final class DocumentTexts: @unchecked Sendable {
    // Written only by `release()`, which runs when nothing reads these texts
    // (a document's by the one thread that renders that document's page).
    /// The whole file as it was read: the page's source file (`van-ban.txt`).
    public private(set) var source: String
    /// The text after PDF repair, footnotes still in it: what the body is rendered from.
    public private(set) var repaired: String
    public private(set) var isReleased = false
    /// The header blocks the analysis found, so that rendering need not look for them again.
    let header: [Int]
    let layout: String?
    let analyzer: DocumentAnalyzer
    private let kept: DocumentAnalyzer.Body?

    /// - Parameter keepingBody: the body rendered already, to keep (`tre serve`); nil renders it whenever asked.
    public init(source: String, repaired: String, header: [Int], layout: String?, analyzer: DocumentAnalyzer, keepingBody: DocumentAnalyzer.Body? = nil) {
        self.source = source
        self.repaired = repaired
        self.header = header
        self.layout = layout
        self.analyzer = analyzer
        kept = keepingBody
    }

    /// True when the body was rendered once and is kept (`tre serve`).
    public var keepsBody: Bool { kept != nil }

    /// The body as the page shows it: the one kept, or rendered now from the repaired text.
    public func body() -> DocumentAnalyzer.Body {
        kept ?? analyzer.renderBody(ofRepaired: repaired, header: header, layout: layout)
    }

    /// Lets the texts go. Call it only once the page, source file and search entry made from
    /// them are written, and never while they are read.
    func release() {
        source = ""
        repaired = ""
        isReleased = true
    }
}
