import Foundation

/// Reads a site folder: `site.yml` and every `content/**/*.md`. The only
/// place the build reads content from disk.
public struct ContentLoader: Sendable {
    public var siteDirectory: URL

    public init(siteDirectory: URL) { self.siteDirectory = siteDirectory }

    /// Everything loaded, with every problem found (the load does not stop at the first).
    public struct Result: Sendable {
        public var config: SiteConfig
        public var files: [SourceFile]
        public var diagnostics: [Diagnostic]
    }

    public func load() -> Result {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        let configURL = siteDirectory.appendingPathComponent("site.yml")
        if FileManager.default.fileExists(atPath: configURL.path) {
            switch Self.readText(configURL, path: "site.yml") {
            case .success(let text):
                let (parsed, problems) = SiteConfig.parse(text, file: "site.yml")
                config = parsed
                diagnostics += problems
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let contentURL = siteDirectory.appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(file: "content", message: "no content folder in \(siteDirectory.path)",
                                          fix: "run 'tre build --source DIR' with the site folder, or create DIR/content with .md files ('tre new site DIR')"))
            return Result(config: config, files: [], diagnostics: diagnostics)
        }
        let paths = Self.markdownFiles(in: contentURL)
        // Files are independent: read and parse them on all cores, keeping their sorted order.
        let slots = ResultSlots<(SourceFile?, [Diagnostic])>(count: paths.count)
        let contentPath = contentURL.path
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = "content/" + paths[index]
            switch Self.readText(atPath: contentPath + "/" + paths[index], path: path) {
            case .success(let text): slots.set(index, SourceFile.parse(text: text, path: path))
            case .failure(let problem): slots.set(index, (nil, [problem]))
            }
        }
        let loaded = slots.values
        let files = loaded.compactMap(\.0)
        diagnostics += loaded.flatMap(\.1)
        return Result(config: config, files: files, diagnostics: diagnostics)
    }

    /// Relative paths of the `.md` files below `directory`, sorted, hidden files skipped.
    static func markdownFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = directory.standardizedFileURL.path
        var result: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            result.append(String(full.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }

    /// A content file read again when its page is written (``DocumentTexts``): its ``SourceFile/raw``
    /// and ``SourceFile/body``, provided the file still holds the text the build understood.
    static func reread(_ location: SourceFileLocation) throws(SourceFileLocation.Changed) -> (raw: String, body: String) {
        guard let data = FileManager.default.contents(atPath: location.filePath),
              case .success(let text) = decodeUTF8(data, path: location.path) else {
            throw SourceFileLocation.Changed(path: location.path)
        }
        let raw = SourceFile.cleaned(text)
        guard FactsStore.key(forText: raw) == location.key, let split = try? SourceFile.split(raw: raw, path: location.path) else {
            throw SourceFileLocation.Changed(path: location.path)
        }
        return (raw, split.body)
    }

    static func readText(_ url: URL, path: String) -> Swift.Result<String, Diagnostic> { readText(atPath: url.path, path: path) }

    /// The text of the file at `filePath` (`path` names it in messages), read into one array and checked as UTF-8 once.
    static func readText(atPath filePath: String, path: String) -> Swift.Result<String, Diagnostic> {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(filePath) } catch {
            return .failure(Diagnostic(file: path, message: "cannot read the file (\(String(cString: strerror(error.code))))",
                                       fix: "check that the file exists and is readable"))
        }
        return Self.decodeUTF8(bytes: bytes, path: path)
    }

    /// Decodes UTF-8, or names the line and column of the first invalid byte.
    public static func decodeUTF8(_ data: Data, path: String) -> Swift.Result<String, Diagnostic> { decodeUTF8(bytes: [UInt8](data), path: path) }

    /// ``decodeUTF8(_:path:)`` of bytes. A byte order mark at the start is left out, as Foundation's decoding leaves it out.
    static func decodeUTF8(bytes: [UInt8], path: String) -> Swift.Result<String, Diagnostic> {
        let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if let text = marked ? String(validating: bytes[3...], as: UTF8.self) : String(validating: bytes, as: UTF8.self) { return .success(text) }
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { break }
            if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return .failure(Diagnostic(file: path, line: line, column: column,
                                   message: "the file is not valid UTF-8 (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)))",
                                   fix: "save the file as UTF-8 (in Word: Save As → Plain Text → Unicode (UTF-8))"))
    }

    private static func validSequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let first = b[i]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard i + length <= b.count else { return 0 }
        for k in 1..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
