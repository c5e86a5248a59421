/// A document's long texts: its body as HTML, its footnotes, its source and its
/// plain text, some 25 KB a document. They are held by reference so that a
/// one-shot `tre build` can let them go (``release()``) once the pages, source
/// files and search index made from them are written: at 10,000 documents
/// that is about 250 MB less for the rest of the build (calendar, agencies,
/// feeds). `tre serve` keeps them, for documents it reuses in the next build.
public final class DocumentTexts: @unchecked Sendable {
    // Written only by `release()`, which runs when no page is being rendered.
    public private(set) var bodyHTML: String
    public private(set) var footnotes: [(label: String, html: String)]
    public private(set) var source: String
    public private(set) var plainText: String
    public private(set) var isReleased = false

    public init(bodyHTML: String, footnotes: [(label: String, html: String)], source: String, plainText: String) {
        self.bodyHTML = bodyHTML
        self.footnotes = footnotes
        self.source = source
        self.plainText = plainText
    }

    /// Lets the texts go. Call it only when nothing reads them any more, and never while they are read.
    func release() {
        bodyHTML = ""
        footnotes = []
        source = ""
        plainText = ""
        isReleased = true
    }
}
