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
            "a.md": "Số: 12/KH-UBND\n\nTân An, ngày 10 tháng 6 năm 2026\n\n## KẾ HOẠCH\n\n### Một việc năm 2026\n\nCác xã báo cáo trước ngày 01/01/2026.\n\nXem [trang không có](/khong-co/) và [lịch](/lich/).\n\nThực hiện Kế hoạch số 99/KH-UBND ngày 02/01/2026 của UBND tỉnh.\n",
            "b.md": "Văn bản không có gì.\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        let findings = SiteBuilder(options: .init(source: site, output: site.appendingPathComponent("public"))).check()
        let link = try #require(findings.first { $0.message.contains("/khong-co/") })
        #expect(link.severity == .error)
        #expect(link.file == "content/a.md" && link.line == 11)
        #expect(!findings.contains { $0.message.contains("/lich/") })
        let early = try #require(findings.first { $0.message.contains("earlier than the issue date") })
        #expect(early.line == 9)
        #expect(findings.contains { $0.file == "content/a.md" && $0.severity == .note && $0.message.contains("99/KH-UBND") && $0.line == 13 })
        let missing = findings.filter { $0.file == "content/b.md" }.map(\.message)
        #expect(missing.contains("no issue date found"))
        #expect(missing.contains("no document kind found"))
    }
}
