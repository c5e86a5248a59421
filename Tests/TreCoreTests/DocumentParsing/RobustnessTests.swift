import Foundation
import Testing
@testable import TreCore

/// No input crashes or hangs the extractor: random bytes, random mixes of the
/// tokens documents are made of, very long lines, a 1 MB document.
@Suite("Robustness")
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64) so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let tokens = ["trước ngày", "ngày", "tháng", "năm", "15/5/2025", "05/6", "20251", "/", "-", "Số:", "V/v", "KẾ HOẠCH",
                         "ỦY BAN NHÂN DÂN", "Kính gửi:", "Nơi nhận:", "TM.", "KT.", "Quý II, IV", "từ ngày", "đến ngày", "định kỳ",
                         "hằng quý", "111", "Tổng đài", "Tháng hành động vì trẻ em", "chủ đề “", "”", "(", ")", "[^1]", "[^", "**", "*",
                         "\n", "\n\n", "  \n", "- ", "1. ", "## ", "> ", "`", "<b>", "Cơ quan chủ trì:", "Phòng Y tế", "và", ",", ";", ".",
                         "\u{301}", "đ", "Ư", "\u{0}", "\t", "                    "]

    @Test func randomTokenSoupNeverCrashes() {
        var random = Generator(state: 2025)
        for _ in 0..<300 {
            let count = Int.random(in: 1...400, using: &random)
            let text = (0..<count).map { _ in Self.tokens.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : "")
            let result = DocumentAnalyzer().analyze(markdown: text)
            for deadline in result.facts.deadlines { #expect(deadline.start.map { $0 <= deadline.date } ?? true) }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = Generator(state: 111)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...3000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = DocumentAnalyzer().analyze(markdown: text)
            _ = PDFTextRepair.repair(text)
        }
    }

    @Test func veryLongLines() {
        let line = String(repeating: "trước ngày 15/5/2025 báo cáo Sở Y tế; ", count: 20_000)
        let result = DocumentAnalyzer().analyze(markdown: line)
        #expect(result.facts.deadlines.count == 20_000)
        let spaces = String(repeating: "a ", count: 200_000) + "\n" + String(repeating: " ", count: 100_000) + "\n1Chú thích\n"
        _ = DocumentAnalyzer().analyze(markdown: spaces)
    }

    @Test func aOneMegabyteDocument() throws {
        var text = ""
        let seeds = (try? ["000", "001", "002", "003", "004"].map(Fixtures.seed)) ?? [String(repeating: "Nội dung trước ngày 15/5/2025.\n\n", count: 100)]
        while text.utf8.count < 1_000_000 { text += seeds.joined(separator: "\n\n") }
        let result = DocumentAnalyzer().analyze(markdown: text)
        #expect(result.facts.deadlines.count > 100)
        #expect(result.bodyHTML.utf8.count > 500_000)
    }
}
