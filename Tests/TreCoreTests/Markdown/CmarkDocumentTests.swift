import Testing
@testable import TreCore

@Suite("libcmark wrapper")
struct CmarkDocumentTests {
    @Test func parsesIntoNodes() {
        let document = CmarkDocument(markdown: "# Kế hoạch\n\nMột *đoạn* văn.\n")
        let children = document.root.children
        #expect(children.map(\.kind) == [.heading, .paragraph])
        #expect(children[0].headingLevel == 1)
        #expect(children[0].plainText == "Kế hoạch")
        #expect(children[1].plainText == "Một đoạn văn.")
        #expect(children[1].startLine == 3)
    }

    @Test func smartPunctuationIsOn() {
        let html = CmarkDocument(markdown: "\"Chung tay\" -- 2025...").renderHTML()
        #expect(html.contains("“Chung tay”"))
        #expect(html.contains("–"))
        #expect(html.contains("…"))
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let markdown = "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>đậm</b>\n"
        let document = CmarkDocument(markdown: markdown)
        let cmark = document.renderHTML()
        let tre = HTMLRenderer().render(document)
        for html in [cmark, tre] {
            #expect(!html.contains("<script>"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("<b>"))
        }
    }

    @Test func unsafeModeKeepsRawHTMLWhenTheSiteAsks() {
        let document = CmarkDocument(markdown: "Chữ <b>đậm</b>\n", options: [.smart, .unsafe])
        #expect(HTMLRenderer(allowUnsafe: true).render(document).contains("<b>đậm</b>"))
    }

    @Test func treRendererMatchesLibcmarkOnPlainMarkdown() {
        let markdown = "Đoạn một với `mã` và **đậm**.\nDòng mềm.\n\n> Trích dẫn\n\n---\n\n```swift\nlet x = 1 < 2\n```\n"
        let document = CmarkDocument(markdown: markdown)
        #expect(HTMLRenderer().render(document) == document.renderHTML().replacingOccurrences(of: "<hr />", with: "<hr>"))
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let markdown = String(repeating: ">", count: 20_000) + " sâu\n" + String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000)
        let document = CmarkDocument(markdown: markdown)
        let outline = DocumentOutline(document: document)
        #expect(HTMLRenderer().render(document, outline: outline).contains("sâu"))
    }
}

@Suite("HTML renderer")
struct HTMLRendererTests {
    @Test func anchorsEveryHeadingItemAndParagraph() {
        let document = CmarkDocument(markdown: "## II. NHIỆM VỤ\n\n1. Việc một\n2. Việc hai\n\nĐoạn cuối.\n")
        let outline = DocumentOutline(document: document)
        let html = HTMLRenderer().render(document, outline: outline)
        #expect(html.contains("<h2 id=\"ii-nhiem-vu\">"))
        #expect(html.contains("<li id=\"muc-ii-1\">"))
        #expect(html.contains("<li id=\"muc-ii-2\">"))
        #expect(html.contains("<p id=\"doan-1\">Đoạn cuối.</p>"))
        #expect(outline.blocks.last?.anchor == "doan-1")
    }

    @Test func siteRootLinksGoUnderTheBasePath() {
        let document = CmarkDocument(markdown: "[Tổng đài](/tong-dai-111/) [ngoài](https://example.org/) [tương đối](lich/)\n")
        let html = HTMLRenderer(basePath: "/tre-em/").render(document)
        #expect(html.contains("href=\"/tre-em/tong-dai-111/\""))
        #expect(html.contains("href=\"https://example.org/\""))
        #expect(html.contains("href=\"lich/\""))
    }

    @Test func footnoteReferencesBecomeLinks() {
        let (body, notes) = Footnotes.extract(from: "Bộ Y tế[^1] và trẻ em.\n\n[^1]: Văn bản số 1481/BYT-BMTE.\n")
        #expect(notes.notes.map(\.label) == ["1"])
        #expect(!body.contains("1481"))
        let html = HTMLRenderer(footnoteLabels: notes.labels).render(CmarkDocument(markdown: body))
        #expect(html.contains("<a href=\"#chu-thich-1\" id=\"tham-chieu-1\""))
    }

    @Test func headingsShiftBelowThePageTitle() {
        let document = CmarkDocument(markdown: "# Một\n\n#### Bốn\n")
        let html = HTMLRenderer().render(document, outline: DocumentOutline(document: document))
        #expect(html.contains("<h2 id=\"mot\">"))
        #expect(html.contains("<h3 id=\"bon\">"))
    }
}
