/// One content file as read from disk: its path, front matter and Markdown body.
public struct SourceFile: Equatable, Sendable {
    /// Path relative to the site folder, e.g. `content/2025-kh-61-son-tay.md`.
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter, NFC-normalised.
    public var body: String
    /// 1-based line in the file where ``body`` starts.
    public var bodyLine: Int
    /// The whole file as it was read, for the page's "download the source" link.
    public var raw: String

    public init(path: String, frontMatter: FrontMatter = FrontMatter(), body: String, bodyLine: Int = 1, raw: String? = nil) {
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.raw = raw ?? body
    }

    /// Reads a file's text into a ``SourceFile``. Pure, so it tests without files.
    public static func parse(text: String, path: String) -> (SourceFile?, [Diagnostic]) {
        let cleaned = cleaned(text)
        let split: FrontMatterParser.Split
        do { split = try Self.split(raw: cleaned, path: path) } catch {
            return (nil, [error])
        }
        var matter = FrontMatter()
        var problems: [Diagnostic] = []
        if let yaml = split.yaml {
            (matter, problems) = FrontMatterParser.parse(yaml: yaml, file: path)
        }
        if problems.contains(where: { $0.severity == .error }) { return (nil, problems) }
        return (SourceFile(path: path, frontMatter: matter, body: split.body, bodyLine: split.bodyLine, raw: cleaned), problems)
    }

    /// A file's text as ``raw`` holds it: NFC, without a byte-order mark.
    static func cleaned(_ text: String) -> String {
        let normalized = NFCQuickCheck.isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        return normalized.hasPrefix("\u{FEFF}") ? String(normalized.dropFirst()) : normalized
    }

    /// ``raw`` cut into its front matter's YAML (not parsed) and ``body``.
    static func split(raw: String, path: String) throws(Diagnostic) -> FrontMatterParser.Split {
        try FrontMatterParser.split(raw.replacingBytes("\r\n", with: "\n"), file: path)
    }
}

import Foundation

/// Where a content file is, for reading it again when its page is written instead of
/// holding its text through the build, and the hash of the text first read, so that a
/// file changed since is noticed rather than rendered against facts of its old text.
public struct SourceFileLocation: Sendable {
    /// The site folder.
    public var site: URL
    /// Relative to the site folder: `content/2025-kh-61-son-tay.md`.
    public var path: String
    /// ``FactsStore/key(forText:)`` of the file's ``SourceFile/raw`` as first read.
    var key: String

    /// The file's path on disk, joined as a string once (`URL` arithmetic per read cost 1 % of a build).
    public let filePath: String

    /// - Parameter key: ``FactsStore/key(forText:)`` of `file.raw` when the caller has it.
    init(site: URL, file: SourceFile, key: String? = nil) {
        self.site = site
        path = file.path
        filePath = site.path + "/" + file.path
        self.key = key ?? FactsStore.key(forText: file.raw)
    }

    /// The file is no longer what the build read (saved or removed meanwhile).
    public struct Changed: Error, Sendable {
        public var path: String

        public var diagnostic: Diagnostic {
            Diagnostic(file: path, message: "the file changed while the site was being built",
                       fix: "build again; the previous output was left as it was")
        }
    }
}
