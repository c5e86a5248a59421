/// A day in the Gregorian calendar with no time zone: what a Vietnamese
/// document means by "ngày 04 tháng 4 năm 2025".
///
/// ```swift
/// CalendarDate(iso: "2025-04-04")?.day == 4
/// CalendarDate(year: 2025, month: 2, day: 30) == nil  // no such day
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2025-04-04`
    public var iso: String { Self.digits(year, 4, month, day, 2, separator: UInt8(ascii: "-")) }
    /// `20250404`, as iCalendar writes a DATE.
    public var compact: String { Self.digits(year, 4, month, day, 2, separator: nil) }
    /// `04/4/2025` is how documents write it; Tre shows `04/04/2025`.
    public var vietnamese: String { Self.digits(day, 2, month, year, 4, separator: UInt8(ascii: "/")) }
    public var description: String { iso }

    /// Days since 1970-01-01, for differences between dates.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate { CalendarDate(year: year, month: month, day: Self.daysIn(month: month, year: year))! }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    /// Three numbers (the middle one two digits) as zero-padded digits: a build formats each
    /// deadline's dates a dozen times, and string interpolation was most of that.
    private static func digits(_ first: Int, _ firstWidth: Int, _ middle: Int, _ last: Int, _ lastWidth: Int, separator: UInt8?) -> String {
        func fits(_ number: Int, _ width: Int) -> Bool { width == 4 ? (1000..<10_000).contains(number) : (0..<100).contains(number) }
        guard fits(first, firstWidth), fits(middle, 2), fits(last, lastWidth) else {
            // Not a date `init` lets through (a decoded one, say): written as interpolation would.
            func pad(_ number: Int, _ width: Int) -> String { width == 2 && number < 10 ? "0\(number)" : "\(number)" }
            let separator = separator.map { String(UnicodeScalar($0)) } ?? ""
            return pad(first, firstWidth) + separator + pad(middle, 2) + separator + pad(last, lastWidth)
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var position = 0
            func put(_ number: Int, _ width: Int) {
                var divisor = width == 4 ? 1000 : 10
                while divisor > 0 {
                    buffer[position] = UInt8(ascii: "0") + UInt8(number / divisor % 10)
                    position += 1
                    divisor /= 10
                }
            }
            put(first, firstWidth)
            if let separator { buffer[position] = separator; position += 1 }
            put(middle, 2)
            if let separator { buffer[position] = separator; position += 1 }
            put(last, lastWidth)
            return position
        }
    }
}
