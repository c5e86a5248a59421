import Testing
@testable import TreCore

/// Tre's Mustache: the rules themes rely on, the whitespace rules swift-mustache
/// had (so old themes render the same bytes), and errors that say where.
@Suite("Mustache")
struct MustacheTests {
    func render(theme: [String: String], name: String = "t", _ context: TemplateContext) throws -> String {
        var parsed: [String: [MustacheNode]] = [:]
        for (name, text) in theme { parsed[name] = try MustacheParser.parse(text) }
        return MustacheRenderer(templates: parsed).render(name, [context])
    }

    func render(_ text: String, _ context: TemplateContext = [:]) throws -> String { try render(theme: ["t": text], context) }

    @Test func namesAreLookedUpFromTheInnermostValueOutwards() throws {
        let context: TemplateContext = ["site": ["title": "Tre"], "title": "trang", "items": [["title": "một"], ["other": "x"]]]
        #expect(try render("{{#items}}[{{title}}|{{site.title}}]{{/items}}", context) == "[một|Tre][trang|Tre]")
        #expect(try render("{{#items}}[{{.title}}]{{/items}}", context) == "[một][]")
        #expect(try render("{{site.missing}}{{missing.title}}|{{#site}}{{title}}{{/site}}", context) == "|Tre")
    }

    /// The names a template may read are those of its tags, its partials', the blocks it overrides and their
    /// defaults, followed through partials that name each other; no name of a template it never reaches.
    @Test func aTemplateReadsTheNamesOfItsTagsPartialsAndBlocks() throws {
        let theme = [
            "base": "<title>{{$title}}{{site.title}}{{/title}}</title>{{$main}}{{/main}}{{> footer}}",
            "footer": "{{#today}}{{todayText}}{{/today}}{{> base}}",
            "page": "{{< base}}{{$main}}{{#items}}{{name}}{{^done}}{{late.by}}{{/done}}{{/items}}{{/main}}{{/base}}",
            "plain": "{{{title}}} {{.}}",
            "unused": "{{secret}}",
        ]
        var parsed: [String: [MustacheNode]] = [:]
        for (name, text) in theme { parsed[name] = try MustacheParser.parse(text) }
        let program = MustacheProgram(parsed)
        #expect(program.namesRead(from: "page") == ["site", "today", "todayText", "items", "name", "done", "late"])
        #expect(program.namesRead(from: "footer") == ["site", "today", "todayText"])
        #expect(program.namesRead(from: "plain") == ["title"])
        #expect(program.namesRead(from: "missing") == [])
    }

