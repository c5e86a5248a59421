import Foundation
import Testing
@testable import TreCore

/// DatePhraseScanner is held to the expressions it stands for (``DeadlineExtractor``'s `due`, `range`,
/// `monthPeriod`, `quarters` and `labels`, run by ICU): the same matches, groups and offsets on every sentence of the seeds
/// and the sample content, on edge cases, and on random mixes of the words, digits of three scripts,
/// separators and white space the expressions read.
@Suite("Date phrase scanner")
struct DatePhraseScannerTests {
    static let expressions: [(name: String, pattern: Pattern, scanned: @Sendable (DatePhraseScanner.Found) -> [Pattern.Match])] = [
        ("due", DeadlineExtractor.due, { $0.due }),
        ("range", DeadlineExtractor.range, { $0.range }),
        ("monthPeriod", DeadlineExtractor.monthPeriod, { $0.monthPeriod }),
        ("quarters", DeadlineExtractor.quarters, { $0.quarters }),
    ]

    /// Each match's UTF-8 offsets, whole and groups: what the two must agree on.
    static func describe(_ matches: [Pattern.Match], in text: String) -> String {
        func offsets(_ range: Range<String.Index>) -> String {
            "\(text.utf8.distance(from: text.startIndex, to: range.lowerBound))..<\(text.utf8.distance(from: text.startIndex, to: range.upperBound))"
        }
        return matches.map { match in
            ([offsets(match.range)] + match.groups.dropFirst().map { $0.map { offsets($0.startIndex..<$0.endIndex) } ?? "nil" }).joined(separator: " ")
        }.joined(separator: " | ")
    }

    static func offsetsMoved(_ text: String, _ lower: LowercaseBytes) -> Bool {
        var text = text
        return !text.withUTF8 { original in lower.withUnsafeBufferPointer { Pattern.sameCharacterStarts(original, $0) } }
    }

    /// Compares the scans with the expressions on `sentences`; returns how many matches each found.
    static func compare(_ sentences: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for sentence in sentences {
            let lower = LowercaseBytes(sentence)
            let scan = DatePhraseScanner.scan(sentence, lowercased: lower)
            // Only when lowercasing moved bytes may the scanner leave a sentence to the expressions.
            #expect((scan == nil) == offsetsMoved(sentence, lower), "\(sentence.debugDescription)")
            for (name, pattern, scanned) in expressions {
                let expected = pattern.matches(in: sentence, lowercased: lower)
                found[name, default: 0] += expected.count
                guard let scan else { continue }
                #expect(describe(scanned(scan), in: sentence) == describe(expected, in: sentence), "\(name): \(sentence.debugDescription)")
            }
            let labels = DeadlineExtractor.labels.matches(in: sentence)
            found["labels", default: 0] += labels.count
            if let scanned = DatePhraseScanner.labels(in: sentence) {
                #expect(describe(scanned, in: sentence) == describe(labels, in: sentence), "labels: \(sentence.debugDescription)")
            }
        }
        return found
    }

    @Test func answersAsTheExpressionsOnEverySentenceOfTheSeedsAndContent() throws {
        var sentences: [String] = []
        for (_, text, frontMatter) in try DocumentAnalyzerTests.texts() {
            for block in DocumentAnalyzer().analyze(markdown: text, frontMatter: frontMatter, rendering: false).blocks {
                sentences += Sentences.split(block.text).map(String.init)
            }
        }
        #expect(sentences.count > 500)
        let found = Self.compare(sentences)
        #expect(found["due", default: 0] >= 15)
        #expect(found["monthPeriod", default: 0] >= 2)
    }

