import Testing
@testable import TreCore

@Suite struct PatternTests {
    @Test func aRequiredLiteralOnlySkipsTextsThatCannotMatch() {
        let number = Pattern(#"Số\s*:\s*(\d+)"#, caseInsensitive: false, requires: ["Số"])
        #expect(number.firstMatch(in: "Số: 61/KH-UBND")?[1] == "61")
        #expect(number.firstMatch(in: "Kế hoạch 61") == nil)
        #expect(number.matches(in: "Số: 1 và Số: 2").count == 2)
        // Any one of several literals lets the expression run.
        let issuer = Pattern(#"(?:UBND|Ủy ban nhân dân) huyện"#, caseInsensitive: false, requires: ["UBND", "Ủy ban nhân dân"])
        #expect(issuer.contains(in: "Ủy ban nhân dân huyện Sơn Tây"))
        #expect(issuer.contains(in: "UBND huyện Sơn Tây"))
        #expect(!issuer.contains(in: "Phòng Y tế huyện"))
    }
}
