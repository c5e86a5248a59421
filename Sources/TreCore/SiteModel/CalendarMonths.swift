/// The deadline calendar cut into months, one page each (`/lich/YYYY-MM/`).
///
/// A month holds every deadline written for a day in it, and every recurring
/// deadline whose next occurrence (on or after the build's today) falls in it.
/// ```swift
/// let months = CalendarMonths(calendar: site.calendar, today: site.today)
/// months.all.first?.slug   // "2024-06"
/// ```
public struct CalendarMonths: Sendable {
    /// One deadline on one day of a month.
    public struct Item: Sendable {
        public var entry: Site.CalendarEntry
        public var date: CalendarDate
    }

    public struct Month: Sendable {
        public var year: Int
        public var month: Int
        /// Sorted by day, then document and position; a deadline appears once.
        public let items: [Item]
        /// Day of the month → position in ``items`` of its first deadline, and how many fall on it.
        public let days: [Int: (first: Int, count: Int)]

        public init(year: Int, month: Int, items: [Item]) {
            self.year = year
            self.month = month
            self.items = items
            self.days = Self.days(of: items)
        }

        static func days(of items: [Item]) -> [Int: (first: Int, count: Int)] {
            var days: [Int: (first: Int, count: Int)] = [:]
            for (index, item) in items.enumerated() { days[item.date.day, default: (index, 0)].count += 1 }
            return days
        }

        /// `2025-06`: the month's path segment under `/lich/`.
        public var slug: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
        public var label: String { "Tháng \(month)/\(year)" }
    }

    /// Every month with a deadline, oldest first.
    public let all: [Month]
    /// Deadlines still to come, each at its next occurrence, soonest first.
    public let upcoming: [Item]

    public init(calendar: [Site.CalendarEntry], today: CalendarDate) {
        var byMonth: [Int: [Item]] = [:]
        var upcoming: [Item] = []
        for entry in calendar {
            let written = entry.deadline.date
            byMonth[written.year * 12 + written.month - 1, default: []].append(Item(entry: entry, date: written))
            guard let next = entry.nextOccurrence(onOrAfter: today) else { continue }
            upcoming.append(Item(entry: entry, date: next))
            if next.year != written.year || next.month != written.month {
                byMonth[next.year * 12 + next.month - 1, default: []].append(Item(entry: entry, date: next))
            }
        }
        let order: (Item, Item) -> Bool = { ($0.date, $0.entry.slug, $0.entry.index) < ($1.date, $1.entry.slug, $1.entry.index) }
        all = byMonth.sorted { $0.key < $1.key }.map { Month(year: $0.key / 12, month: $0.key % 12 + 1, items: $0.value.sorted(by: order)) }
        self.upcoming = upcoming.sorted(by: order)
    }
}