    static let edgeCases = [
        "Báo cáo trước ngày 15/6/2025.", "TRƯỚC NGÀY 15/6/2025", "trước 15/6", "trước ngày 15 tháng 6 năm 2025", "trước ngày 5 tháng 12/2025",
        "trước ngày 15/6/20251", "trước ngày 15/6/202", "trước ngày 15/6/3025", "trước ngày 15/6/", "trước ngày 15/6/2025/",
        "trước ngày 123/6", "trước ngày 1/123", "trước ngày 5 tháng 6 năm 202", "trước ngày 5 tháng 12/20", "trước ngày ngày 5/6",
        "trướcngày 5/6", "trước  ngày\u{A0}5/6", "trước\nngày 5 / 6 / 2025", "trước ngày 5 /6", "trước ngày 5- 6-2025", "trước ngày 5.6.2025",
        "chậm nhất là ngày 30/6", "chậm nhất là 30/6", "chậm nhất  là  30/6", "chậm nhất là", "chậm nhất ngày 30/6", "chậm nhấtlà 30/6",
        "hạn chót là 30/6/2025", "hạn cuối 1/7", "không muộn hơn ngày 10/7/2025", "đến hết ngày 31/12/2025", "Đến hết 31/12",
        "trước ngày \u{661}\u{665}/\u{666}", "trước ngày \u{FF11}/6/2025", "trước ngày 15/6/2025\u{301}", "trước ngày 15/6\u{200D}",
        "từ ngày 01/6/2025 đến ngày 30/6/2025", "từ 1/6 - 30/6/2025", "từ 1/6-2025 đến 5/6", "từ ngày 1/6–30/6", "bắt đầu từ 1/6 đến hết 30/6",
        "từ ngày ngày 1/6 đến 2/6", "từ 1/6 đến hết ngày 30/6", "từ 1 tháng 6 đến 30 tháng 6 năm 2025", "từ 1/6 đến", "từ 1/6/2025 đến 30/6/2025/",
        "từ tháng 6 đến tháng 7", "từ 12/5/2025-", "Từ Ngày 1/6 Đến Ngày 30/6",
        "trong tháng 6/2025", "tháng 6 năm 2025", "Trong Tháng 6 Năm 2025", "tháng 12/2025", "tháng 6/20251", "tháng 6/3025", "tháng 6năm 2025",
        "ngày 5 tháng 6/2025", "5/tháng 6/2025", "số 5 tháng 6/2025", "2025 tháng 6/2025", "\u{661} tháng 6/2025", "trong  tháng 6 /  2025",
        "tháng 123/2025", "tháng 6 / 2025", "tháng 6/20\u{662}\u{665}", "trongtháng 6/2025", "tháng 6\u{A0}năm\u{A0}2025", "\u{212A}hông muộn hơn 5/6",
        "İ trước ngày 5/6", "trước ngày 5/6 và trước ngày 6/7; chậm nhất 1/8", "",
        "Quý II năm 2025", "quý II, IV năm 2025", "Quý I và II/2025", "quý 1-2 năm 2025", "QUÝ IV NĂM 2025", "quý iii năm 2026",
        "quý IIII năm 2025", "quý ivà ii năm 2025", "quý II năm 20255", "quý II năm 3025", "quý 5 năm 2025", "quýII năm 2025",
        "quý II,  III , IV / 2025", "quý II năm", "quý II và năm 2025", "quý I, năm 2025", "Quý  II\u{A0}năm\u{A0}2025", "quý VI năm 2025",
        "báo cáo 6 tháng đầu năm, cả năm 2025", "16 tháng cuối năm", "6 tháng  đầu năm", "Cả Năm 202", "cả năm 20251", "hằng năm, HÀNG NĂM",
        "năm 2025", "xnăm 2025", " năm 2025", "\u{A0}năm 2025", "5năm 2025", "năm  2025", "quý IV", "quý ", "quý VVI,", "6 tháng",
    ]

    @Test func answersAsTheExpressionsOnEdgeCases() {
        let found = Self.compare(Self.edgeCases)
        #expect(found["due", default: 0] >= 25)
        #expect(found["range", default: 0] >= 8)
        #expect(found["monthPeriod", default: 0] >= 8)
        #expect(found["quarters", default: 0] >= 10)
        #expect(found["labels", default: 0] >= 20)
    }

    /// Sentences made of start words, dates of every form (some broken: three-digit days, short or long
    /// years, digits of other scripts), periods, months, quarters, links and noise, in random order and spacing.
    @Test func answersAsTheExpressionsOnRandomMixes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        func pick(_ items: [String]) -> String { items[next(items.count)] }
        let starts = ["trước ", "TRƯỚC ", "chậm nhất ", "chậm nhất là ", "hạn chót ", "hạn cuối là ", "đến hết ", "không muộn hơn ",
                      "từ ", "Từ ", "bắt đầu từ ", "trong ", "tháng ", "Tháng ", "trong tháng "]
        let spaces = [" ", "", "  ", "\u{A0}", "\t", "\n"]
        let digits = ["1", "5", "15", "30", "6", "12", "123", "0", "\u{661}", "\u{FF11}", "2025", "20251", "3025", "202", "1999", "20\u{662}\u{665}"]
        let marks = ["/", ".", "-", " tháng ", " năm ", "/ ", " /", "–"]
        let noise = ["ngày ", "đến ", "đến hết ", " - ", "–", "hết ", "năm ", "x", "đ", "số ", ",", "\u{301}", "\u{200D}", "/", "; ",
                     "6 tháng", " đầu năm", " cuối năm", "cả năm", "hằng năm", "Hàng năm", "quý ", "I", "v"]
        func date() -> String {
            var text = (next(2) == 0 ? "ngày" + pick(spaces) : "") + pick(digits) + pick(marks) + pick(digits)
            if next(2) == 0 { text += pick(marks) + pick(digits) }
            return text
        }
        let sentences = (0..<20_000).map { _ in
            (0..<(2 + next(6))).map { _ in
                switch next(7) {
                case 0: pick(starts)
                case 1, 2: date() + pick(spaces)
                case 3: pick(["từ ", "Từ ngày ", "bắt đầu từ ", "từ  ", "từ"]) + date() + pick(spaces) + pick(["đến", "-", "–", "đến hết", "x"]) + pick(spaces) + date()
                case 4: pick(starts) + pick(digits) + pick(["/", " năm ", "/ ", "năm ", " / "]) + pick(digits)
                case 5: pick(["quý ", "Quý ", "quý"]) + (0..<(1 + next(3))).map { _ in pick(["I", "II", "iv", "V", "IIII", "1", "4", "5"]) }
                    .joined(separator: pick([", ", " và ", "-", "và", " "])) + pick(spaces) + pick(["năm ", "/", "năm", "x"]) + pick(digits)
                default: pick(noise)
                }
            }.joined()
        }
        let found = Self.compare(sentences)
        #expect(found["due", default: 0] >= 500)
        #expect(found["range", default: 0] >= 50)
        #expect(found["monthPeriod", default: 0] >= 100)
        #expect(found["quarters", default: 0] >= 100)
        #expect(found["labels", default: 0] >= 1000)
    }
}
