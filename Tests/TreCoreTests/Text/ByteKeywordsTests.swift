import Testing
@testable import TreCore

@Suite struct ByteKeywordsTests {
    /// One pass finds exactly the words a byte search for each finds, on the seeds' lines and random texts
    /// made of the words, their prefixes and letters that share their first bytes.
    @Test func findsWhatASearchForEachWordFinds() throws {
        let words = ["định kỳ", "hằng năm", "hàng năm", "quý", "tháng", "từ", "trước", "chậm nhất", "đến hết", "không muộn hơn", "hạn chót", "hạn cuối", "đ"]
        let keywords = ByteKeywords(words)
        var texts: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] { texts += try Fixtures.seed(prefix).split(separator: "\n").map { $0.lowercasedFast } }
        let pool = words + ["th", "thán", "tr", "hạn", "ằ", "à", "ừ", "ý", "q", " ", "1", "Đ", "đế"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            texts.append((0..<(Int(state >> 60) + 1)).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pool[Int(state >> 33) % pool.count]
            }.joined())
        }
        var seen = 0
        for text in texts {
            let found = keywords.occurring(in: text)
            for word in words {
                #expect((found & keywords.bit(of: word) != 0) == text.containsBytes(word), "\(word) in \(text)")
            }
            seen += found.nonzeroBitCount
        }
        #expect(seen > 1000)
        #expect(keywords.occurring(in: "") == 0)
        #expect(keywords.occurring(in: "tháng") == keywords.bit(of: "tháng"))
    }
}
