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

    @Test func agencyHeadsAreFoundByTheirBytes() {
        #expect(AgencyNames.startsWithHead("Ủy ban nhân dân các xã"))
        #expect(AgencyNames.startsWithHead("Phòng"))
        #expect(!AgencyNames.startsWithHead("Phòngban"))
        #expect(!AgencyNames.startsWithHead("Tổ trưởng"))
    }
}
