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

    /// A text's start is kept by collapsing whenever ``keepsStartWhenCollapsed(_:)`` says so, and
    /// it says so for plain starts: tried on every length of random mixes of letters, marks and spaces.
    @Test func aStartSaidToBeKeptIsKept() {
        let pieces = ["Phòng", "Y", "tế", "a", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{2009}", "\u{301}", "\u{200D}", "Ủy", "đ", "😀", "-", "."]
        var random = RobustnessTests.Generator(state: 111)
        var kept = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let collapsed = Array(text.collapsingWhitespace.utf8), bytes = Array(text.utf8)
            for count in 0...bytes.count + 1 where text.keepsStartWhenCollapsed(count) {
                kept += 1
                let length = min(count, bytes.count)
                #expect(collapsed.count >= length && collapsed[..<length] == bytes[..<length], "\(text.debugDescription) through \(count)")
            }
        }
        #expect(kept > 3000)
        #expect("Phòng Y tế  chủ trì".keepsStartWhenCollapsed(12))
        #expect(!"Phòng Y tế  chủ trì".keepsStartWhenCollapsed(14))
        #expect(!" Phòng".keepsStartWhenCollapsed(3))
        #expect(!"Phòng\u{00A0}Y".keepsStartWhenCollapsed(9))
        #expect(!"Sở\n".keepsStartWhenCollapsed(9))
    }

    @Test func agencyHeadsAreFoundByTheirBytes() {
        #expect(AgencyNames.startsWithHead("Ủy ban nhân dân các xã"))
        #expect(AgencyNames.startsWithHead("Phòng"))
        #expect(!AgencyNames.startsWithHead("Phòngban"))
        #expect(!AgencyNames.startsWithHead("Tổ trưởng"))
    }

    /// ``removingWhitespace`` is `filter { !$0.isWhitespace }`: on every scalar to U+3100 beside a letter, a space
    /// and a mark, on every seed line and on the citation numbers documents write.
    @Test func removingWhitespaceIsTheCharacterFilter() throws {
        func filtered(_ text: String) -> String { String(text.filter { !$0.isWhitespace }) }
        var differing: [UInt32] = []
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["83/KH" + String(scalar) + "UBND", String(scalar) + " \u{301}x", "a" + String(scalar)] where text.removingWhitespace != filtered(text) {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty)
        for text in ["83 / KH-UBND", "28-CT/TW", "1481/BYT-BMTE", "377/QĐ-UBND", "12\u{00A0}/UBND", "5/KH\r\nUBND", "a \u{301}b", "12\u{3000}/x"] {
            #expect(text.removingWhitespace == filtered(text), "\(text.debugDescription)")
        }
        #expect("83 / KH-UBND".removingWhitespace == "83/KH-UBND")
        for prefix in ["000", "001", "002", "003", "004"] {
            for line in try Fixtures.seed(prefix).split(separator: "\n") where line.removingWhitespace != filtered(String(line)) {
                Issue.record("seed \(prefix): \(line)")
            }
        }
    }
}
