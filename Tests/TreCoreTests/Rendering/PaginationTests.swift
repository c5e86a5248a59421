import Foundation
import Testing
@testable import TreCore

@Suite("Long lists on numbered pages")
struct PaginationTests {
    @Test func pagerSlicesAndNamesPages() {
        let pager = Pager(path: "co-quan/phong-y-te/", count: 120, size: 50)
        #expect(pager.pageCount == 3)
        #expect(pager.path(of: 1) == "co-quan/phong-y-te/")
        #expect(pager.path(of: 3) == "co-quan/phong-y-te/trang-3/")
        #expect(pager.slice(of: 3) == 100..<120)
        #expect(pager.slice(of: 4).isEmpty)
        #expect(pager.page(of: 49) == 1 && pager.page(of: 50) == 2)
        #expect(Pager(path: "x/", count: 0, size: 50).pageCount == 1)
    }

    @Test func pagerShowsAWindowOfNumbersWithGaps() {
        let pager = Pager(path: "lich/2025-06/", count: 2000, size: 100)
        let context = pager.context(page: 10, link: { "/" + $0 })
        guard case .list(let items)? = context["numbers"] else { Issue.record("no page numbers"); return }
        let numbers = items.map { item -> String in
            if case .bool(true)? = item.child(named: "isGap") { return "…" }
            guard case .number(let number)? = item.child(named: "number") else { return "?" }
            return "\(number)"
        }
        #expect(numbers == ["1", "…", "8", "9", "10", "11", "12", "…", "20"])
        guard case .text(let previous)? = context["previousHref"], case .text(let next)? = context["nextHref"] else {
            Issue.record("no previous or next link"); return
        }
        #expect(previous == "/lich/2025-06/trang-9/")
        #expect(next == "/lich/2025-06/trang-11/")
        let first = pager.context(page: 1, link: { $0 })
        #expect(first["previousHref"] == nil)
        guard case .bool(let hasPages)? = Pager(path: "a/", count: 3, size: 50).context(page: 1, link: { $0 })["hasPages"] else {
            Issue.record("no hasPages"); return
        }
        #expect(!hasPages)
    }

    /// A plan with 120 deadlines of one agency, all in June 2026.
    func busySite() throws -> URL {
        let site = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        let tasks = (1...120).map { "\($0). Phòng Y tế báo cáo kết quả việc thứ \($0) trước ngày \($0 % 28 + 1)/6/2026." }.joined(separator: "\n\n")
        try "Số: 7/KH-UBND\n\nSơn Tây, ngày 10 tháng 3 năm 2026\n\n## KẾ HOẠCH\n\n\(tasks)\n"
            .write(to: site.appendingPathComponent("content/ke-hoach.md"), atomically: true, encoding: .utf8)
        return site
    }