    @Test func sectionsFollowTheirValue() throws {
        let context: TemplateContext = ["yes": true, "no": false, "empty": [], "names": ["An", "Bình"], "name": "Chi", "blank": "", "count": 0]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}") == "ny")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}", context) == "Yn")
        #expect(try render("{{#empty}}E{{/empty}}{{^empty}}none{{/empty}}{{^missing}}-{{/missing}}", context) == "none-")
        #expect(try render("{{#names}}<{{.}}>{{/names}}", context) == "<An><Bình>")
        // Any other value is shown once, innermost: a string, even an empty one, and a number, even 0.
        #expect(try render("{{#name}}({{.}}){{/name}}{{#blank}}b{{/blank}}{{#count}}{{.}}{{/count}}{{^name}}x{{/name}}", context) == "(Chi)b0")
    }

    @Test func valuesAreEscapedUnlessTripled() throws {
        let context: TemplateContext = ["html": "<em>“a” & 'b'</em>", "n": 7, "flag": true, "list": ["x"]]
        #expect(try render("{{html}}|{{{html}}}|{{&html}}|{{n}}|{{flag}}|{{list}}", context)
            == "&lt;em&gt;“a” &amp; &#39;b&#39;&lt;/em&gt;|<em>“a” & 'b'</em>|<em>“a” & 'b'</em>|7|true|")
    }

    @Test func utf8ValuesShowAsTheirText() throws {
        let text = "<em>“a” & 'b'</em>"
        let asBytes: TemplateContext = ["html": .utf8(Array(text.utf8))]
        #expect(try render("{{html}}|{{{html}}}|{{#html}}[{{.}}]{{/html}}", asBytes) == render("{{html}}|{{{html}}}|{{#html}}[{{.}}]{{/html}}", ["html": .text(text)]))
        #expect(ContextDigest.of(template: "t", asBytes) == ContextDigest.of(template: "t", ["html": .text(text)]))
    }

    @Test func aLineHoldingOnlyATagDisappears() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a note }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // Not alone on its line: the tag goes, the text around it stays.
        #expect(try render("a {{#x}}b{{/x}} c\n", ["x": true]) == "a b c\n")
        #expect(try render("line\r\n{{#x}}\r\nyes\r\n{{/x}}\r\n", ["x": true]) == "line\r\nyes\r\n")
    }

    @Test func aPartialAloneOnItsLineIsIndented() throws {
        let templates = ["t": "<div>\n  {{> item}}\n</div>\n", "item": "<p>\n{{name}}\n</p>\n"]
        #expect(try render(theme: templates, ["name": "An"]) == "<div>\n  <p>\n  An\n  </p>\n</div>\n")
    }

    @Test func aLayoutsBlocksAreOverriddenOuterFirst() throws {
        let templates = [
            "base": "<title>{{$title}}Tre{{/title}}</title><main>{{$main}}{{/main}}</main>",
            "section": "{{<base}}{{$main}}<nav>{{$nav}}mục{{/nav}}</nav>{{/main}}{{/base}}",
            "t": "{{<section}}{{$nav}}{{name}}{{/nav}}{{$title}}Trang{{/title}}{{/section}}",
        ]
        #expect(try render(theme: templates, ["name": "Văn bản"]) == "<title>Trang</title><main><nav>Văn bản</nav></main>")
        #expect(try render(theme: templates, name: "section", [:]) == "<title>Tre</title><main><nav>mục</nav></main>")
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% name %>{{name}}<%={{ }}=%>{{name}}", ["name": "a"]) == "a{{name}}a")
    }

    @Test func anObjectWorkedOutLaterAnswersItsNames() throws {
        final class Row: TemplateObject {
            let digest: UInt64 = 0
            func value(field: TemplateField) -> TemplateValue? { field == .what ? "Báo cáo" : nil }
        }
        #expect(try render("{{#rows}}{{what}}{{missing}};{{/rows}}", ["rows": [.lazy(Row()), .lazy(Row())]]) == "Báo cáo;Báo cáo;")
        // A name the object lacks, a field or not, is looked up further out; one it has is its own, dotted too.
        #expect(try render("{{#rows}}{{status}}{{title}}{{what}}{{/rows}}{{row.what}}", ["rows": [.lazy(Row())], "status": "còn 3 ngày", "title": "Trang",
                                                                                        "row": .lazy(Row())]) == "còn 3 ngàyTrangBáo cáoBáo cáo")
    }

    /// Every name a view model object answers to is a field a template's name is matched to.
    @Test func everyNameAnObjectAnswersIsAField() {
        for name in DeadlineItem.names + ["html", "text", "timeframe", "hasTimeframe"] {
            #expect(TemplateField(rawValue: name)?.rawValue == name, "\(name)")
        }
        #expect(TemplateField(rawValue: "title") == nil)
    }

    @Test(arguments: [
        ("ok\n{{#open}}\nnever closed", "never closed"),
        ("{{#a}}\n{{/b}}", "closes"),
        ("x\n  {{name", "not closed"),
        ("{{upper(name)}}", "transforms"),
        ("{{% CONTENT_TYPE: HTML}}", "pragmas"),
        ("{{<base}}{{name}}{{/base}}", "only {{$block}}"),
    ])
    func aTemplateThatDoesNotParseSaysWhy(text: String, says: String) {
        #expect {
            _ = try MustacheParser.parse(text)
        } throws: { error in
            (error as? MustacheSyntaxError)?.message.contains(says) == true
        }
    }

    @Test func anErrorNamesItsLineAndColumn() throws {
        let text = "<p>\n  <b>{{/x}}</b>"
        do {
            _ = try MustacheParser.parse(text)
            Issue.record("a stray closing tag was accepted")
        } catch {
            let position = TemplateLibrary.lineAndColumn(of: error.offset, in: text)
            #expect(position.line == 2)
            #expect(position.column == 8)
        }
    }
}
