import Testing
@testable import TreCore

@Suite struct SentencesTests {
    @Test func splitsAtAStopBeforeACapitalNeverInsideBracketsOrQuotes() {
        #expect(Sentences.split("Báo cáo trước ngày 15/6. Gọi 111 (miễn phí. Cả ngày). Xong.")
                == ["Báo cáo trước ngày 15/6.", "Gọi 111 (miễn phí. Cả ngày).", "Xong."])
        #expect(Sentences.split("Chủ đề “Trẻ em. An toàn” năm nay. Đúng hạn!") == ["Chủ đề “Trẻ em. An toàn” năm nay.", "Đúng hạn!"])
        // A Vietnamese capital with its marks starts a sentence; a small letter does not.
        #expect(Sentences.split("Hoàn thành. Ủy ban nhân dân xã báo cáo. tiếp tục") == ["Hoàn thành.", "Ủy ban nhân dân xã báo cáo. tiếp tục"])
        #expect(Sentences.split("Nơi nhận./. **Chủ tịch**") == ["Nơi nhận./.", "**Chủ tịch**"])
        #expect(Sentences.split("  ") == [])
    }

    @Test func splitsAsTheIndexWalkDidOnSeedsAndRandomText() throws {
        var texts: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] { texts += try Fixtures.seed(prefix).split(separator: "\n").map(String.init) }
        let pieces = ["Báo cáo", " ", ". ", "./. ", "! ", "? ", "(", ")", "“", "”", "Ủy ban", "ủy ban", "**", "_", "*Chú ý*", "A", "a", "đ", "Đ",
                      "\u{2003}", "\u{A0}", "\n", "15/6.", ".", "._ ", ".** ", "\u{E2}", "€", "😀", "É", "\u{301}", "\t"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 { texts.append((0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()) }
        for text in texts {
            #expect(Sentences.split(text).map(String.init) == Self.indexWalk(text).map(String.init), "\(text)")
        }
    }

    /// The split as it was written before it scanned bytes in place: a walk of `String.UTF8View` indexes,
    /// each sentence trimmed as a new string.
    static func indexWalk(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex, index = utf8.startIndex
        var depth = 0
        func quote(at index: String.Index) -> UInt8? {
            let second = utf8.index(after: index)
            guard second < utf8.endIndex, utf8[second] == 0x80 else { return nil }
            let third = utf8.index(after: second)
            guard third < utf8.endIndex, utf8[third] == 0x9C || utf8[third] == 0x9D else { return nil }
            return utf8[third]
        }
        func startsSentence(at index: String.Index) -> Bool {
            guard index < utf8.endIndex else { return false }
            let byte = utf8[index]
            if byte < 0x80 { return (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "*") }
            guard let scalar = text.unicodeScalars[index...].first else { return false }
            return scalar.properties.isUppercase || scalar.properties.changesWhenLowercased
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "(") { depth += 1 } else if byte == UInt8(ascii: ")") { if depth > 0 { depth -= 1 } } else if byte == 0xE2, let quote = quote(at: index) {
                if quote == 0x9C { depth += 1 } else if depth > 0 { depth -= 1 }
            } else if depth == 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = utf8.index(after: index)
                while end < utf8.endIndex, [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "_")].contains(utf8[end]) { end = utf8.index(after: end) }
                if end == utf8.endIndex { break }
                if utf8[end] == UInt8(ascii: " "), startsSentence(at: utf8.index(after: end)) {
                    result.append(text[start..<end])
                    start = utf8.index(after: end)
                    index = start
                    continue
                }
            }
            index = utf8.index(after: index)
        }
        if start < utf8.endIndex { result.append(text[start...]) }
        return result.map { $0.trimmed()[...] }.filter { !$0.isEmpty }.map { Substring($0) }
    }
}
