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
}
