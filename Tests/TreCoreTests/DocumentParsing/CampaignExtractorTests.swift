import Testing
@testable import TreCore

@Suite struct CampaignExtractorTests {
    func mentions(_ text: String) -> [String] {
        CampaignExtractor.hotlineMentions(in: DocumentOutline(document: CmarkDocument(markdown: text)).blocks)
    }

    @Test func theHotlineAtTheEndOfASentenceCounts() {
        #expect(mentions("Gọi Tổng đài quốc gia bảo vệ trẻ em 111.") == ["Gọi Tổng đài quốc gia bảo vệ trẻ em 111."])
        #expect(mentions("Tổng đài 111, miễn phí.").count == 1)
    }

    @Test func numbersThatHoldOneOneOneAreNotTheHotline() {
        #expect(mentions("Tổng đài đã nhận 111.000 cuộc gọi, bảo vệ trẻ em.").isEmpty)
        #expect(mentions("Tổng đài hỗ trợ 1,111 trẻ em.").isEmpty)
        #expect(mentions("Bảo vệ trẻ em theo Công văn 111/UBND-VX.").isEmpty)
        #expect(mentions("Tổng đài bảo vệ trẻ em: 111,5 triệu đồng.").isEmpty)
    }
}
