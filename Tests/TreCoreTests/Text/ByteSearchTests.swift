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
}
