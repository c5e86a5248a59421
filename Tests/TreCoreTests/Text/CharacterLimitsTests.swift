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
}
