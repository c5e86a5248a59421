import Foundation
@testable import TreCore

/// Paths to the repository and to the real seed documents beside it.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("content")
    /// `../shared/seeds`: the raw documents (CI clones the project with shared/ beside it).
    static let seeds = repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: seeds.path + "/" + prefix])
        }
        return try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }

    static func answerKey() throws -> [String: Any] {
        let data = try Data(contentsOf: seeds.appendingPathComponent("answer-key.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func contentFile(_ name: String) throws -> SourceFile {
        let text = try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
        let (file, problems) = SourceFile.parse(text: text, path: "content/" + name)
        guard let file else { throw BuildFailure(problems) }
        return file
    }

    /// Copies a folder's files, following links (content/tong-dai-111.md links into the starter files).
    static func copyResolvingLinks(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name).resolvingSymlinksInPath(), to: destination.appendingPathComponent(name))
        }
    }

    /// The sample site (this repository's `content/`) understood and modelled as on `today`, without
    /// building it: its output folder is never written, and removed.
    static func sampleModel(on today: CalendarDate? = nil) throws -> BuiltSite {
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        return try SiteBuilder(options: .init(source: repository, output: output, today: today)).model()
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tre-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A site of these content files (name, text) built as on 1 May 2026: its folder, for the caller to remove, and its output.
    static func buildSite(_ files: [(name: String, text: String)]) throws -> (site: URL, output: URL) {
        let site = try temporaryDirectory()
        let content = site.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for file in files { try file.text.write(to: content.appendingPathComponent(file.name), atomically: true, encoding: .utf8) }
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: .init(source: site, output: output, today: CalendarDate(year: 2026, month: 5, day: 1))).build()
        return (site, output)
    }

    /// The page at a site path (`lich/`) of a built output.
    static func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path + "index.html"), encoding: .utf8)
    }
}
