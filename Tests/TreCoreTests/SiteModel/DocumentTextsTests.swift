import Foundation
import Testing
@testable import TreCore

@Suite("Document texts") struct DocumentTextsTests {
    /// On every seed (PDF text, repaired) and content file (Markdown, not): the file read again
    /// gives the source and the body that holding the texts gives.
    @Test func readingTheFileAgainGivesWhatHoldingItGives() throws {
        let site = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).sorted() where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: Fixtures.seeds.appendingPathComponent(name), encoding: .utf8))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).sorted() where name.hasSuffix(".md") {
            texts.append(try String(contentsOf: Fixtures.content.appendingPathComponent(name).resolvingSymlinksInPath(), encoding: .utf8))
        }
        let analyzer = DocumentAnalyzer(basePath: "/tre-em/")
        var repairedCount = 0
        for (index, text) in texts.enumerated() {
            let path = "content/\(index).md"
            try text.write(to: site.appendingPathComponent(path), atomically: true, encoding: .utf8)
            let file = try #require(SourceFile.parse(text: text, path: path).0)
            let analyzed = analyzer.analyze(markdown: file.body, frontMatter: file.frontMatter, rendering: false)
            if analyzed.wasRepaired { repairedCount += 1 }
            let held = DocumentTexts(source: file.raw, repaired: analyzed.repaired, header: analyzed.header, layout: file.frontMatter.layout, analyzer: analyzer)
            let read = DocumentTexts(location: SourceFileLocation(site: site, file: file), repairing: analyzed.wasRepaired, header: analyzed.header,
                                     layout: file.frontMatter.layout, analyzer: analyzer)
            let (expected, actual) = (try held.contents(), try read.contents())
            #expect(actual.source == expected.source, "\(path)")
            #expect(actual.body.html == expected.body.html && actual.body.plainText == expected.body.plainText, "\(path)")
            #expect(actual.body.footnotes.map(\.html) == expected.body.footnotes.map(\.html), "\(path)")
        }
        #expect(repairedCount > 0 && repairedCount < texts.count)
    }

    @Test func aFileChangedOrGoneSinceItWasReadIsNamed() throws {
        let site = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let url = site.appendingPathComponent("content/a.md")
        try "Kế hoạch.\n".write(to: url, atomically: true, encoding: .utf8)
        let file = try #require(SourceFile.parse(text: "Kế hoạch.\n", path: "content/a.md").0)
        let texts = DocumentTexts(location: SourceFileLocation(site: site, file: file), repairing: false, header: [], layout: nil, analyzer: DocumentAnalyzer())
        #expect(try texts.contents().source == "Kế hoạch.\n")
        try "Kế hoạch đã sửa.\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: SourceFileLocation.Changed.self) { try texts.contents() }
        try FileManager.default.removeItem(at: url)
        do {
            _ = try texts.contents()
            Issue.record("a removed file was read")
        } catch {
            #expect(error.path == "content/a.md" && error.diagnostic.file == "content/a.md")
        }
    }
}