    @Test func busyAgenciesAndMonthsArePagedAndEveryDayLinkLands() throws {
        let site = try busySite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        let report = try SiteBuilder(options: .init(source: site, output: output, today: CalendarDate(year: 2026, month: 5, day: 1))).build()
        #expect(report.deadlines == 120)
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path + "index.html"), encoding: .utf8) }

        let agency = try page("co-quan/phong-y-te/")
        #expect(agency.components(separatedBy: "class=\"han\"").count - 1 == AgencyViewModel.pageSize)
        #expect(agency.contains("href=\"/co-quan/phong-y-te/trang-2/\" rel=\"next\""))
        let last = try page("co-quan/phong-y-te/trang-3/")
        #expect(last.components(separatedBy: "class=\"han\"").count - 1 == 20)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("co-quan/phong-y-te/trang-4").path))
        // Upcoming first, soonest first: page 1 starts on 1 June.
        #expect(agency.contains(">01/06/2026<") && !agency.contains(">28/06/2026<") && last.contains(">28/06/2026<"))

        let overview = try page("lich/")
        #expect(overview.contains("href=\"/lich/2026-06/\""))
        // The overview shows at most a page of rows and sends the rest to the month's pages.
        #expect(overview.components(separatedBy: "class=\"han\"").count - 1 == CalendarViewModel.monthPageSize)
        #expect(overview.contains("Xem thêm 20 hạn chót"))
        let june = try page("lich/2026-06/")
        #expect(june.components(separatedBy: "class=\"han\"").count - 1 == CalendarViewModel.monthPageSize)
        let second = try page("lich/2026-06/trang-2/")
        #expect(second.components(separatedBy: "class=\"han\"").count - 1 == 20)
        var checked = 0
        // Each day of the grid links to a deadline that is on the page it names.
        for html in [overview, june, second] {
            for link in html.matches(of: /<td class="co-han"><a href="([^"]*)#([^"]+)"/) {
                let target = link.1.isEmpty ? html : try page(String(link.1.dropFirst()))
                checked += 1
                #expect(target.contains("id=\"\(link.2)\""), "\(link.1)#\(link.2)")
            }
        }
        #expect(checked == 3 * 28)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/lich/2026-06/trang-2/") && sitemap.contains("/co-quan/phong-y-te/trang-3/"))
    }

    /// 120 plans of the 2026 Action Month, the first 60 with a task for it: the campaign's lists are
    /// paged side by side, 50 of each a page, as long as its longest list needs.
    @Test func aBusyCampaignIsPagedListBesideList() throws {
        let (site, output) = try Fixtures.buildSite((0..<120).map { index in
            let task = index < 60 ? "\n\n1. Phòng Y tế chủ trì tuyên truyền Tháng hành động vì trẻ em, việc \(index).\n" : "\n"
            return ("kh-\(index).md", """
            Số: \(index + 1)/KH-UBND\n\nSơn Tây, ngày 1 tháng 3 năm 2026\n\n## KẾ HOẠCH\n
            Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm 2026 với chủ đề “Chung tay vì trẻ em” từ ngày 01/6 đến ngày 30/6/2026.\(task)
            """)
        })
        defer { try? FileManager.default.removeItem(at: site) }
        func page(_ path: String) throws -> String { try Fixtures.page(path, in: output) }
        func count(_ html: String, _ mark: String) -> Int { html.components(separatedBy: mark).count - 1 }
        let pages = try ["thang-hanh-dong/2026/", "thang-hanh-dong/2026/trang-2/", "thang-hanh-dong/2026/trang-3/"].map(page)
        #expect(pages.map { count($0, "class=\"van-ban-muc\"") } == [50, 50, 20])
        #expect(pages.map { count($0, "<blockquote>") } == [50, 50, 20])
        #expect(pages.map { count($0, "class=\"han\"") } == [50, 10, 0])
        #expect(pages.map { $0.contains("<h2>Nhiệm vụ</h2>") } == [true, true, false])
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("thang-hanh-dong/2026/trang-4").path))
        #expect(pages[0].contains("<h1>Tháng hành động vì trẻ em năm 2026</h1>") && pages[2].contains("<h1>Tháng hành động vì trẻ em năm 2026</h1>"))
        #expect(pages[0].contains("<title>Tháng hành động vì trẻ em năm 2026 – trang 1/3 – "))
        #expect(pages[0].contains("60 nhiệm vụ · 120 hoạt động · 120 văn bản · trang 1/3"))
        #expect(pages[0].contains("href=\"/thang-hanh-dong/2026/trang-2/\" rel=\"next\""))
        #expect(pages[2].contains("href=\"/thang-hanh-dong/2026/trang-2/\" rel=\"prev\"") && !pages[2].contains("rel=\"next\""))
        // Every page keeps the theme and the hotline.
        #expect(pages.allSatisfy { $0.contains("Chủ đề: “Chung tay vì trẻ em”") && $0.contains("href=\"tel:111\"") })
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/thang-hanh-dong/2026/trang-3/"))
    }

    @Test func theDocumentListIsPagedWithEveryYearLinkedToItsPage() throws {
        // 150 documents of 2026, then 60 of 2025: 210 in all, three pages; 2025 starts on page 2.
        let (site, output) = try Fixtures.buildSite((0..<210).map { index in
            let year = index < 150 ? 2026 : 2025
            return ("\(year)-kh-\(index).md", "Số: \(index + 1)/KH-UBND\n\nSơn Tây, ngày 1 tháng 3 năm \(year)\n\n## KẾ HOẠCH\n\nVề việc \(index)\n")
        })
        defer { try? FileManager.default.removeItem(at: site) }
        func page(_ path: String) throws -> String { try Fixtures.page(path, in: output) }
        func items(_ html: String) -> Int { html.components(separatedBy: "class=\"van-ban-muc\"").count - 1 }

        let first = try page("van-ban/"), second = try page("van-ban/trang-2/"), third = try page("van-ban/trang-3/")
        #expect([items(first), items(second), items(third)] == [Int]([100, 100, 10]))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("van-ban/trang-4").path))
        #expect(first.contains("href=\"/van-ban/trang-2/\" rel=\"next\""))
        #expect(second.contains("<title>Văn bản, trang 2/3 – "))
        // The year index links 2025 to the page it starts on, and that page has the anchor.
        #expect(first.contains("href=\"/van-ban/trang-2/#nam-2025\""))
        #expect(second.contains("id=\"nam-2025\"") && !first.contains("id=\"nam-2025\""))
        #expect(second.contains("href=\"#nam-2025\""))
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("/van-ban/trang-3/"))
    }
}
