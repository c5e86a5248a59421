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
///
/// After an edit, each event's digest (``ICalendarWriter/eventDigest(_:site:)``) is taken first,
/// without rendering it: a file whose events' digests are the last build's is kept as it was, and
/// when every calendar is kept no event is rendered but those of the deadlines' own files that changed.
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
        let agencyWriters = agencies.map { ICalendarWriter(calendarName: "Hạn chót – " + $0.name, stamp: site.today) }
        let listed = Self.positions(of: agencies, in: calendar)
        // With a last build to keep files from, every event's digest first: they say which calendars are kept.
        // Without one, each digest is taken as its event is rendered.
        let known: [UInt64]? = output.keepsFiles ? try Self.collect(calendar.count) { writer.eventDigest(calendar[$0], site: site) } : nil
        // A calendar's digest: its head's and its events', in order.
        func siteDigest(_ digests: [UInt64]) -> UInt64 { writer.fileDigest(events: digests) }
        func agencyDigest(_ index: Int, _ digests: [UInt64]) -> UInt64 {
            agencyWriters[index].fileDigest(events: listed[index].lazy.map { digests[Int($0)] })
        }
        let keptSite = try known.map { try output.keep("lich/han-chot.ics", digest: siteDigest($0)) } ?? false
        let keptAgency = try agencies.indices.map { index in
            try known.map { try output.keep(agencyPaths[index], digest: agencyDigest(index, $0)) } ?? false
        }
        let writing = agencies.indices.filter { !keptAgency[$0] }
        for index in writing { try output.write(agencyPaths[index], Data(agencyWriters[index].head)) }
        let rendering = !keptSite || !writing.isEmpty
        var digests = known ?? []
        func batches(_ emit: (Data) throws -> Void) throws {
            for start in stride(from: 0, to: calendar.count, by: batchSize) {
                let batch = try renderBatch(calendar[start..<min(start + batchSize, calendar.count)], digests: known, rendering: rendering, into: output)
                if known == nil { digests += batch.digests }
                guard rendering else { continue }
                if !keptSite { try emit(Self.joined(batch.events[...])) }
                let range = Int32(start)..<Int32(start + batch.events.count)
                // Each agency's file is its own: their parts are appended on all cores.
                try SiteRenderer.concurrently(writing.count) { step in
                    let agency = writing[step]
                    let positions = listed[agency]
                    let part = positions[Self.first(in: positions, from: range.lowerBound)..<Self.first(in: positions, from: range.upperBound)]
                    guard !part.isEmpty else { return }
                    try output.append(agencyPaths[agency], Self.joined(part.lazy.map { batch.events[Int($0) - start] }))
                }
            }
        }
        if keptSite {
            try batches { _ in }
        } else {
            try output.write("lich/han-chot.ics", streaming: { emit in
                try emit(Data(writer.head))
                try batches(emit)
                try emit(Data(ICalendarWriter.tail))
            })
            output.record("lich/han-chot.ics", digest: siteDigest(digests))
        }
        for index in writing {
            try output.append(agencyPaths[index], Data(ICalendarWriter.tail))
            output.record(agencyPaths[index], digest: agencyDigest(index, digests))
        }
    }

    /// Writes (or keeps) each deadline's own file of `entries`, on all cores; returns the events in order, rendered
    /// when `rendering` (else empty), and their digests when they were not `known` (taken as they were rendered).
    private func renderBatch(_ entries: ArraySlice<Site.CalendarEntry>, digests known: [UInt64]?, rendering: Bool,
                             into output: some OutputWriting) throws -> (events: [[UInt8]], digests: [UInt64]) {
        let events = ResultSlots<[UInt8]>(count: rendering ? entries.count : 0)
        let digests = ResultSlots<UInt64>(count: known == nil ? entries.count : 0)
        try SiteRenderer.concurrently(entries.count) { offset in
            let position = entries.startIndex + offset
            let entry = entries[position]
            var event: [UInt8]?
            let eventDigest: UInt64
            if let known {
                eventDigest = known[position]
                if rendering { event = writer.eventBytes(entry, site: site) }
            } else {
                (event, eventDigest) = writer.eventBytesAndDigest(entry, site: site)
                digests.set(offset, eventDigest)
            }
            try output.write("van-ban/\(entry.slug)/han-chot-\(entry.index + 1).ics", digest: writer.fileDigest(events: CollectionOfOne(eventDigest)),
                             utf8: { writer.calendar(wrapping: event ?? writer.eventBytes(entry, site: site)) })
            if rendering { events.set(offset, event ?? []) }
        }
        return (events.values, digests.values)
    }

    /// `make(i)` for 0..<count, worked out on all cores.
    static func collect<Value: Sendable>(_ count: Int, _ make: @Sendable (Int) -> Value) throws -> [Value] {
        let values = ResultSlots<Value>(count: count)
        try SiteRenderer.concurrently(count) { values.set($0, make($0)) }
        return values.values
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
