/// Writes each document's source text (`van-ban.txt`) while its file is understood, so that a one-shot
/// build reads each file once: understanding runs on all cores and does not throw, so the first error
/// is kept for the build to throw once every file is understood (``rethrow()``).
///
/// ```swift
/// let sources = SourceTextWriter(output: staged)
/// let documents = SiteBuilder.understand(files, …, writingSources: sources)
/// try sources.rethrow()
/// ```
final class SourceTextWriter: Sendable {
    let output: any OutputWriting
    private let errors = ErrorBox()

    init(output: any OutputWriting) { self.output = output }

    /// Writes `document`'s source text, `raw` (the file as read), unless it has none on the site: a page, or a draft.
    func write(_ document: SiteDocument, raw: String) {
        guard document.isDocument, !document.frontMatter.draft else { return }
        do { try output.write(document.path + "van-ban.txt", digest: document.texts.sourceDigest) { raw } } catch { errors.record(error) }
    }

    /// Throws the first error a write met, if any.
    func rethrow() throws {
        if let error = errors.first { throw error }
    }
}
