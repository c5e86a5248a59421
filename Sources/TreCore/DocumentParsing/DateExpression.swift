/// Dates as Vietnamese documents write them.
///
/// - `15/5/2025`, `31/05/2024`, `15-5-2025`, `15.5.2025`
/// - `ngày 04 tháng 4 năm 2025`, `ngày 12 tháng 5`
/// - a year followed by a glued footnote marker or a garbled digit,
///   `14/3/20251` or `03/01/20219`: the first four digits are the year.
/// - no year (`05/6`): the caller supplies the document's year.
///
/// ```swift
/// DateExpression.parse("ngày 16 tháng 4 năm 2025")?.date   // 2025-04-16
/// DateExpression.parse("05/12", defaultYear: 2022)?.date   // 2022-12-05
/// ```
public enum DateExpression {
    public struct Found: Equatable {
        public var date: CalendarDate
        public var hadYear: Bool
        public var range: Range<String.Index>
    }

    static let numeric = #"(?<![\d/])(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?((?:19|20)\d\d)\d?)?(?![\d/])"#
    static let verbal = #"(?:ngày\s+)?(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|/)\s*((?:19|20)\d\d)\d?)?(?!\d)"#
    static let any = Pattern("(?:" + verbal + ")|(?:" + numeric + ")")

    /// All dates in `text`, in order. Dates with no year take `defaultYear`, or are skipped without one.
    public static func all(in text: String, defaultYear: Int?) -> [Found] {
        any.matches(in: text).compactMap { found(from: $0, defaultYear: defaultYear) }
    }

    /// The date at the start of `text` (after spaces), if any.
    public static func parse(_ text: String, defaultYear: Int? = nil) -> Found? {
        guard let match = any.firstMatch(in: text), text[text.startIndex..<match.range.lowerBound].allSatisfy(\.isWhitespace) else { return nil }
        return found(from: match, defaultYear: defaultYear)
    }

    /// The date starting exactly at `index`.
    public static func parse(in text: String, at index: String.Index, defaultYear: Int?) -> Found? {
        guard let match = any.match(in: text, at: index) else { return nil }
        return found(from: match, defaultYear: defaultYear)
    }

    static func found(from match: Pattern.Match, defaultYear: Int?) -> Found? {
        let verbal = match[1] != nil
        let offset = verbal ? 0 : 3
        guard let day = match[1 + offset].flatMap({ Int($0) }), let month = match[2 + offset].flatMap({ Int($0) }) else { return nil }
        let explicitYear = match[3 + offset].flatMap { Int($0) }
        guard let year = explicitYear ?? defaultYear, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return Found(date: date, hadYear: explicitYear != nil, range: match.range)
    }
}

/// Vietnamese month and quarter words.
enum Quarters {
    /// "I" … "IV" or "1" … "4" → 1 … 4.
    static func number(_ text: Substring) -> Int? {
        switch text.uppercased() {
        case "I", "1": 1
        case "II", "2": 2
        case "III", "3": 3
        case "IV", "4": 4
        default: nil
        }
    }

    static func range(quarter: Int, year: Int) -> (CalendarDate, CalendarDate)? {
        guard (1...4).contains(quarter), let start = CalendarDate(year: year, month: quarter * 3 - 2, day: 1),
              let endMonth = CalendarDate(year: year, month: quarter * 3, day: 1) else { return nil }
        return (start, endMonth.endOfMonth)
    }
}
