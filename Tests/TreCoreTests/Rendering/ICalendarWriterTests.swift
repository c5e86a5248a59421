import Testing
@testable import TreCore

@Suite struct ICalendarWriterTests {
    @Test func escapesTextAsRFC5545Says() {
        #expect(ICalendarWriter.escape("Hạn; báo cáo, gửi\\về\r\nSở") == "Hạn\\; báo cáo\\, gửi\\\\về\\nSở")
        #expect(ICalendarWriter.escape("Không có gì") == "Không có gì")
    }

    @Test func foldsAt75OctetsWithoutSplittingALetter() {
        let line = "DESCRIPTION:" + String(repeating: "Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện ", count: 4)
        let folded = ICalendarWriter.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendarWriter.fold("SUMMARY:Hạn") == "SUMMARY:Hạn")
    }
}
