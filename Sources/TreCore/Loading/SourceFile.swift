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
        let normalized = NFCQuickCheck.isCertainlyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
        let cleaned = normalized.hasPrefix("\u{FEFF}") ? String(normalized.dropFirst()) : normalized
        let split: FrontMatterParser.Split
        do { split = try FrontMatterParser.split(cleaned.replacingBytes("\r\n", with: "\n"), file: path) } catch {
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
}

import Foundation
