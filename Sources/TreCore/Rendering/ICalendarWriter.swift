import Foundation

/// Deadlines as an RFC 5545 calendar people can subscribe to.
///
/// Each deadline is an all-day event with a stable UID (document slug, date
/// and position), DTSTAMP, SUMMARY, DESCRIPTION and the URL of its sentence;
/// a period has DTSTART and DTEND, a recurring deadline an RRULE. Lines end in
/// CRLF and are folded at 75 octets.
///
/// An event's DTSTAMP is its document's date (``Site/DocumentLabel/date``), when the
/// information was issued, not the day of the build: an event is the same bytes
/// every day until its document changes, so a build on the next day keeps every
/// calendar file and an upload tool that syncs by time sends none of them again.
/// Only a document with no date known at all has its events stamped with ``stamp``.
public struct ICalendarWriter: Sendable {
    public let calendarName: String
    /// The stamp of the events of a document with no date (the build's day).
    public let stamp: CalendarDate
    /// The calendar's first lines, written once: every deadline's own file starts with them.
    let head: [UInt8]
    /// ``head``'s digest, the start of the digest of every file this writer writes (``fileDigest(events:)``).
    let headDigest: UInt64
    private let stampText: String

    public init(calendarName: String, stamp: CalendarDate) {
        self.calendarName = calendarName
        self.stamp = stamp
        stampText = stamp.compact + "T000000Z"
        var lines = ICalendarContentLines(capacity: 256)
        for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tre//Lich han chot tre em//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
            lines.line(line)
        }
        lines.text("X-WR-CALNAME:", calendarName)
        lines.line("X-WR-TIMEZONE:Asia/Ho_Chi_Minh")
        head = lines.bytes
        headDigest = ContextDigest.of(utf8: head)
    }

    /// A whole calendar of `entries`: a deadline's own file.
    public func calendar(_ entries: [Site.CalendarEntry], site: Site) -> String {
        var lines = ICalendarContentLines(capacity: head.count + 1024 * entries.count)
        for entry in entries { event(entry, site: site, into: &lines) }
        return String(decoding: calendar(wrapping: lines.bytes), as: UTF8.self)
    }

    /// A whole calendar of events already written by ``eventBytes(_:site:)``, as UTF-8.
    func calendar(wrapping events: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.count + events.count + Self.tail.count)
        bytes += head
        bytes += events
        bytes += Self.tail
        return bytes
    }

    /// The calendar's last line.
    static let tail = Array("END:VCALENDAR\r\n".utf8)

    /// One VEVENT, folded, with its line ends.
    public func eventBytes(_ entry: Site.CalendarEntry, site: Site) -> [UInt8] {
        var lines = ICalendarContentLines()
        event(entry, site: site, into: &lines)
        return lines.bytes
    }

    /// The digest of what ``eventBytes(_:site:)`` writes, taken without writing it.
    func eventDigest(_ entry: Site.CalendarEntry, site: Site) -> UInt64 {
        var input = ICalendarInputDigest()
        event(entry, site: site, into: &input)
        return input.digest
    }

    /// The event's bytes and their ``eventDigest(_:site:)``, in one pass.
    func eventBytesAndDigest(_ entry: Site.CalendarEntry, site: Site) -> (bytes: [UInt8], digest: UInt64) {
        var both = ICalendarLinesAndDigest()
        event(entry, site: site, into: &both)
        return (both.lines.bytes, both.input.digest)
    }

    /// The digest of a calendar of this writer's with these events (their ``eventDigest(_:site:)``s) in this order.
    func fileDigest(events: some Sequence<UInt64>) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(headDigest)
        var count: UInt64 = 0
        for event in events {
            hasher.add(event)
            count += 1
        }
        hasher.add(tag: 5)
        hasher.add(count)
        return hasher.state
    }

    func event(_ entry: Site.CalendarEntry, site: Site, into lines: inout some ICalendarLineSink) {
        let d = entry.deadline
        let document = site.label(slug: entry.slug)
        lines.line("BEGIN:VEVENT")
        lines.line("UID:", entry.uid)
        lines.line("DTSTAMP:", document?.date.map { $0.compact + "T000000Z" } ?? stampText)
        lines.line("DTSTART;VALUE=DATE:", (d.start ?? d.date).compact)
        lines.line("DTEND;VALUE=DATE:", d.date.adding(days: 1).compact)
        lines.add("SUMMARY:", escaping: false)
        lines.add(d.start == nil ? "Hạn: " : "Thực hiện: ", escaping: true)
        lines.add(d.what.clipped(to: 90, keeping: 89), escaping: true)
        lines.end()
        // One TEXT value: the sentence, then who owes it, to whom and the document, each after a newline.
        lines.add("DESCRIPTION:", escaping: false)
        lines.add(d.quote, escaping: true)
        if !d.owners.isEmpty { part("Cơ quan thực hiện: ", d.owners, into: &lines) }
        if !d.recipients.isEmpty { part("Gửi về: ", d.recipients, into: &lines) }
        if let document {
            lines.add("\nVăn bản: ", escaping: true)
            lines.add(document.identity, escaping: true)
            lines.add(" – ", escaping: true)
            lines.add(document.title, escaping: true)
        }
        lines.end()
        lines.add("URL:", escaping: false)
        lines.add(site.baseURL.absolute("van-ban/\(entry.slug)/"), escaping: false)
        lines.add("#", escaping: false)
        lines.add(d.anchor, escaping: false)
        lines.end()
        lines.line("TRANSP:TRANSPARENT")
        switch d.recurrence {
        case "yearly": lines.line("RRULE:FREQ=YEARLY")
        case "half-yearly": lines.line("RRULE:FREQ=MONTHLY;INTERVAL=6")
        case "quarterly": lines.line("RRULE:FREQ=MONTHLY;INTERVAL=3")
        case "monthly": lines.line("RRULE:FREQ=MONTHLY")
        default: break
        }
        lines.line("END:VEVENT")
    }

    /// "\nLabel: a; b" of a description.
    private func part(_ label: String, _ names: [String], into lines: inout some ICalendarLineSink) {
        lines.add("\n", escaping: true)
        lines.add(label, escaping: true)
        for (index, name) in names.enumerated() {
            if index > 0 { lines.add("; ", escaping: true) }
            lines.add(name, escaping: true)
        }
    }
}
