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

    @Test func startWordsSkipTextsThatCannotMatchButNotOnesThatCan() {
        let lead = Pattern(#"^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)\s+chủ trì\s*:\s*(.+)$"#, requires: [":"], startsWith: ["cơ quan", "đơn vị"])
        let timeframe = Pattern(#"^(?:[-+•]\s*)?Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$"#, requires: [":"], startsWith: ["thời gian"])
        #expect(lead.firstMatch(in: "- Cơ quan chủ trì: Phòng Y tế")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "•  CƠ QUAN CHỦ TRÌ: Phòng Y tế")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "Đơn vị chủ trì: Công an huyện")?[1] == "Công an huyện")
        #expect(lead.firstMatch(in: "- Phòng Y tế: chủ trì") == nil)
        #expect(lead.firstMatch(in: "Các cơ quan chủ trì: x") == nil)
        #expect(timeframe.firstMatch(in: "+ Thời gian thực hiện: Quý II/2025")?[1] == "Quý II/2025")
        #expect(!timeframe.contains(in: "- Trung tâm Y tế: thời gian: …"))
    }

    @Test func requiredWordsAreFoundInAnyCase() {
        let lead = TaskExtractor.namesLead
        #expect(lead.firstMatch(in: "Phòng Y tế chủ trì, phối hợp với Công an huyện.")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "PHÒNG Y TẾ CHỦ TRÌ.")?[1] == "PHÒNG Y TẾ")
        #expect(lead.firstMatch(in: "Phòng Y tế Chủ Trì.")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "Phòng Y tế thực hiện.") == nil)
        #expect(DeadlineExtractor.requested(in: "Đề nghị các xã triển khai.") == ["các xã"])
        #expect(DeadlineExtractor.requested(in: "ĐỀ NGHỊ các xã triển khai.") == ["các xã"])
    }
}
