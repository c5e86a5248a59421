import Foundation
import Testing
@testable import TreCore

@Suite struct ICalendarWriterTests {
    /// The bytes of content lines as text.
    func written(_ write: (inout ICalendarContentLines) -> Void) -> String {
        var lines = ICalendarContentLines()
        write(&lines)
        return String(decoding: lines.bytes, as: UTF8.self)
    }

    @Test func escapesTextAsRFC5545Says() {
        #expect(written { $0.text("SUMMARY:", "Hạn; báo cáo, gửi\\về\r\nSở") } == "SUMMARY:Hạn\\; báo cáo\\, gửi\\\\về\\nSở\r\n")
        #expect(written { $0.text("SUMMARY:", "Không có gì") } == "SUMMARY:Không có gì\r\n")
        // Only TEXT values are escaped: names and URLs are written as they are.
        #expect(written { $0.line("URL:", "https://a.vn/x;y,z") } == "URL:https://a.vn/x;y,z\r\n")
    }

    @Test func foldsAt75OctetsWithoutSplittingALetter() {
        let value = String(repeating: "Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện ", count: 4)
        let folded = written { $0.line("DESCRIPTION:", value) }
        let physical = folded.dropLast(2).components(separatedBy: "\r\n")
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // A line is folded where it would pass 75 octets, not earlier: each physical line but the last is full
        // but for a letter of up to 3 octets that did not fit.
        #expect(physical.dropLast().allSatisfy { $0.utf8.count >= 73 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "DESCRIPTION:" + value + "\r\n")
        #expect(written { $0.line("SUMMARY:", "Hạn") } == "SUMMARY:Hạn\r\n")
    }

    @Test func escapesAndFoldsInOnePassAsIfEscapedFirst() {
        // An escape's two bytes may be split by a fold, as a line escaped first and folded after would be.
        let value = String(repeating: "a", count: 73) + ";b"
        #expect(written { $0.text("X:", value) } == "X:" + String(repeating: "a", count: 73) + "\r\n \\;b\r\n")
    }
}
