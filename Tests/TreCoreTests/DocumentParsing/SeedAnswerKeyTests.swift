import Foundation
import Testing
@testable import TreCore

/// The five real documents, raw (PDF text and Markdown as received, no front
/// matter), against the hand-checked answer key in ../shared/seeds.
@Suite("Seeds against the answer key")
struct SeedAnswerKeyTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    func facts(_ prefix: String) throws -> (DocumentFacts, [String: Any]) {
        let key = try Fixtures.answerKey()
        let entry = try #require(key.first { $0.key.hasPrefix(prefix) }?.value as? [String: Any])
        let text = try Fixtures.seed(prefix)
        return (DocumentAnalyzer().analyze(markdown: text.precomposedStringWithCanonicalMapping).facts, entry)
    }

    @Test(arguments: seeds)
    func identity(_ prefix: String) throws {
        let (facts, key) = try facts(prefix)
        #expect(facts.kind == key["doc_type"] as? String)
        #expect(facts.number == key["number"] as? String)
        #expect(facts.date?.iso == key["date"] as? String)
        #expect(facts.place == key["place"] as? String)
        if let symbol = key["symbol"] as? String { #expect(facts.symbol == symbol) }
        if let subject = key["subject"] as? String { #expect(facts.subject == subject) }
        if let year = key["year_covered"] as? Int { #expect(facts.year == year) }
    }

    @Test(arguments: seeds)
    func actionMonthAndHotline(_ prefix: String) throws {
        let (facts, key) = try facts(prefix)
        let month = try #require(key["action_month"] as? [String: Any])
        if month["mentioned"] as? Bool == true {
            #expect(facts.actionMonth?.year == month["year"] as? Int)
            #expect(facts.actionMonth?.theme == month["theme"] as? String)
        } else {
            #expect(facts.actionMonth == nil)
        }
        let hotline = try #require(key["hotline_111"] as? [String: Any])
        #expect(facts.mentionsHotline == (hotline["mentioned"] as? Bool))
        for quote in hotline["quotes"] as? [String] ?? [] {
            #expect(facts.hotlineMentions.contains { $0.contains(quote.prefix(40)) }, "hotline quote not found: \(quote)")
        }
    }

    @Test(arguments: seeds)
    func everyDeadlineWithItsExactDate(_ prefix: String) throws {
        let (facts, key) = try facts(prefix)
        let expected = (key["deadlines"] as? [[String: Any]] ?? []).compactMap { $0["due_date"] as? String }
        // Point deadlines match the key exactly; periods come from task timeframes ("Quý II, IV năm 2025").
        let points = facts.deadlines.filter { $0.start == nil }.map(\.date.iso)
        #expect(points.sorted() == expected.sorted())
        for deadline in facts.deadlines where deadline.start == nil {
            #expect(!deadline.quote.isEmpty && !deadline.anchor.isEmpty && !deadline.what.isEmpty)
            #expect(!deadline.owners.isEmpty, "no owner for \(deadline.date) in \(prefix)")
        }
    }

    @Test(arguments: seeds)
    func citedDocuments(_ prefix: String) throws {
        let (facts, key) = try facts(prefix)
        let expected = (key["cited_documents"] as? [[String: Any]] ?? []).compactMap { citation -> (String, String)? in
            guard let number = citation["number"] as? String, let date = citation["date"] as? String, number.contains("/") else { return nil }
            return (number.filter { !$0.isWhitespace }, date)
        }
        for (number, date) in expected {
            #expect(facts.citations.contains { $0.number == number && $0.date?.iso == date }, "citation \(number) of \(date) missing in \(prefix)")
        }
    }

    @Test func recurringReportsWithoutAYearRecurYearly() throws {
        let (facts, _) = try facts("002")
        #expect(facts.deadlines.map(\.recurrence) == ["yearly", "yearly"])
        #expect(facts.deadlines.allSatisfy { $0.recipients.first == "Phòng Lao động - Thương binh và Xã hội" })
    }

    @Test func deadlinesKnowWhoOwesAndToWhom() throws {
        let (facts, _) = try facts("000")
        let first = try #require(facts.deadlines.first)
        #expect(first.owners == ["Phòng Y tế"])
        #expect(first.recipients == ["Sở Y tế", "Ủy ban nhân dân huyện"])
        #expect(first.quote.hasPrefix("Báo cáo kết quả thực hiện về Sở Y tế"))
    }

    @Test func planTasksHaveLeadCooperatingAndTimeframe() throws {
        let (facts, _) = try facts("001")
        let numbered = facts.tasks.filter { Int($0.number).map { (1...13).contains($0) } ?? false }.prefix(13)
        #expect(numbered.count == 13)
        let ninth = try #require(facts.tasks.first { $0.number == "9" })
        #expect(ninth.lead == ["Trung tâm Y tế", "Phòng Văn hóa, Khoa học và Thông tin"])
        #expect(ninth.timeframe == "Quý II, IV năm 2025")
        #expect(ninth.cooperating.contains("Ủy ban nhân dân các xã"))
    }

    @Test func theHeaderFoundMidDocumentIsRead() throws {
        let (facts, _) = try facts("000")
        #expect(facts.issuer == "Ủy ban nhân dân huyện Kon Rẫy")
        #expect(facts.issuerLevel == "huyện")
        #expect(facts.partialDate?.year == 2025)
        #expect(facts.recipients.count == 3)
        #expect(facts.signer?.name == "Đinh Thị Hồng Thu")
    }
}
