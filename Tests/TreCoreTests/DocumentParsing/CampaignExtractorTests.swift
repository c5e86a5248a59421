import Foundation
import Testing
@testable import TreCore

@Suite struct CampaignExtractorTests {
    func mentions(_ text: String) -> [String] {
        CampaignExtractor.hotlineMentions(in: DocumentOutline(document: CmarkDocument(markdown: text)).blocks)
    }

    @Test func theHotlineAtTheEndOfASentenceCounts() {
        #expect(mentions("Gọi Tổng đài quốc gia bảo vệ trẻ em 111.") == ["Gọi Tổng đài quốc gia bảo vệ trẻ em 111."])
        #expect(mentions("Tổng đài 111, miễn phí.").count == 1)
    }

    @Test func numbersThatHoldOneOneOneAreNotTheHotline() {
        #expect(mentions("Tổng đài đã nhận 111.000 cuộc gọi, bảo vệ trẻ em.").isEmpty)
        #expect(mentions("Tổng đài hỗ trợ 1,111 trẻ em.").isEmpty)
        #expect(mentions("Bảo vệ trẻ em theo Công văn 111/UBND-VX.").isEmpty)
        #expect(mentions("Tổng đài bảo vệ trẻ em: 111,5 triệu đồng.").isEmpty)
    }

    /// The expression the byte scanner stands for.
    static let hotlineExpression = Pattern(#"(?<![\d.,/])111(?![\d/]|[.,]\d)"#)

    /// The scanner finds 111 where the expression does: in every sentence of the seeds and the
    /// sample content, and in random texts of digits (ASCII, Arabic-Indic, full-width), dots,
    /// commas, slashes, letters, spaces, a combining mark, a prepended mark and a joiner around 111.
    @Test func theScannerAgreesWithTheExpression() throws {
        var sentences: [Substring] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            sentences += try Fixtures.seed(prefix).split(separator: "\n").flatMap { Sentences.split(String($0)) }
        }
        let content = Fixtures.repository.appendingPathComponent("content")
        for name in try FileManager.default.contentsOfDirectory(atPath: content.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
            sentences += text.split(separator: "\n").flatMap { Sentences.split(String($0)) }
        }
        let pool = ["111", "1", "11", "0", "9", "\u{661}", "\u{FF11}", ".", ",", "/", " ", "a", "đ", "Tổng đài ", "\u{301}", "\u{600}", "\u{200D}", "-", "số "]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<5000 { sentences.append(Substring((0..<next(7)).map { _ in pool[next(pool.count)] }.joined())) }
        var found = 0
        for sentence in sentences {
            let expected = Self.hotlineExpression.contains(in: String(sentence))
            #expect(CampaignExtractor.mentionsHotlineNumber(sentence) == expected, "\(Array(sentence.unicodeScalars))")
            if expected { found += 1 }
        }
        #expect(found > 100)
    }
}
