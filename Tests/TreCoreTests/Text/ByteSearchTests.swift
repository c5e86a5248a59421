import Testing
@testable import TreCore

@Suite struct ByteSearchTests {
    /// The first occurrence by a plain byte-by-byte comparison, the reference.
    func naiveOffset(of needle: String, in text: String) -> Int? {
        let h = Array(text.utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        return (0...(h.count - n.count)).first { Array(h[$0..<($0 + n.count)]) == n }
    }

    @Test func findsWhatAByteByByteSearchFindsInTheSeeds() throws {
        let needles = ["trước", "chậm nhất", "Ủy ban", "111", "quý", "tháng", " ", "đ", "ngày 30/6", "không có ở đây", "y", "\n"]
        for prefix in ["000", "002", "004"] {
            let text = try Fixtures.seed(prefix)
            for needle in needles + [String(text.suffix(7)), String(text.prefix(5))] {
                let found = text.byteRange(of: needle).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                #expect(found == naiveOffset(of: needle, in: text), "seed \(prefix), \(needle)")
                if let range = text.byteRange(of: needle) { #expect(String(text[range]) == needle) }
            }
        }
    }

    @Test func piecesAreFoundationsComponentsForNFCText() throws {
        var texts = ["", " và ", "Sở Y tế và Phòng Nội vụ", "a và  và b và", "và và", "Sở Y tế và", " và Công an", "vàvà và"]
        for prefix in ["000", "002"] { texts += try Fixtures.seed(prefix).split(separator: "\n").map(String.init) }
        for text in texts {
            for separator in [" và ", "\n\n", ", "] {
                #expect(text.pieces(separatedBy: separator).map(String.init) == text.components(separatedBy: separator), "\(text)")
            }
        }
    }

    /// A digit is found wherever it stands among every other byte a text may hold: each scalar to U+3100,
    /// and random texts with a digit at every place in an eight-byte word.
    @Test func anASCIIDigitIsFoundAsAByteWalkFindsIt() {
        func walk(_ text: String) -> Bool { text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        var differing: [UInt32] = []
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "abcdefgh" + String(scalar), String(repeating: String(scalar), count: 9) + "5"] where text.containsASCIIDigit != walk(text) {
                differing.append(value)
            }
        }
        #expect(differing.isEmpty)
        let pieces = ["0", "9", "/", ":", "a", "abcdefg", "Ủy ban", "\u{660}", "\u{FF10}", " ", "\u{39}\u{301}"]
        var random = RobustnessTests.Generator(state: 12)
        var with = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.containsASCIIDigit == walk(text), "\(text.debugDescription)")
            if walk(text) { with += 1 }
        }
        #expect(with > 500 && with < 2900)
    }

    @Test func edgeCases() {
        #expect("abc".byteRange(of: "") == nil)
        #expect("ab".byteRange(of: "abc") == nil)
        #expect("abc".containsBytes("abc"))
        #expect("xxá".containsBytes("á"))
        #expect(!"xxa".containsBytes("á"))
        #expect("ạạ ạb".byteRange(of: "ạb").map { "ạạ ạb".utf8.distance(from: "ạạ ạb".startIndex, to: $0.lowerBound) } == 7)
        // In a slice, the range found is in the base string's indexes, past the slice's start.
        let text = "ạb ạb ạb"
        let slice = text[text.utf8.index(text.startIndex, offsetBy: 3)...]  // "b ạb ạb"
        #expect(slice.byteRange(of: "ạb").map { String(text[$0.lowerBound...]) } == "ạb ạb")
        #expect("Uỷ ban, uỷ ban".replacingBytes("uỷ", with: "ủy") == "Uỷ ban, ủy ban")
    }

    /// The byte walk trims what the scalar walk trims, on texts made of everything that sits at
    /// the ends of Tre's texts: ASCII and Unicode spaces, the trimmed punctuation, Vietnamese
    /// letters, combining marks, control characters that are not white space, emoji.
    @Test func trimmingByBytesAgreesWithTrimmingByScalars() {
        let pool: [String] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}",
                              ",", ";", ":", ".", "*", "_", "-", "0", "7", "a", "Z", "đ", "Ủ", "ệ", "e\u{301}", "\u{301}", "–", "’", "👨\u{200D}👩", "🇻🇳"]
        let lists: [String?] = [nil, " ,;.:", " *_-0123456789.", " ,;:", "*_", "–’đ", "\u{A0} "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<4000 {
            let text = (0..<next(9)).map { _ in pool[next(pool.count)] }.joined()
            for list in lists {
                #expect(text.trimmed(list) == text.scalarTrimmed(list), "\(Array(text.unicodeScalars)) \(list ?? "spaces")")
                let slice = text.dropFirst()
                #expect(slice.trimmed(list) == slice.scalarTrimmed(list))
            }
        }
    }
}
