import Foundation
import Testing
@testable import TreCore

@Suite struct CalendarPageTests {
    /// Every `href="#…"` of a page has its target on the page.
    func fragmentsWithoutTarget(_ html: String) -> [String] {
        html.matches(of: /href="#([^"]+)"/).map { String($0.1) }.filter { !html.contains("id=\"\($0)\"") }
    }

    /// A site whose documents set no deadline has no month index: the calendar says so and sends
    /// the reader to no index that is not there.
    @Test func aSiteWithoutDeadlinesLinksToNoMonthIndex() throws {
        let (site, output) = try Fixtures.buildSite([("kh-1.md", "Số: 1/KH-UBND\n\nSơn Tây, ngày 1 tháng 3 năm 2026\n\n## KẾ HOẠCH\n\nVề việc tuyên truyền.\n")])
        defer { try? FileManager.default.removeItem(at: site) }
        let calendar = try Fixtures.page("lich/", in: output)
        #expect(calendar.contains("Không có hạn chót nào sắp tới."))
        #expect(fragmentsWithoutTarget(calendar) == [])
    }

    /// With deadlines, the note links to the month index, which is there.
    @Test func aSiteWithDeadlinesLinksToItsMonthIndex() throws {
        let (site, output) = try Fixtures.buildSite([("kh-1.md", "Số: 1/KH-UBND\n\nSơn Tây, ngày 1 tháng 3 năm 2026\n\n## KẾ HOẠCH\n\n1. Phòng Y tế báo cáo trước ngày 15/6/2026.\n")])
        defer { try? FileManager.default.removeItem(at: site) }
        let calendar = try Fixtures.page("lich/", in: output)
        #expect(calendar.contains("href=\"#cac-thang\"") && calendar.contains("id=\"cac-thang\""))
        #expect(fragmentsWithoutTarget(calendar) == [])
    }
}
