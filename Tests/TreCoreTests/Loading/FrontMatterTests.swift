import Testing
@testable import TreCore

@Suite("Front matter")
struct FrontMatterTests {
    @Test func readsKnownAndKeepsUnknownKeys() throws {
        let text = "---\nkind: Công văn\nnumber: 12/UBND-VX\ndate: 2025-04-04\nyear: 2025\ndraft: false\nco_quan_dang: Phòng Y tế\n---\n\nNội dung\n"
        let (file, problems) = SourceFile.parse(text: text, path: "content/a.md")
        #expect(problems.isEmpty)
        let matter = try #require(file).frontMatter
        #expect(matter.kind == "Công văn")
        #expect(matter.number == "12/UBND-VX")
        #expect(matter.date == CalendarDate(year: 2025, month: 4, day: 4))
        #expect(matter.year == 2025)
        #expect(matter.extra["co_quan_dang"] == .string("Phòng Y tế"))
        #expect(file?.bodyLine == 9)
        #expect(file?.body == "\nNội dung\n")
    }

    @Test func aFileWithoutFrontMatterBuilds() throws {
        let (file, problems) = SourceFile.parse(text: "KẾ HOẠCH\n\nNội dung\n", path: "content/b.md")
        #expect(problems.isEmpty)
        #expect(try #require(file).frontMatter == FrontMatter())
    }

    @Test func malformedYAMLNamesFileLineAndWhatToDo() {
        let (file, problems) = SourceFile.parse(text: "---\ntitle: Một\nkind: [Công văn\n---\nx\n", path: "content/c.md")
        #expect(file == nil)
        let problem = problems.first
        #expect(problem != nil)
        #expect(problem?.file == "content/c.md")
        #expect((problem?.line ?? 0) >= 3)
        #expect(problem?.description.contains("content/c.md:") == true)
        #expect(problem?.fix != nil)
    }

    @Test func unreadableDatePointsAtItsLine() {
        let (file, problems) = SourceFile.parse(text: "---\ntitle: Một\ndate: 2025-02-30\n---\nx\n", path: "content/d.md")
        #expect(file == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("2025-02-30") == true)
    }

    @Test func unterminatedFrontMatterIsAnError() {
        let (file, problems) = SourceFile.parse(text: "---\ntitle: Một\n\nNội dung\n", path: "content/e.md")
        #expect(file == nil)
        #expect(problems.first?.line == 1)
    }

    @Test func textIsNormalisedToNFC() throws {
        let decomposed = "Ho\u{0323}\u{0302}i"  // "Hội" written with combining marks
        let (file, _) = SourceFile.parse(text: decomposed, path: "content/f.md")
        #expect(try #require(file).body == "Hội")
        #expect(file?.body.unicodeScalars.count == 3)
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array("dòng một\ndòng hai \u{0}".utf8)
        bytes[bytes.count - 1] = 0xFF
        guard case .failure(let problem) = ContentLoader.decodeUTF8(Data(bytes), path: "content/g.md") else {
            Issue.record("invalid UTF-8 was accepted"); return
        }
        #expect(problem.line == 2)
        #expect(problem.column == 10)
    }
}

import Foundation
