import Testing
@testable import TreCore

@Suite struct CharacterLimitsTests {
    @Test func countsCharactersNotBytes() {
        // 15 characters, 22 UTF-8 bytes.
        let text = "Báo cáo kết quả"
        #expect(text.count == 15 && text.utf8.count > 15)
        #expect(!text.exceeds(characters: 15))
        #expect(text.exceeds(characters: 14))
        #expect(text.fits(characters: 15))
        #expect(!text.fits(characters: 14))
        #expect("".fits(characters: 0))
    }

    @Test func decomposedLettersCountOnce() {
        // "ệ" written as e + two combining marks is one character of three scalars.
        let decomposed = "Bi\u{0065}\u{0323}\u{0302}n"
        #expect(decomposed.count == 4)
        #expect(!decomposed.exceeds(characters: 4))
        #expect(decomposed.exceeds(characters: 3))
    }

    @Test func clipsWithAnEllipsis() {
        #expect("Báo cáo kết quả".clipped(to: 10, keeping: 7) == "Báo cáo…")
        #expect("Báo cáo".clipped(to: 10, keeping: 7) == "Báo cáo")
        #expect("Báo cáo kết".clipped(to: 11, keeping: 7) == "Báo cáo kết")
        #expect(Substring("Tổng đài 111").clipped(to: 8, keeping: 8) == "Tổng đài…")
    }

    /// The scalar walk and the grapheme walk agree at every position, whatever the text holds:
    /// marks after a letter, CR LF, emoji with joiners, flags, Hangul, a mark at the limit.
    @Test(arguments: ["Ủy ban nhân dân huyện Sơn Tây – “Tháng hành động” …", "Bie\u{323}\u{302}n ba\u{301}o", "dòng một\r\ndòng hai\rba",
                      "gia đình 👨\u{200D}👩\u{200D}👧 và 🇻🇳 cờ", "한국어 글자", "a\u{200C}b\u{2060}c", "x" + String(repeating: "ệ", count: 30) + "e\u{301}"])
    func agreesWithTheGraphemeWalk(text: String) {
        for count in 0...(text.unicodeScalars.count + 1) {
            #expect(text.characterIndex(after: count) == text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex), "\(count)")
            #expect(text.exceeds(characters: count) == (text.count > count))
            let clipped = text.clipped(to: count, keeping: max(0, count - 1))
            #expect(clipped == (text.count > count ? String(text.prefix(max(0, count - 1))) + "…" : text))
            // A slice is walked over its own bytes, from its own start.
            let slice = text.dropFirst()
            #expect(slice.characterIndex(after: count) == slice.index(slice.startIndex, offsetBy: count, limitedBy: slice.endIndex), "slice \(count)")
        }
    }
}
