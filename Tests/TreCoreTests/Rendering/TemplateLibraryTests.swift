import Foundation
import Testing
@testable import TreCore

@Suite("Templates")
struct TemplateLibraryTests {
    func library(_ files: [String: String]) throws -> Result<TemplateLibrary, BuildFailure> {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        do { return .success(try TemplateLibrary(directory: directory, displayPath: "site-templates")) } catch { return .failure(error) }
    }

    @Test func aMissingPartialIsAnError() throws {
        guard case .failure(let failure) = try library(["page": "<main>\n{{> missing}}\n</main>"]) else {
            Issue.record("a missing partial was accepted"); return
        }
        #expect(failure.diagnostics.first?.file == "site-templates/page.mustache")
        #expect(failure.diagnostics.first?.line == 2)
        #expect(failure.diagnostics.first?.message.contains("missing") == true)
    }

    @Test func aTemplateThatDoesNotParseNamesItsLine() throws {
        guard case .failure(let failure) = try library(["page": "ok\n{{#open}}\nnever closed"]) else {
            Issue.record("a broken template was accepted"); return
        }
        #expect(failure.diagnostics.first?.file == "site-templates/page.mustache")
    }

    @Test func aMissingLayoutIsAnError() throws {
        guard case .success(let templates) = try library(["base": "x"]) else { Issue.record("valid templates failed"); return }
        #expect(throws: BuildFailure.self) { try templates.require(["base", "document"]) }
    }

    @Test func inheritanceAndPartialsRender() throws {
        guard case .success(let templates) = try library([
            "base": "<body>{{> header}}{{$main}}default{{/main}}</body>",
            "header": "<h1>{{title}}</h1>",
            "page": "{{<base}}{{$main}}<p>{{text}}</p>{{/main}}{{/base}}",
        ]) else { Issue.record("valid templates failed"); return }
        #expect(templates.render("page", ["title": "Tre", "text": "a<b"]) == "<body><h1>Tre</h1><p>a&lt;b</p></body>")
    }
}
