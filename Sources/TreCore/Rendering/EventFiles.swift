import Foundation

/// Every deadline's VEVENT, rendered once and written into the three files that carry it:
/// the deadline's own (`van-ban/<slug>/han-chot-<n>.ics`), the site's calendar
/// (`lich/han-chot.ics`) and the calendar of each agency that owes it
/// (`co-quan/<key>/han-chot.ics`).
///
/// Events are rendered in calendar order, a batch at a time on all cores, and each batch is
/// written out before the next: no calendar is held whole (the site's is some 90 MB at
/// 10,000 documents), and an event is rendered once, not once per file. An agency lists its
/// deadlines in calendar order too, so its file is the batches' parts appended in turn.
struct EventFiles {
    let site: Site
    /// The site calendar's writer, whose head every deadline's own file shares.
    let writer: ICalendarWriter
    /// Events rendered at once; a batch's events are all held until it is written.
    var batchSize = 4096

    func write(into output: some OutputWriting) throws {
        let calendar = site.calendar
        let agencies = site.agencies
        let agencyPaths = agencies.map { "co-quan/\($0.key)/han-chot.ics" }
        for (agency, path) in zip(agencies, agencyPaths) {
            try output.write(path, Data(ICalendarWriter(calendarName: "Hạn chót – " + agency.name, stamp: site.today).head))
        }
        let listed = Self.positions(of: agencies, in: calendar)
        try output.write("lich/han-chot.ics", streaming: { emit in
            try emit(Data(writer.head))
            for start in stride(from: 0, to: calendar.count, by: batchSize) {
                let events = try renderBatch(calendar[start..<min(start + batchSize, calendar.count)], into: output)
                try emit(Self.joined(events[...]))
                let batch = Int32(start)..<Int32(start + events.count)
                // Each agency's file is its own: their parts are appended on all cores.
                try SiteRenderer.concurrently(agencies.count) { agency in
                    let positions = listed[agency]
                    let part = positions[Self.first(in: positions, from: batch.lowerBound)..<Self.first(in: positions, from: batch.upperBound)]
                    guard !part.isEmpty else { return }
                    try output.append(agencyPaths[agency], Self.joined(part.lazy.map { events[Int($0) - start] }))
                }
            }
            try emit(Data(ICalendarWriter.tail))
        })
        for path in agencyPaths { try output.append(path, Data(ICalendarWriter.tail)) }
    }

    /// Renders the events of `entries` on all cores, writes each deadline's own file, and returns the events in order.
    private func renderBatch(_ entries: ArraySlice<Site.CalendarEntry>, into output: some OutputWriting) throws -> [[UInt8]] {
        let events = ResultSlots<[UInt8]>(count: entries.count)
        try SiteRenderer.concurrently(entries.count) { offset in
            let entry = entries[entries.startIndex + offset]
            let event = writer.eventBytes(entry, site: site)
            try output.write("van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics", keepingSame: writer.calendar(wrapping: event))
            events.set(offset, event)
        }
        return events.values
    }

    /// Events one after another, copied a whole event at a time (`Data(events.joined())` went a byte at a time).
    static func joined(_ events: some Collection<[UInt8]>) -> Data {
        var data = Data(capacity: events.reduce(0) { $0 + $1.count })
        for event in events { data.append(contentsOf: event) }
        return data
    }

    /// The index of the first of the ordered `positions` at or after `position` (a binary search).
    static func first(in positions: [Int32], from position: Int32) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] >= position { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Each agency's deadlines as positions in the calendar, in its own order, which is the
    /// calendar's (a deadline an agency owes under two of its names is there twice, as in its list).
    static func positions(of agencies: [Site.Agency], in calendar: [Site.CalendarEntry]) -> [[Int32]] {
        let bySlug = DeadlineRows.positionsBySlug(in: calendar)
        return agencies.map { agency in agency.deadlines.compactMap { entry in bySlug[entry.slug]?[entry.index] } }
    }
}
