import Testing
@testable import TreCore

@Suite("Front matter without YAML")
struct PlainFrontMatterTests {
    /// Whenever the plain reader answers, it reads what Yams reads, with no problem reported.
    static func expectSameAsYAML(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let plain = PlainFrontMatter.parse(yaml) else { return }
        let (matter, problems) = FrontMatterParser.parseYAML(yaml, file: "content/a.md")
        #expect(problems.isEmpty, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
        #expect(plain == matter, "\(yaml.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func readsTheUsualFrontMatter() throws {
        let yaml = "kind: Công văn\nnumber: 12/UBND-VX\nissuer: Ủy ban nhân dân tỉnh Kon Tum\nplace: Kon Tum\ndate: 2022-01-10\n"
            + "subject: V/v triển khai nhiệm vụ bảo vệ trẻ em, năm 2022\nyear: 2022\ntitle: Bảo vệ trẻ em (số 111)\nslug: cv-kon-tum-2022\ndraft: true\n\nlayout: document  "
        let matter = try #require(PlainFrontMatter.parse(yaml))
        #expect(matter.kind == "Công văn" && matter.number == "12/UBND-VX" && matter.date == CalendarDate(year: 2022, month: 1, day: 10))
        #expect(matter.year == 2022 && matter.slug == "cv-kon-tum-2022" && matter.draft && matter.layout == "document")
        #expect(matter.subject == "V/v triển khai nhiệm vụ bảo vệ trẻ em, năm 2022")
        Self.expectSameAsYAML(yaml)
    }

    @Test(arguments: [
        "tags: [a, b]", "kind: 'Công văn'", "kind: \"Công văn\"", "# ghi chú\nkind: Công văn", "kind: Công văn # ghi chú",
        "subject: V/v: triển khai", "title: a\n  tiếp", "title:\tx", "title:x", "kind: Công văn\nkind: Kế hoạch", "date: 2025-02-30",
        "year: 25", "year: 2025.0", "draft: yes", "slug: Sai Slug", "title: ~", "title: null", "title: - một", "title: *x", "title: &x y",
        "title: |", "title: >", "title: !tag x", "title: %x", "title: @x", "title: `x", "title: {a: b}", "title: x:", "title:", "title:  ",
        "title: a\u{85}b", "title: a\u{2028}b", "extra_key: x", " title: x", "title: \u{A0}", "title: a\rb",
        "draft: \u{A0}true", "draft: true\u{3000}", "year: \u{2003}2025",
    ])
    func leavesToYAMLWhatYAMLCouldReadOtherwise(yaml: String) {
        #expect(PlainFrontMatter.parse(yaml) == nil)
    }

    @Test func agreesWithYAMLOnRandomMixes() {
        let keys = ["title", "kind", "number", "issuer", "place", "subject", "layout", "slug", "date", "year", "draft", "khac", " title"]
        let pieces = ["Công văn", "12/UBND-VX", "2025-04-04", "2025", "true", "false", "cv-2025", "a b", "x:y", "x: y", "#1", "a #1", "'q'", "\"q\"",
                      "[x]", "{x}", "-", "- x", "?", ":", "~", "null", "Null", "\u{A0}", "\u{3000}", " ", "  ", "\t", "%", "@", "!", "&", "*", ",",
                      "Ủy ban nhân dân", "(số 111)", "V/v", "Tháng 6", "2025-13-01", "1899", "yes", "on", "0x10", "1e3", ".5", "|", ">"]
        var random = SystemRandomNumberGenerator()
        var answered = 0
        for _ in 0..<4000 {
            let lines = (0..<Int.random(in: 1...4, using: &random)).map { _ -> String in
                let value = (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                return keys.randomElement(using: &random)! + [": ", ":  ", ":", ": "].randomElement(using: &random)! + value
            }
            let yaml = lines.joined(separator: "\n")
            if PlainFrontMatter.parse(yaml) != nil { answered += 1 }
            Self.expectSameAsYAML(yaml)
        }
        #expect(answered > 100)
    }
}

@Suite("Front matter split by bytes")
struct FrontMatterSplitTests {
    /// The split as it was written over `Character`s, before it read bytes: the reference.
    static func reference(_ text: String) -> FrontMatterParser.Split? {
        let firstLine = text.utf8.prefix { $0 != UInt8(ascii: "\n") }
        guard firstLine.starts(with: "---".utf8), firstLine.dropFirst(3).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else {
            return FrontMatterParser.Split(yaml: nil, body: text, bodyLine: 1)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeFirst()
        func trailingSpacesTrimmed(_ line: Substring) -> Substring {
            var end = line.endIndex
            while end > line.startIndex, let c = line[line.index(before: end)].unicodeScalars.first, c == " " || c == "\t" || c == "\r" {
                end = line.index(before: end)
            }
            return line[line.startIndex..<end]
        }
        guard let end = lines.firstIndex(where: { let t = trailingSpacesTrimmed($0); return t == "---" || t == "..." }) else { return nil }
        return FrontMatterParser.Split(yaml: lines[..<end].joined(separator: "\n"), body: lines[(end + 1)...].joined(separator: "\n"), bodyLine: end + 3)
    }

    @Test func splitsAsTheCharacterByCharacterSplitDid() throws {
        let pieces = ["---", "...", "--- ", "---\t", "-- -", "kind: Công văn", "", " ", "\r", "Nội dung", "—", "----", "..", ". . .", "#", "ế"]
        var random = SystemRandomNumberGenerator()
        var split = 0
        for _ in 0..<3000 {
            let lines = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                (0..<Int.random(in: 0...2, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            }
            // Line ends are LF by then (SourceFile makes CRLF LF; a Character split would not split a CRLF).
            var text = (Bool.random(using: &random) ? "---\n" : "") + lines.joined(separator: "\n") + (Bool.random(using: &random) ? "\n" : "")
            while text.containsBytes("\r\n") { text = text.replacingBytes("\r\n", with: "\n") }
            let actual = try? FrontMatterParser.split(text, file: "content/a.md")
            #expect(actual == Self.reference(text), "\(text.debugDescription)")
            if actual?.yaml != nil { split += 1 }
        }
        #expect(split > 300)
    }
}
