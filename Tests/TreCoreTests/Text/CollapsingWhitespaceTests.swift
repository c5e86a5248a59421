import Testing
@testable import TreCore

@Suite struct CollapsingWhitespaceTests {
    @Test func collapsesEveryKindOfSpaceAndTrims() {
        #expect("Phòng Y tế".collapsingWhitespace == "Phòng Y tế")
        #expect("  Phòng  Y\ttế \n".collapsingWhitespace == "Phòng Y tế")
        #expect("Phòng\u{00A0}Y\u{2009}tế\u{3000}".collapsingWhitespace == "Phòng Y tế")
        #expect("Ủy ban nhân dân “huyện” – 111".collapsingWhitespace == "Ủy ban nhân dân “huyện” – 111")
        #expect(" ".collapsingWhitespace == "")
    }

    /// The reference: character by character, as `Character.isWhitespace` sees them.
    static func byCharacters(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func agreesWithCharacterByCharacterOnEverySeedLine() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = try Fixtures.seed(prefix)
            #expect(text.collapsingWhitespace == Self.byCharacters(text), "seed \(prefix)")
            for line in text.split(separator: "\n") where line.collapsingWhitespace != Self.byCharacters(String(line)) {
                Issue.record("seed \(prefix): \(line)")
            }
        }
    }

    @Test func aSpaceThatCarriesAMarkIsOneCharacter() {
        // " \u{301}" is one character whose first scalar is a space: it is white space, mark and all.
        for text in ["a \u{301}b", "a  \u{301} b", "x\r\ny", "\u{600} a", "Phòng  Y tế\u{200D} x", "a\u{2060}  b", "😀  🇻🇳  trẻ em"] {
            #expect(text.collapsingWhitespace == Self.byCharacters(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        var differing: [UInt32] = []
        for value in UInt32(0x80)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["a  " + String(scalar) + " b", "a " + String(scalar) + "  b", "  " + String(scalar)] where text.collapsingWhitespace != Self.byCharacters(text) {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty)
    }

    @Test func agencyHeadsAreFoundByTheirBytes() {
        #expect(AgencyNames.startsWithHead("Ủy ban nhân dân các xã"))
        #expect(AgencyNames.startsWithHead("Phòng"))
        #expect(!AgencyNames.startsWithHead("Phòngban"))
        #expect(!AgencyNames.startsWithHead("Tổ trưởng"))
    }
}
