import Foundation
import Testing
@testable import TreCore

/// A one-shot build renders each body when its page is written, from the repaired
/// text the analysis kept: that body must be the one the analysis itself renders.
@Suite("Document analyzer")
struct DocumentAnalyzerTests {
    static func texts() throws -> [(name: String, text: String, frontMatter: FrontMatter)] {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).sorted()
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { ($0, try String(contentsOf: Fixtures.seeds.appendingPathComponent($0), encoding: .utf8), FrontMatter()) }
        let content = try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).sorted().filter { $0.hasSuffix(".md") }
            .map { name in let file = try Fixtures.contentFile(name); return (name, file.body, file.frontMatter) }
        return seeds + content
    }

    @Test func aBodyRenderedLaterIsTheOneTheAnalysisRenders() throws {
        let texts = try Self.texts()
        #expect(texts.count >= 8)
        for unsafe in [false, true] {
            let analyzer = DocumentAnalyzer(basePath: "/tre-em/", allowUnsafeHTML: unsafe)
            for (name, text, frontMatter) in texts {
                let whole = analyzer.analyze(markdown: text, frontMatter: frontMatter)
                let lean = analyzer.analyze(markdown: text, frontMatter: frontMatter, rendering: false)
                #expect(lean.bodyHTML.isEmpty && lean.plainText.isEmpty && lean.facts == whole.facts, "\(name)")
                let later = analyzer.renderBody(ofRepaired: lean.repaired, header: lean.header, layout: frontMatter.layout)
                #expect(later.html == analyzer.renderBody(ofRepaired: lean.repaired, layout: frontMatter.layout).html, "\(name)")
                #expect(!later.html.isEmpty, "\(name)")
                #expect(later.html == whole.bodyHTML, "\(name)")
                #expect(later.plainText == whole.plainText, "\(name)")
                #expect(later.footnotes.map(\.label) == whole.footnotes.map(\.label), "\(name)")
                #expect(later.footnotes.map(\.html) == whole.footnotes.map(\.html), "\(name)")
            }
        }
    }

    @Test func aPageIsRenderedWithItsOwnHeadingLevels() {
        let analyzer = DocumentAnalyzer()
        let text = "# Tổng đài 111\n\nGọi **111**, miễn phí.\n"
        let lean = analyzer.analyze(markdown: text, rendering: false)
        #expect(analyzer.renderBody(ofRepaired: lean.repaired, layout: nil).html.contains("<h3"))
        #expect(analyzer.renderBody(ofRepaired: lean.repaired, layout: "hotline").html.contains("<h2"))
        var hotline = FrontMatter()
        hotline.layout = "hotline"
        #expect(analyzer.renderBody(ofRepaired: lean.repaired, layout: "hotline").html == analyzer.analyze(markdown: text, frontMatter: hotline).bodyHTML)
    }
}
