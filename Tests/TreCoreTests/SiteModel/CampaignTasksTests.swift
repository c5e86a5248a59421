import Testing
@testable import TreCore

@Suite struct CampaignTasksTests {
    /// A task mentions the Action Month in any case it is written in, and the check on its bytes turns away
    /// only texts whose lowercase does not hold it: tried on every line of the seeds and the words around it.
    @Test func aTaskMentionsTheActionMonthInAnyCase() throws {
        for text in ["Tổ chức Tháng hành động vì trẻ em năm 2025", "THÁNG HÀNH ĐỘNG VÌ TRẺ EM", "tháng Hành Động", "(tháng hành động)"] {
            #expect(Site.Campaign.mentionsActionMonth(text), "\(text)")
        }
        for text in ["Tháng hành  động", "tháng\u{A0}hành\u{A0}động", "Tháng hành", "hành động", "Tháng hanh dong", "nh đ", "nh", ""] {
            #expect(!Site.Campaign.mentionsActionMonth(text), "\(text)")
        }
        var lines = ["Tháng hành động", "THÁNG HÀNH ĐỘNG", "tHÁNG hÀNH đỘNG", "Tháng Hành Động vì trẻ em", "nh đ", "NH Đ", "Nh đ"]
        for prefix in ["000", "001", "002", "003", "004"] { lines += try Fixtures.seed(prefix).split(separator: "\n").map(String.init) }
        var mentioning = 0
        for line in lines {
            let expected = line.lowercased().contains("tháng hành động")
            #expect(Site.Campaign.mentionsActionMonth(line) == expected, "\(line)")
            if expected { mentioning += 1 }
        }
        #expect(mentioning >= 5)
    }
}
