/// A document's long texts: its source file as read and the Markdown its body is
/// rendered from, held or read again when asked.
///
/// A one-shot `tre build` holds no document's text: the body (HTML, footnotes, plain text,
/// some 15 KB a document) is rendered while the file is understood and kept in the facts
/// store under ``bodyDigest``, and the source text is written (`van-ban.txt`) then too; when
/// the page is written, its body is read from the store (``body()``), or the file read again
/// (``SourceFileLocation``, checked against the hash of the first read) and the body rendered
/// again when the store has none. At 10,000 documents that is some 70 MB of source text,
/// twice that with front matter, and 150 MB of bodies that no step holds; a page kept from
/// the last build reads nothing but the stored body's plain text for its search entry (its
/// digest takes ``bodyDigest``, ``plainText()``). `tre serve` holds the texts and every body
/// rendered (``init(source:repaired:header:layout:analyzer:keepingBody:)``), for the documents
/// it reuses in the next build.
///
/// ```swift
/// let texts = DocumentTexts(location: SourceFileLocation(site: siteURL, file: file), repairing: analyzed.wasRepaired,
///                           header: analyzed.header, layout: nil, analyzer: analyzer)
/// try texts.contents().body.html   // the file read again and its body rendered now (no store given), neither held
/// ```
public final class DocumentTexts: Sendable {
    private enum Storage {
        case held(source: String, repaired: String, body: DocumentAnalyzer.Body?)
        /// `repairs`: the analysis found PDF text to repair (else the body is rendered as read).
        /// `store`: where the body is kept, by this build's understanding or an earlier build.
        case onDisk(SourceFileLocation, repairs: Bool, store: FactsStore?)
    }

    private let storage: Storage
    /// The header blocks the analysis found, so that rendering need not look for them again.
    let header: [Int]
    let layout: String?
    let analyzer: DocumentAnalyzer
    /// A digest of everything the body is rendered from (the file's text, its header blocks, the
    /// layout, the base path and whether raw HTML is let through): a page's digest takes this in
    /// place of the body, so a page kept from the last build is kept without rendering its body.
    public let bodyDigest: UInt64
    /// A digest of the source file's text, for `van-ban.txt`.
    public let sourceDigest: UInt64

    /// Texts held for the build's life.
    /// - Parameter source: the whole file as read: the page's source file (`van-ban.txt`).
    /// - Parameter repaired: the text after PDF repair, footnotes still in it: what the body is rendered from.
    /// - Parameter keepingBody: the body rendered already, to keep (`tre serve`); nil renders it whenever asked.
    public init(source: String, repaired: String, header: [Int], layout: String?, analyzer: DocumentAnalyzer, keepingBody: DocumentAnalyzer.Body? = nil) {
        storage = .held(source: source, repaired: repaired, body: keepingBody)
        self.header = header
        self.layout = layout
        self.analyzer = analyzer
        (bodyDigest, sourceDigest) = Self.digests(textKey: FactsStore.key(forText: source), header: header, layout: layout, analyzer: analyzer)
    }

    /// Texts read again from the file whenever asked.
    /// - Parameter repairing: whether the analysis repaired the text (``DocumentAnalyzer/Result/wasRepaired``).
    /// - Parameter store: where the body is kept between the understanding and the page, and between builds
    ///   (``contents()``, ``plainText()``), if anywhere: its entry is kept for this build.
    init(location: SourceFileLocation, repairing: Bool, header: [Int], layout: String?, analyzer: DocumentAnalyzer, store: FactsStore? = nil) {
        storage = .onDisk(location, repairs: repairing, store: store)
        self.header = header
        self.layout = layout
        self.analyzer = analyzer
        (bodyDigest, sourceDigest) = Self.digests(textKey: location.key, header: header, layout: layout, analyzer: analyzer)
        store?.keep(bodyDigest: bodyDigest)
    }

    /// The file's text determines its repair, header blocks and body; the rest is said outright.
    private static func digests(textKey: String, header: [Int], layout: String?, analyzer: DocumentAnalyzer) -> (body: UInt64, source: UInt64) {
        var source = DigestHasher()
        source.add(tag: 0x20)
        source.add(textKey)
        var body = DigestHasher()
        body.add(tag: 0x21)
        body.add(textKey)
        body.add(UInt64(header.count))
        for index in header { body.add(UInt64(index)) }
        body.add(tag: layout == nil ? 0 : 1)
        body.add(layout ?? "")
        body.add(analyzer.basePath)
        body.add(tag: analyzer.allowUnsafeHTML ? 1 : 0)
        return (body.state, source.state)
    }

    /// True when the body was rendered once and is kept (`tre serve`).
    public var keepsBody: Bool {
        if case .held(_, _, .some) = storage { return true }
        return false
    }

    /// True when nothing is held and each ask reads the file again (a one-shot build).
    public var readsFile: Bool {
        if case .onDisk = storage { return true }
        return false
    }

    /// The source file's text and the body as the page shows it: held, or the file read
    /// again and the body read from the store (rendered now from the repaired text, and
    /// stored, when the store has none).
    /// - Throws: ``SourceFileLocation/Changed`` when the file no longer holds the text the build understood.
    public func contents() throws(SourceFileLocation.Changed) -> (source: String, body: DocumentAnalyzer.Body) {
        switch storage {
        case .held(let source, let repaired, let body):
            return (source, body ?? analyzer.renderBody(ofRepaired: repaired, header: header, layout: layout))
        case .onDisk(let location, let repairs, let store):
            let read = try ContentLoader.reread(location)
            if let stored = store?.body(forDigest: bodyDigest) { return (read.raw, stored) }
            let body = analyzer.renderBody(ofRepaired: repairs ? PDFTextRepair.repair(read.body) : read.body, header: header, layout: layout)
            store?.store(body: body, forDigest: bodyDigest)
            return (read.raw, body)
        }
    }

    /// The body as the page shows it: held, or read from the store without reading the file; the
    /// file is read again (``contents()``) only when the store has no body.
    public func body() throws(SourceFileLocation.Changed) -> DocumentAnalyzer.Body {
        switch storage {
        case .held(_, let repaired, let body):
            return body ?? analyzer.renderBody(ofRepaired: repaired, header: header, layout: layout)
        case .onDisk(_, _, let store):
            if let stored = store?.body(forDigest: bodyDigest) { return stored }
            return try contents().body
        }
    }

    /// The source file's text (`van-ban.txt`): held, or the file read again.
    public func source() throws(SourceFileLocation.Changed) -> String {
        switch storage {
        case .held(let source, _, _): source
        case .onDisk(let location, _, _): try ContentLoader.reread(location).raw
        }
    }

    /// The body's plain text, for the search entry: the stored body's, else the body's as ``contents()`` gives it.
    public func plainText() throws(SourceFileLocation.Changed) -> String {
        if case .onDisk(_, _, let store?) = storage, let kept = store.body(forDigest: bodyDigest) { return kept.plainText }
        return try contents().body.plainText
    }
}
