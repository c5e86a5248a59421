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

    /// Random texts of the five characters among letters, marks and Vietnamese are escaped as a walk over
    /// their bytes escapes them: every special byte at every place in an eight-byte word.
    @Test func randomTextsAreEscapedByteForByte() {
        let pieces = ["&", "<", ">", "\"", "'", "a", "Ủy ban", " ", "\u{301}", "abcdefgh", "’", "\n", "x"]
        var random = RobustnessTests.Generator(state: 5)
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            var expected: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): expected += Array("&amp;".utf8)
                case UInt8(ascii: "<"): expected += Array("&lt;".utf8)
                case UInt8(ascii: ">"): expected += Array("&gt;".utf8)
                case UInt8(ascii: "\""): expected += Array("&quot;".utf8)
                case UInt8(ascii: "'"): expected += Array("&#39;".utf8)
                default: expected.append(byte)
                }
            }
            var bytes: [UInt8] = []
            HTMLEscaper.append(text, to: &bytes)
            #expect(bytes == expected, "\(text.debugDescription)")
            #expect(Array(HTMLEscaper.escape(text).utf8) == expected)
        }
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
