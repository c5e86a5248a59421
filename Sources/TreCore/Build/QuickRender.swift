import Foundation

/// A site as its last full build made it: the model and the templates,
/// kept by `tre serve` between saves.
public struct BuiltSite: Sendable {
    public var site: Site
    public var templates: TemplateLibrary
    /// Warnings of the build (not errors: a build with errors makes no site).
    public var warnings: [Diagnostic]
}

/// `tre serve`'s quick path: a saved document's own page rendered again
/// against the last full build's site model and written in place, in
/// milliseconds even at 10,000 documents, before the full rebuild that brings
/// every list (calendar, agencies, search, feeds) up to date.
///
/// It applies only when every changed file is a content file that was already
/// in the site and stays at the same URL as the same kind of page; anything
/// else (a new or deleted file, a template, site.yml, a file that no longer
/// parses) returns nil and is left to the full rebuild, which reports problems.
public enum QuickRender {
    public struct Result: Sendable {
        public var built: BuiltSite
        /// Site paths of the pages written, e.g. `van-ban/2025-kh-61-son-tay/`.
        public var pages: [String]
    }

    /// - Parameter changed: paths of the changed files relative to the site folder, e.g. `content/a.md`.
    public static func apply(changed: [String], to built: BuiltSite, source: URL, output: URL, cache: DocumentCache?) -> Result? {
        guard !changed.isEmpty, FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path) else { return nil }
        var site = built.site
        let analyzer = DocumentAnalyzer(basePath: site.baseURL.path, allowUnsafeHTML: site.config.unsafeHTML)
        var documents: [SiteDocument] = []
        for path in changed {
            guard path.hasPrefix("content/"), path.lowercased().hasSuffix(".md"),
                  case .success(let text) = ContentLoader.readText(source.appendingPathComponent(path), path: path) else { return nil }
            let (file, problems) = SourceFile.parse(text: text, path: path)
            guard let file, !problems.contains(where: { $0.severity == .error }) else { return nil }
            let document = SiteBuilder.understand(file, analyzer: analyzer, cache: cache, keepingLocations: false)
            guard let next = site.replacing(document) else { return nil }
            site = next
            documents.append(document)
        }
        let renderer = SiteRenderer(site: site, templates: built.templates)
        let live = LiveOutput(root: output)
        // Pages are about to change in place: the next full build must not take them for the last build's.
        BuildFingerprint.forget(source: source, output: output)
        OutputDigests.markChanged(documents.map(\.path), source: source, output: output)
        do {
            let pages = try documents.flatMap { try renderer.renderOne($0, into: live) }
            return Result(built: BuiltSite(site: site, templates: built.templates, warnings: built.warnings), pages: pages)
        } catch {
            return nil
        }
    }
}
