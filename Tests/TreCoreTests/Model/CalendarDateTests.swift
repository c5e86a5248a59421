import Foundation
import Testing
@testable import TreCore

@Suite struct CalendarDateTests {
    /// Dates are written digit by digit; the forms are the ones string interpolation gave.
    @Test func formsAreZeroPaddedDigits() throws {
        var date = try #require(CalendarDate(year: 1900, month: 1, day: 1))
        let last = try #require(CalendarDate(year: 2200, month: 12, day: 31))
        var checked = 0
        while date <= last {
            let (y, m, d) = (date.year, date.month, date.day)
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            #expect(date.iso == "\(y)-\(pad(m))-\(pad(d))")
            #expect(date.compact == "\(y)\(pad(m))\(pad(d))")
            #expect(date.vietnamese == "\(pad(d))/\(pad(m))/\(y)")
            date = date.adding(days: 1)
            checked += 1
        }
        #expect(checked == 109_938)
        #expect(CalendarDate(year: 2025, month: 6, day: 5)?.vietnamese == "05/06/2025")
    }

    @Test func aDateOutsideTheRangeIsWrittenInFull() throws {
        // `init(year:month:day:)` takes 1900–2200; days added can leave that range.
        let early = try #require(CalendarDate(year: 1900, month: 3, day: 4)).adding(days: -400_000)
        #expect(early.year < 1000)
        #expect(early.iso == "\(early.year)-\(early.month < 10 ? "0" : "")\(early.month)-\(early.day < 10 ? "0" : "")\(early.day)")
        #expect(early.vietnamese.hasSuffix("/\(early.year)"))
    }
}
