import Foundation

/// One build, as a pipeline of clear steps:
/// load → understand (parse, extract; each file's text let go) → site model →
/// render pages (a page made again reads its file again and renders its body) → swap the output in. Every problem found is reported
/// together; nothing is written to the output unless the whole build succeeds.
///
/// ```swift
/// let report = try SiteBuilder(options: .init(source: siteURL, output: publicURL)).build()
/// print(report.summary)
/// ```
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var source: URL
        public var output: URL
        /// A theme folder; nil uses the site's `site-templates/` or the default theme.
        public var templates: URL?
        /// Overrides `baseURL` in site.yml.
        public var baseURL: String?
        /// "Today" for deadline status; nil is the system's date.
        public var today: CalendarDate?
        /// Rebuild even when nothing the output depends on has changed.
        public var force = false

        public init(source: URL, output: URL, templates: URL? = nil, baseURL: String? = nil, today: CalendarDate? = nil) {
            self.source = source
            self.output = output
            self.templates = templates
            self.baseURL = baseURL
            self.today = today
        }
    }

    public struct Report: Sendable {
        public var documents: Int
        public var pages: Int
        public var files: Int
        /// Files kept from the previous output because what they are made from had not changed.
        public var kept = 0
        public var deadlines: Int
        public var warnings: [Diagnostic]
        public var seconds: Double
        /// True when nothing had changed since the last build and the output was kept as it was.
        public var unchanged = false
        /// True when the sources changed while the build ran (``isStale``): nothing was written.
        public var superseded = false
        /// The site model the output was made from (nil when nothing was rendered). After a build
        /// without a ``DocumentCache`` its documents hold no text and read their files again when asked (``DocumentTexts``).
        public var built: BuiltSite?

        public var summary: String {
            if unchanged { return "nothing changed since the last build (\(String(format: "%.2f", seconds)) s); --force rebuilds anyway" }
            return "built \(documents) document\(documents == 1 ? "" : "s"), \(pages) pages, \(files) files"
                + (kept > 0 ? " (\(kept) unchanged, kept)" : "") + ", \(deadlines) deadlines"
                + (warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
                + " in \(String(format: "%.2f", seconds)) s"
        }
    }

    public var options: Options
    /// Documents understood by earlier builds of this process, reused when unchanged.
    public var cache: DocumentCache?
    /// Where the time of each step goes, when asked (`tre build --timings`).
    public var timings: BuildTimings
    /// Asked just before the new output is swapped in; true throws the build away
    /// (`tre serve`: a file was saved while it ran, another build follows).
    public var isStale: (@Sendable () -> Bool)?

    public init(options: Options, cache: DocumentCache? = nil, timings: BuildTimings = BuildTimings()) {
        self.options = options
        self.cache = cache
        self.timings = timings
    }

    public func build(progress: (String) -> Void = { _ in }) throws(BuildFailure) -> Report {
        let started = Date()
        let today = options.today ?? Self.systemToday()
        let outputExists = FileManager.default.fileExists(atPath: options.output.appendingPathComponent("index.html").path)
        let stored = outputExists && !options.force ? BuildFingerprint.load(source: options.source, output: options.output) : nil
        let stamps = timings.measure("stamps") {
            templateDirectory().map { BuildFingerprint.quick(source: options.source, templates: $0, options: options, today: today) }
        }
        if let stored, let stamps, stored.quick == stamps {
            return Report(documents: 0, pages: 0, files: 0, deadlines: 0, warnings: [], seconds: Date().timeIntervalSince(started), unchanged: true)
        }
        var prepared = try prepare()
        // The templates and the binary: read once, for the whole-build fingerprint and for each page's digest.
        let generation = OutputDigests.generation(templates: prepared.templates.directory)
        let fingerprint = timings.measure("fingerprint") {
            BuildFingerprint.compute(files: prepared.files, config: prepared.config, generation: generation, options: options, today: today)
        }
        let quick = stamps ?? BuildFingerprint.quick(source: options.source, templates: prepared.templates.directory, options: options, today: today)
        if let stored, stored.full == fingerprint {
            BuildFingerprint.save(full: fingerprint, quick: quick, source: options.source, output: options.output)
            return Report(documents: prepared.files.count, pages: 0, files: 0, deadlines: 0, warnings: prepared.problems,
                          seconds: Date().timeIntervalSince(started), unchanged: true)
        }
        let previous = options.force ? nil : OutputDigests.load(source: options.source, output: options.output, generation: generation)
        let output = try StagedOutput(target: options.output, source: options.source, previous: previous)
        progress("understanding \(prepared.files.count) files")
        // Each file is let go once understood, its source text written by then in a one-shot build.
        let sources = cache == nil ? SourceTextWriter(output: output) : nil
        let built: BuiltSite
        do {
            built = try model(&prepared, today: today, writingSources: sources)
            try sources?.rethrow()
        } catch let failure as BuildFailure {
            output.discard()
            throw failure
        } catch {
            output.discard()
            throw BuildFailure(prepared.problems + [writeFailure(error)])
        }
        let site = built.site
        let problems = built.warnings
        let templates = built.templates
        progress("rendering \(site.documents.count) documents")
        do {
            let pages = try SiteRenderer(site: site, templates: templates, timings: timings, writingSources: sources == nil).render(into: output)
            let assets = templates.directory.appendingPathComponent("assets")
            if FileManager.default.fileExists(atPath: assets.path) { try output.copyTree(from: assets, to: "assets/") }
            if let isStale, isStale() {
                output.discard()
                return Report(documents: site.documents.count, pages: 0, files: 0, deadlines: site.calendar.count, warnings: problems,
                              seconds: Date().timeIntervalSince(started), superseded: true)
            }
            OutputDigests.forget(source: options.source, output: options.output)
            try timings.measure("commit") { try output.commit() }
            OutputDigests.save(output.takeDigests(), generation: generation, source: options.source, output: options.output)
            BuildFingerprint.save(full: fingerprint, quick: quick, source: options.source, output: options.output)
            return Report(documents: site.documents.count, pages: pages.count, files: output.fileCount, kept: output.keptCount,
                          deadlines: site.calendar.count, warnings: problems, seconds: Date().timeIntervalSince(started), built: built)
        } catch let changed as SourceFileLocation.Changed {
            output.discard()
            throw BuildFailure(problems + [changed.diagnostic])
        } catch {
            output.discard()
            throw BuildFailure(problems + [writeFailure(error)])
        }
    }

    /// What a build says when writing its output failed.
    func writeFailure(_ error: Error) -> Diagnostic {
        Diagnostic(file: options.output.path, message: "writing the site failed (\(error.localizedDescription))",
                   fix: "check free disk space and permissions; the previous output was left as it was")
    }

    /// What a build reads before it understands anything: the files, the templates, site.yml.
    struct Prepared {
        var files: [SourceFile]
        var templates: TemplateLibrary
        var config: SiteConfig
        var baseURL: BaseURL
        var problems: [Diagnostic]
    }

    func prepare() throws(BuildFailure) -> Prepared {
        let loaded = timings.measure("load") { ContentLoader(siteDirectory: options.source).load() }
        var problems = loaded.diagnostics
        let templates: TemplateLibrary?
        do {
            let library = try loadTemplates()
            try library.require(SiteRenderer.requiredTemplates)
            templates = library
        } catch {
            problems += error.diagnostics
            templates = nil
        }
        if problems.contains(where: { $0.severity == .error }) { throw BuildFailure(problems) }
        guard let templates else { throw BuildFailure(problems) }
        let config = effectiveConfig(loaded.config)
        let baseURL = BaseURL(config.baseURL)
        guard baseURL.isValid else {
            throw BuildFailure(problems + [Diagnostic(file: "site.yml", message: "base URL '\(config.baseURL)' is not an http(s) address or a path",
                                                      fix: "use e.g. https://example.gov.vn/tre-em/ or /tre-em/")])
        }
        return Prepared(files: loaded.files, templates: templates, config: config, baseURL: baseURL, problems: problems)
    }

    /// Understands every file and makes the site model, without rendering anything. The files
    /// are taken out of `prepared` and each let go once understood; without a ``cache`` (a one-shot
    /// build) a document holds no text but where its file is, to read it again if its body is not stored.
    /// - Parameter sources: writes each document's source text as its file is understood.
    func model(_ prepared: inout Prepared, today: CalendarDate, writingSources sources: SourceTextWriter? = nil) throws(BuildFailure) -> BuiltSite {
        let files = LoadedFiles(taking: &prepared.files)
        let documents = timings.measure("understand") {
            Self.understand(files, basePath: prepared.baseURL.path, allowUnsafeHTML: prepared.config.unsafeHTML, cache: cache,
                            store: FactsStore(site: options.source, reading: !options.force),
                            rereadingFrom: cache == nil ? options.source : nil, keepingLocations: false, writingSources: sources)
        }
        let problems = prepared.problems + Self.duplicateSlugs(documents)
        if problems.contains(where: { $0.severity == .error }) { throw BuildFailure(problems) }
        let site = timings.measure("site model") { Site(config: prepared.config, baseURL: prepared.baseURL, today: today, documents: documents) }
        return BuiltSite(site: site, templates: prepared.templates, warnings: problems)
    }

    /// The site model as a build would make it, nothing written: what `tre serve` keeps
    /// for quick re-renders when its first build found the output already up to date.
    public func model() throws(BuildFailure) -> BuiltSite {
        var prepared = try prepare()
        return try model(&prepared, today: options.today ?? Self.systemToday())
    }

    /// Loads and understands the site without writing anything, for `tre check`.
    public func check() -> [Diagnostic] {
        let loaded = ContentLoader(siteDirectory: options.source).load()
        var problems = loaded.diagnostics
        do { try loadTemplates().require(SiteRenderer.requiredTemplates) } catch { problems += error.diagnostics }
        let config = effectiveConfig(loaded.config)
        let baseURL = BaseURL(config.baseURL)
        let documents = Self.understand(loaded.files, basePath: baseURL.path, allowUnsafeHTML: config.unsafeHTML,
                                        store: FactsStore(site: options.source))
        problems += Self.duplicateSlugs(documents)
        let site = Site(config: config, baseURL: baseURL, today: options.today ?? Self.systemToday(), documents: documents)
        return problems + SiteChecker.check(site: site)
    }

    /// site.yml with the command line's `--base-url` applied.
    func effectiveConfig(_ config: SiteConfig) -> SiteConfig {
        var config = config
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        return config
    }

    /// The template folder a build will use, without reading it: `--templates`, the site's own, or the default theme.
    func templateDirectory() -> URL? {
        if let chosen = options.templates { return chosen }
        let own = options.source.appendingPathComponent("site-templates")
        return FileManager.default.fileExists(atPath: own.path) ? own : TemplateLibrary.defaultThemeDirectory
    }

    func loadTemplates() throws(BuildFailure) -> TemplateLibrary {
        if let chosen = options.templates {
            guard FileManager.default.fileExists(atPath: chosen.path) else {
                throw BuildFailure([Diagnostic(file: chosen.path, message: "template folder not found", fix: "pass an existing folder to --templates")])
            }
            return try TemplateLibrary(directory: chosen, displayPath: chosen.lastPathComponent)
        }
        let own = options.source.appendingPathComponent("site-templates")
        if FileManager.default.fileExists(atPath: own.path) { return try TemplateLibrary(directory: own, displayPath: "site-templates") }
        guard let theme = TemplateLibrary.defaultThemeDirectory else {
            throw BuildFailure([Diagnostic(file: "site-templates", message: "no templates: the site has no site-templates/ and the default theme is missing",
                                           fix: "reinstall tre, or pass --templates DIR")])
        }
        return try TemplateLibrary(directory: theme, displayPath: "(default theme)")
    }

    /// Parses and understands each file, on all cores.
    /// - Parameter keepingLocations: keep where links and anchors are in each file (for `tre check`).
    /// - Parameter store: facts of earlier builds on disk, read and added to.
    static func understand(_ files: [SourceFile], basePath: String, allowUnsafeHTML: Bool, cache: DocumentCache? = nil,
                           store: FactsStore? = nil, keepingLocations: Bool = true) -> [SiteDocument] {
        var files = files
        return understand(LoadedFiles(taking: &files), basePath: basePath, allowUnsafeHTML: allowUnsafeHTML, cache: cache, store: store,
                          keepingLocations: keepingLocations)
    }

    /// Parses and understands each file, on all cores, letting each go once understood.
    /// - Parameter site: the site folder, for documents that read their file again when their page is
    ///   written instead of holding its text; nil holds the texts.
    /// - Parameter sources: writes each document's source text while its file is at hand.
    static func understand(_ files: LoadedFiles, basePath: String, allowUnsafeHTML: Bool, cache: DocumentCache? = nil,
                           store: FactsStore? = nil, rereadingFrom site: URL? = nil, keepingLocations: Bool = true,
                           writingSources sources: SourceTextWriter? = nil) -> [SiteDocument] {
        let analyzer = DocumentAnalyzer(basePath: basePath, allowUnsafeHTML: allowUnsafeHTML)
        let results = ResultSlots<SiteDocument>(count: files.count)
        let names = SharedNames()
        cache?.keep(only: Set(files.paths))
        // Each file keeps its facts' entry and, in a one-shot build, its body's.
        store?.expect(2 * files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files.take(index)
            let document = understand(file, analyzer: analyzer, cache: cache, store: store, names: names, rereadingFrom: site,
                                      keepingLocations: keepingLocations)
            sources?.write(document, raw: file.raw)
            results.set(index, document)
        }
        store?.finish()
        return results.values
    }

    /// One file: from `tre serve`'s cache when its text is unchanged; in a one-shot build, from the
    /// store without parsing when an earlier build understood the same text; else parsed (its
    /// facts still read from the store when they are there, as `tre check` needs the parse).
    /// Its facts' texts are held once and their names shared with the site's other documents (`names`).
    static func understand(_ file: SourceFile, analyzer: DocumentAnalyzer, cache: DocumentCache?, store: FactsStore? = nil,
                           names: SharedNames = SharedNames(), rereadingFrom site: URL? = nil, keepingLocations: Bool) -> SiteDocument {
        let key = store.map { _ in FactsStore.key(forText: file.raw) }
        if let known = cache?.document(for: file, basePath: analyzer.basePath, allowUnsafeHTML: analyzer.allowUnsafeHTML) {
            if let key { store?.keep(key) }
            return known
        }
        let stored = key.flatMap { store?.document(forKey: $0) }
        if let stored, let key, let site, cache == nil, !keepingLocations {
            // A known text in a one-shot build: its facts, header blocks and repair are stored, so nothing is parsed now.
            var facts = stored.facts
            names.intern(&facts)
            let texts = DocumentTexts(location: SourceFileLocation(site: site, file: file, key: key), repairing: stored.repaired, header: stored.header,
                                      layout: file.frontMatter.layout, analyzer: analyzer, store: store)
            return SiteDocument.make(file: file, facts: facts, texts: texts)
        }
        // A cache (`tre serve`) keeps every body rendered; a one-shot build renders each body now, from the
        // parse the facts came from, and keeps it in the store until its page is written.
        let storesBody = cache == nil && site != nil && store != nil
        var analyzed = analyzer.analyze(markdown: file.body, frontMatter: file.frontMatter, known: stored?.facts, rendering: cache != nil || storesBody)
        if let key, stored == nil {
            store?.store(StoredDocument(facts: analyzed.facts, header: analyzed.header, repaired: analyzed.wasRepaired), forKey: key)
        }
        names.intern(&analyzed.facts)
        let document = SiteDocument.make(file: file, analyzed: analyzed, analyzer: analyzer, keepingBody: cache != nil,
                                         rereading: site.map { SourceFileLocation(site: $0, file: file, key: key) }, store: store, keepingLocations: keepingLocations)
        if storesBody { store?.store(body: analyzed.body, forDigest: document.texts.bodyDigest) }
        cache?.store(document, for: file, basePath: analyzer.basePath, allowUnsafeHTML: analyzer.allowUnsafeHTML)
        return document
    }

    static func duplicateSlugs(_ documents: [SiteDocument]) -> [Diagnostic] {
        var firstByPath: [String: String] = [:]
        var problems: [Diagnostic] = []
        for document in documents {
            if let first = firstByPath[document.path] {
                problems.append(Diagnostic(file: document.source, line: 1, message: "its URL /\(document.path) is already used by \(first)",
                                           fix: "give one of them another file name or a 'slug:' in its front matter"))
            } else {
                firstByPath[document.path] = document.source
            }
        }
        return problems
    }

    public static func systemToday() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// The loaded files, each taken once, from any thread, and let go by the box as it is:
/// a file's text is dropped once the file is understood.
final class LoadedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SourceFile?]
    let count: Int
    let paths: [String]

    /// Takes `files`, leaving the array empty, so that the box holds the only reference.
    init(taking files: inout [SourceFile]) {
        slots = files.map { $0 }
        paths = files.map(\.path)
        count = files.count
        files = []
    }

    func take(_ index: Int) -> SourceFile {
        lock.lock()
        defer { lock.unlock() }
        guard let file = slots[index] else { preconditionFailure("file \(index) taken twice") }
        slots[index] = nil
        return file
    }
}

/// Fixed slots filled from concurrent work.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.lock(); slots[index] = value; lock.unlock() }
    var values: [Value] { slots.compactMap { $0 } }
}
