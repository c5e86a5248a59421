import Foundation
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

    @Test func aCalendarWrittenInPartsIsTheSameBytes() throws {
        let writer = ICalendarWriter(calendarName: "Hạn chót – Phòng Y tế", stamp: CalendarDate(year: 2026, month: 5, day: 1)!)
        // Enough events to cross the 1 MB parts a streamed calendar is handed out in.
        let events = (0..<4000).map { "BEGIN:VEVENT\r\nUID:\($0)@tre\r\nSUMMARY:Hạn: báo cáo số \($0) \(String(repeating: "ạ", count: $0 % 200))\r\nEND:VEVENT\r\n" }
        var parts: [Data] = []
        try writer.calendar(events) { parts.append($0) }
        #expect(parts.count > 2)
        #expect(parts.reduce(Data(), +) == Data(writer.calendar(events).utf8))
        var empty = Data()
        try writer.calendar([String]()) { empty.append($0) }
        #expect(empty == Data(writer.calendar([]).utf8))
    }
}
