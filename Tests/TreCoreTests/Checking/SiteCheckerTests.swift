import Foundation
import Testing
@testable import TreCore

@Suite("tre check")
struct SiteCheckerTests {
    func site(_ files: [String: String]) throws -> URL {
        let site = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: site.appendingPathComponent("content/" + name), atomically: true, encoding: .utf8) }
        return site
    }

    @Test func reportsWhatCouldNotBeDeterminedAndBrokenLinks() throws {
        let site = try site([
            "a.md": "Số: 12/KH-UBND\n\nTân An, ngày 10 tháng 6 năm 2026\n\n## KẾ HOẠCH\n\n### Một việc năm 2026\n\nCác xã báo cáo trước ngày 01/01/2026.\n\nHằng quý, các xã báo cáo trước ngày 20 của tháng cuối quý.\n\nXem [trang không có](/khong-co/) và [lịch](/lich/).\n\nThực hiện Kế hoạch số 99/KH-UBND ngày 02/01/2026 của UBND tỉnh.\n",
            "b.md": "Văn bản không có gì.\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        let findings = SiteBuilder(options: .init(source: site, output: site.appendingPathComponent("public"))).check()
        let link = try #require(findings.first { $0.message.contains("/khong-co/") })
        #expect(link.severity == .error)
        #expect(link.file == "content/a.md" && link.line == 13)
        #expect(!findings.contains { $0.message.contains("/lich/") })
        let early = try #require(findings.first { $0.message.contains("earlier than the issue date") })
        #expect(early.line == 9)
        // A recurring deadline whose cycle starts before the issue date (20 March) is not a mistake.
        #expect(findings.filter { $0.message.contains("earlier than the issue date") }.count == 1)
        #expect(findings.contains { $0.file == "content/a.md" && $0.severity == .note && $0.message.contains("99/KH-UBND") && $0.line == 15 })
        let missing = findings.filter { $0.file == "content/b.md" }.map(\.message)
        #expect(missing.contains("no issue date found"))
        #expect(missing.contains("no document kind found"))
        // No page has 'layout: hotline': the menu leaves the hotline page out, and check says so.
        #expect(findings.contains { $0.severity == .note && $0.message.contains("no hotline page") })
    }

    @Test func aSiteWithoutAHotlinePageHasNoLinkToOne() throws {
        let site = try site(["a.md": "Số: 12/KH-UBND\n\nTân An, ngày 10 tháng 6 năm 2026\n\n## KẾ HOẠCH\n\nGọi Tổng đài quốc gia bảo vệ trẻ em 111.\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        _ = try SiteBuilder(options: .init(source: site, output: output)).build()
        for path in ["index.html", "van-ban/index.html", "van-ban/a/index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!html.contains("tong-dai-111"), "\(path)")
            #expect(html.contains("href=\"tel:111\""), "\(path)")
        }
        // With the page, every menu links to it, and documents that mention 111 too.
        try "---\ntitle: Tổng đài 111\nlayout: hotline\n---\nGọi 111.\n".write(to: site.appendingPathComponent("content/tong-dai-111.md"), atomically: true, encoding: .utf8)
        _ = try SiteBuilder(options: .init(source: site, output: output)).build()
        let document = try String(contentsOf: output.appendingPathComponent("van-ban/a/index.html"), encoding: .utf8)
        #expect(document.contains("<a href=\"/tong-dai-111/\">Tổng đài 111</a>"))
        #expect(document.contains(" · <a href=\"/tong-dai-111/\">Tổng đài 111</a>"))
    }
}
