import Testing
@testable import TreCore

@Suite("HTML escaping")
struct HTMLEscaperTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscaper.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func leavesVietnameseAlone() {
        #expect(HTMLEscaper.escape("Ủy ban nhân dân huyện Ia H’Drai") == "Ủy ban nhân dân huyện Ia H’Drai")
    }

    /// `"` followed by U+0301 is one Character: per-Character escaping misses it.
    @Test func escapesAQuoteFollowedByACombiningMark() {
        let text = "a\"\u{301}b<\u{301}"
        #expect(HTMLEscaper.escape(text) == "a&quot;\u{301}b&lt;\u{301}")
        #expect(!HTMLEscaper.escape(text).unicodeScalars.contains("\""))
    }

    @Test func templatesUseTresEscaping() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<p title=\"{{value}}\">{{value}}</p>{{{html}}}".write(to: directory.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        let library = try TemplateLibrary(directory: directory, displayPath: "t")
        let html = library.render("t", ["value": "\"\u{301}><script>", "html": "<em>x</em>"])
        #expect(html == "<p title=\"&quot;\u{301}&gt;&lt;script&gt;\">&quot;\u{301}&gt;&lt;script&gt;</p><em>x</em>")
    }
}

import Foundation
