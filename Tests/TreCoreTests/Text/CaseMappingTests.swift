import Testing
@testable import TreCore

@Suite struct CaseMappingTests {
    @Test func agreesWithTheLibraryOnEverySeedDocument() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = try Fixtures.seed(prefix)
            #expect(text.lowercasedFast == text.lowercased(), "seed \(prefix)")
        }
    }

    @Test func agreesWithTheLibraryOnEveryScalarUpToU3000() {
        var differing: [UInt32] = []
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "Ab" + String(scalar) + "Đ"
            if text.lowercasedFast != text.lowercased() { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }

    @Test func handlesLettersWhoseLowercaseIsLonger() {
        #expect("İSTANBUL Ủy".lowercasedFast == "İSTANBUL Ủy".lowercased())
        #expect("ΣΟΦΊΑ Phòng".lowercasedFast == "σοφία phòng")
        #expect("ỦY BAN NHÂN DÂN HUYỆN".lowercasedFast == "ủy ban nhân dân huyện")
    }

    /// The lowercase as bytes is the library's lowercase, byte for byte: on the seeds, on every scalar up to
    /// U+3000 between letters, on letters whose lowercase is longer, and on a part of a longer text.
    @Test func theLowercaseAsBytesIsTheLibrarysLowercase() throws {
        var texts = ["İSTANBUL Ủy", "ΣΟΦΊΑ Phòng", "ỦY BAN NHÂN DÂN HUYỆN", "Ⱥ tháng", ""]
        for prefix in ["000", "001", "002", "003", "004"] { texts.append(try Fixtures.seed(prefix)) }
        for value in UInt32(0)..<0x3000 { if let scalar = Unicode.Scalar(value) { texts.append("Ab" + String(scalar) + "Đ") } }
        let differing = texts.filter { LowercaseBytes($0).bytes != Array($0.lowercased().utf8) }
        #expect(differing.isEmpty, "\(differing.prefix(3))")
        let part = "KẾ HOẠCH Số 61".dropFirst(3).prefix(5)
        #expect(LowercaseBytes(part).bytes == Array(part.lowercased().utf8))
    }

    @Test func theLowercaseAsBytesIsSearchedByBytes() {
        let lower = LowercaseBytes("Định kỳ HẰNG QUÝ, Trung tâm Y tế báo cáo")
        #expect(lower.hasPrefix("định kỳ") && !lower.hasPrefix("kỳ"))
        #expect(lower.contains("hằng quý") && lower.contains("y tế báo cáo") && lower.contains("đ"))
        #expect(!lower.contains("hàng quý") && !lower.contains("") && !LowercaseBytes("").contains("a"))
    }
}
