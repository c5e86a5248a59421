import Foundation
import Testing
@testable import TreCore

@Suite struct NFCQuickCheckTests {
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func theSeedsAreCertainlyNFCAndTrulyAre() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = try Fixtures.seed(prefix)
            let certain = NFCQuickCheck.isCertainlyNFC(text)
            if certain { #expect(scalars(text) == scalars(text.precomposedStringWithCanonicalMapping), "seed \(prefix)") }
        }
        #expect(NFCQuickCheck.isCertainlyNFC("Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 – “miễn phí” … 5.000₫"))
    }

    @Test func decomposedMarksAndSingletonsAreNotCertain() {
        #expect(!NFCQuickCheck.isCertainlyNFC("To\u{0302}\u{0309}ng đài"))   // ô + hook above, decomposed
        #expect(!NFCQuickCheck.isCertainlyNFC("\u{2126}"))                   // OHM SIGN → Ω
        #expect(!NFCQuickCheck.isCertainlyNFC("\u{2000}"))                   // EN QUAD → EN SPACE
        #expect(!NFCQuickCheck.isCertainlyNFC("\u{FEFF}Tre"))
    }

    @Test func whenItSaysCertainTheTextIsNFC() {
        // Random texts from letters, precomposed and decomposed marks, singletons and other scripts.
        let pool: [UnicodeScalar] = ["a", "o", "đ", "ơ", "ạ", "ễ", "\u{0300}", "\u{0301}", "\u{0323}", "\u{0302}", "\u{031B}",
                                     "\u{2126}", "\u{212B}", "\u{2000}", "\u{2013}", "\u{201C}", "\u{1100}", "\u{1161}", "\u{0958}",
                                     "\u{0344}", "\u{1EA0}", "\u{02FF}", "\u{20AB}", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
            let string = String(text)
            if NFCQuickCheck.isCertainlyNFC(string) {
                #expect(scalars(string) == scalars(string.precomposedStringWithCanonicalMapping), "\(scalars(string))")
            }
        }
    }

    @Test func loadingNormalisesADecomposedFile() throws {
        let (file, _) = SourceFile.parse(text: "Tre\u{0309} em", path: "content/a.md")
        #expect(try scalars(#require(file).body) == scalars("Trẻ em"))
    }
}
