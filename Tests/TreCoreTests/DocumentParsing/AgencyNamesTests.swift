import Testing
@testable import TreCore

/// `AgencyNames.split` cuts a list in one walk over its bytes; it is held to the split it
/// replaced (groups at ";", then pieces at ",", each without empty ones), written here as it was.
@Suite("Agency names")
struct AgencyNamesTests {
    static func splitAsBefore(_ list: String) -> [String] {
        var parts: [String] = []
        for group in list.utf8.split(separator: UInt8(ascii: ";")) {
            var groupParts: [String] = []
            for piece in group.split(separator: UInt8(ascii: ",")) {
                let trimmed = Substring(piece).trimmed()
                if groupParts.isEmpty || AgencyNames.startsWithHead(Substring(trimmed)) {
                    groupParts.append(trimmed)
                } else {
                    groupParts[groupParts.count - 1] += ", " + trimmed
                }
            }
            parts += groupParts
        }
        return parts.map { AgencyNames.normalize($0.trimmed(" .;")) }.filter { !$0.isEmpty }
    }

    @Test func splitsAtCommasAndSemicolonsButNotInsideAName() {
        #expect(AgencyNames.split("Trung tâm Y tế, Phòng Văn hóa, Khoa học và Thông tin; UBND các xã")
                == ["Trung tâm Y tế", "Phòng Văn hóa, Khoa học và Thông tin", "Ủy ban nhân dân các xã"])
        #expect(AgencyNames.split(";, ;,") == [])
        #expect(AgencyNames.split("") == [])
    }

    /// Random lists of heads, other words, commas, semicolons, spaces, a combining mark after a comma and dots.
    @Test func splitsAsTheSplitItReplacedDid() {
        let pieces = ["Phòng Y tế", "Ủy ban nhân dân", "UBND huyện", "Khoa học", "và Thông tin", "các xã", "Các trường", ",", ";", " ",
                      ", ", "; ", ",\u{301}", ".", "Sở", "Công an huyện", "  ", "\u{A0}", "Hội Phụ nữ", "thị trấn"]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3000 {
            let list = (0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(AgencyNames.split(list) == Self.splitAsBefore(list), "\(list.debugDescription)")
        }
    }

    /// A name is normalised from its own bytes, whatever spelling of it was normalised before: the memo
    /// tells two spellings apart that `String` holds equal (composed and decomposed marks).
    @Test func aNameIsNormalisedFromItsOwnBytes() {
        let composed = "Phòng Giáo dục và Đào tạo huyện Sơn Tây (thử nghiệm)"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        for name in [composed, decomposed] {
            #expect(Array(AgencyNames.normalize(name).utf8) == Array(AgencyNames.computeNormalized(name).utf8))
        }
    }
}
