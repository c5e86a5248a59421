import Foundation
import Testing
@testable import TreCore

@Suite("Facts in the store's binary form")
struct FactsCodecTests {
    static let contentFiles = ["2022-cv-kon-tum-xam-hai-tre-em.md", "2022-kh-ia-hdrai.md", "2025-cv-kon-ray-nhiem-vu-tre-em.md",
                               "2025-cv-lai-chau-nhiem-vu-tre-em.md", "2025-kh-61-son-tay.md"]

    @Test(arguments: contentFiles)
    func everySeedDocumentsFactsComeBackEqual(name: String) throws {
        let file = try Fixtures.contentFile(name)
        let facts = DocumentAnalyzer().analyze(markdown: file.body, frontMatter: file.frontMatter).facts
        #expect(!facts.deadlines.isEmpty || !facts.tasks.isEmpty || !facts.citations.isEmpty)
        #expect(DocumentFacts(encoded: facts.encoded) == facts)
    }

    /// A store entry brings back, with the facts, what rendering the body needs: the header blocks and the repair.
    @Test func storedDocumentsComeBackEqual() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        var repaired = 0, withHeader = 0
        for text in try seeds.map({ try String(contentsOf: Fixtures.seeds.appendingPathComponent($0), encoding: .utf8) })
            + Self.contentFiles.map({ try Fixtures.contentFile($0).body }) {
            let analyzed = DocumentAnalyzer().analyze(markdown: text, rendering: false)
            let stored = StoredDocument(facts: analyzed.facts, header: analyzed.header, repaired: analyzed.wasRepaired)
            if stored.repaired { repaired += 1 }
            if !stored.header.isEmpty { withHeader += 1 }
            #expect(StoredDocument(encoded: stored.encoded) == stored)
            #expect(StoredDocument(encoded: stored.encoded.dropLast()) == nil)
        }
        #expect(repaired > 0 && withHeader > 0)
    }

    @Test func everyFieldIsWrittenEvenWhenRarelySet() {
        var facts = DocumentFacts()
        facts.kind = "Kế hoạch"; facts.number = "61/KH-UBND"; facts.symbol = "KH-UBND"; facts.issuer = "UBND huyện"
        facts.issuerLevel = "huyện"; facts.place = "Sơn Tây"; facts.date = CalendarDate(year: 2025, month: 4, day: 4)
        facts.partialDate = .init(month: nil, year: 2025); facts.subject = "Trẻ em"; facts.year = -1
        facts.recipients = ["Phòng Y tế", ""]; facts.distribution = ["Lưu: VT"]
        facts.signer = .init(authority: "TM. UBND", position: nil, name: "Nguyễn Văn A")
        facts.actionMonth = .init(year: nil, theme: "Chủ đề", quote: "Tháng hành động")
        facts.hotlineMentions = ["111"]
        facts.tasks = [.init(number: "1", text: "Tuyên truyền", lead: ["Phòng Văn hóa"], cooperating: [], timeframe: nil, anchor: "nv-1")]
        facts.deadlines = [.init(date: CalendarDate(year: 2025, month: 6, day: 30)!, start: CalendarDate(year: 2025, month: 6, day: 1),
                                 recurrence: "yearly", what: "Báo cáo", owners: ["Phòng Y tế"], recipients: ["UBND huyện"],
                                 quote: "… trước ngày 30/6/2025.", phrase: "trước ngày 30/6/2025", anchor: "p-3")]
        facts.citations = [.init(kind: "Luật", number: "102/2016/QH13", date: nil, issuer: "Quốc hội", quote: "Luật Trẻ em", anchor: "p-1")]
        #expect(DocumentFacts(encoded: facts.encoded) == facts)
    }

    /// A field added to a facts type but not to FactsCodec.swift would be lost on the way through the store.
    @Test func theCodecWritesEveryStoredField() {
        let date = CalendarDate(year: 2025, month: 1, day: 1)!
        let counts: [(String, Any, Int)] = [
            ("DocumentFacts", DocumentFacts(), 18),
            ("CalendarDate", date, 3),
            ("PartialDate", DocumentFacts.PartialDate(month: 1, year: 2025), 2),
            ("Signer", DocumentFacts.Signer(), 3),
            ("ActionMonth", DocumentFacts.ActionMonth(quote: ""), 3),
            ("Task", DocumentFacts.Task(number: "", text: "", lead: [], cooperating: [], anchor: ""), 6),
            ("Deadline", DocumentFacts.Deadline(date: date, what: "", owners: [], recipients: [], quote: "", phrase: "", anchor: ""), 9),
            ("Citation", DocumentFacts.Citation(kind: "", quote: ""), 6),
        ]
        for (name, value, written) in counts {
            #expect(Mirror(reflecting: value).children.count == written, "\(name) has a field FactsCodec.swift does not write")
        }
    }

    @Test func cutOrDamagedBytesAreRefused() throws {
        let bytes = try DocumentAnalyzer().analyze(markdown: Fixtures.contentFile("2025-kh-61-son-tay.md").body).facts.encoded
        #expect(DocumentFacts(encoded: Array(bytes.dropLast(3))) == nil)
        #expect(DocumentFacts(encoded: bytes + [0]) == nil)
        #expect(DocumentFacts(encoded: [7, 0xFF, 0xFF]) == nil)
        #expect(DocumentFacts(encoded: []) == nil)
    }
}

@Suite("A page's digest")
struct ContextDigestTests {
    @Test func dependsOnEveryValueButNotOnDictionaryOrder() {
        let context: TemplateContext = ["title": "Lịch", "count": 3, "open": true, "items": [["what": "Báo cáo"], ["what": "Tổng kết"]]]
        var reordered: TemplateContext = [:]
        for key in context.keys.sorted().reversed() { reordered[key] = context[key] }
        let digest = ContextDigest.of(template: "calendar", context)
        #expect(ContextDigest.of(template: "calendar", reordered) == digest)
        #expect(ContextDigest.of(template: "month", context) != digest)
        var changed = context
        changed["items"] = [["what": "Báo cáo"], ["what": "Tổng kết."]]
        #expect(ContextDigest.of(template: "calendar", changed) != digest)
        changed = context
        changed["items"] = [["what": "Tổng kết"], ["what": "Báo cáo"]]
        #expect(ContextDigest.of(template: "calendar", changed) != digest)
        changed = context
        changed["open"] = false
        #expect(ContextDigest.of(template: "calendar", changed) != digest)
        // The same text under another key is another page; so is a number shown as text.
        #expect(ContextDigest.of(template: "x", ["a": "1", "b": "2"]) != ContextDigest.of(template: "x", ["a": "2", "b": "1"]))
        #expect(ContextDigest.of(template: "x", ["a": "3"]) != ContextDigest.of(template: "x", ["a": 3]))
    }

    final class Row: TemplateObject {
        let digest: UInt64
        init(_ digest: UInt64) { self.digest = digest }
        func value(field: TemplateField) -> TemplateValue? { nil }
    }

    @Test func anObjectWorkedOutLaterCountsThroughItsOwnDigest() {
        let one = ContextDigest.of(template: "month", ["entries": [.lazy(Row(1)), .lazy(Row(2))]])
        #expect(ContextDigest.of(template: "month", ["entries": [.lazy(Row(1)), .lazy(Row(2))]]) == one)
        #expect(ContextDigest.of(template: "month", ["entries": [.lazy(Row(1)), .lazy(Row(3))]]) != one)
    }
}
