import Foundation

/// Deadlines as an RFC 5545 calendar people can subscribe to.
///
/// Each deadline is an all-day event with a stable UID (document slug, date
/// and position), DTSTAMP, SUMMARY, DESCRIPTION and the URL of its sentence;
/// a period has DTSTART and DTEND, a recurring deadline an RRULE. Lines end in
/// CRLF and are folded at 75 octets.
public struct ICalendarWriter: Sendable {
    public let calendarName: String
    public let stamp: CalendarDate
    /// The calendar's first lines, written once: every deadline's own file starts with them.
    private let head: String

    public init(calendarName: String, stamp: CalendarDate) {
        self.calendarName = calendarName
        self.stamp = stamp
        head = Self.folded(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tre//Lich han chot tre em//VI", "CALSCALE:GREGORIAN",
                            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(calendarName), "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"])
    }

    public func calendar(_ entries: [Site.CalendarEntry], site: Site) -> String {
        calendar(entries.map { Self.folded(event($0, site: site)) })
    }

    /// A calendar from events already written by ``eventText(_:site:)`` (each event is written once per build).
    public func calendar(_ events: [String]) -> String {
        head + events.joined() + Self.tail
    }

    /// ``calendar(_:)`` handed out in parts, for a calendar too big to hold twice in memory
    /// (the site's at 10,000 documents is some 90 MB).
    public func calendar(_ events: some Sequence<String>, to emit: (Data) throws -> Void) throws {
        try emit(Data(head.utf8))
        var chunk = Data()
        for event in events {
            chunk.append(contentsOf: event.utf8)
            if chunk.count >= 1 << 20 { try emit(chunk); chunk = Data() }
        }
        try emit(chunk + Data(Self.tail.utf8))
    }

    private static let tail = "END:VCALENDAR\r\n"

    /// The VEVENTs of `entries` in order, written on all cores a batch at a time,
    /// so that a calendar of 100,000 events is never held whole.
    public func events(_ entries: [Site.CalendarEntry], site: Site, batch: Int = 4096) -> some Sequence<String> {
        stride(from: 0, to: entries.count, by: batch).lazy.flatMap { start in
            let count = min(batch, entries.count - start)
            let events = ResultSlots<String>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { events.set($0, eventText(entries[start + $0], site: site)) }
            return events.values
        }
    }

    /// One VEVENT, folded, with its line ends.
    public func eventText(_ entry: Site.CalendarEntry, site: Site) -> String { Self.folded(event(entry, site: site)) }

    static func folded(_ lines: [String]) -> String { lines.map { fold($0) + "\r\n" }.joined() }

    func event(_ entry: Site.CalendarEntry, site: Site) -> [String] {
        let d = entry.deadline
        let document = site.documentIndex(slug: entry.slug)
        let url = site.baseURL.absolute("van-ban/\(entry.slug)/") + "#" + d.anchor
        let start = d.start ?? d.date
        let summary = (d.start == nil ? "Hạn: " : "Thực hiện: ") + d.what.clipped(to: 90, keeping: 89)
        var description = [d.quote]
        if !d.owners.isEmpty { description.append("Cơ quan thực hiện: " + d.owners.joined(separator: "; ")) }
        if !d.recipients.isEmpty { description.append("Gửi về: " + d.recipients.joined(separator: "; ")) }
        if let document { description.append("Văn bản: " + site.documents[document].identity + " – " + site.documents[document].title) }
        var lines = ["BEGIN:VEVENT", "UID:" + entry.uid, "DTSTAMP:" + stamp.compact + "T000000Z",
                     "DTSTART;VALUE=DATE:" + start.compact, "DTEND;VALUE=DATE:" + d.date.adding(days: 1).compact,
                     "SUMMARY:" + Self.escape(summary), "DESCRIPTION:" + Self.escape(description.joined(separator: "\n")),
                     "URL:" + url, "TRANSP:TRANSPARENT"]
        switch d.recurrence {
        case "yearly": lines.append("RRULE:FREQ=YEARLY")
        case "half-yearly": lines.append("RRULE:FREQ=MONTHLY;INTERVAL=6")
        case "quarterly": lines.append("RRULE:FREQ=MONTHLY;INTERVAL=3")
        case "monthly": lines.append("RRULE:FREQ=MONTHLY")
        default: break
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// TEXT escaping of RFC 5545 §3.3.11, on UTF-8 bytes (every byte escaped is ASCII).
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x3B, 0x2C: result.append(0x5C); result.append(byte)       // \ ; ,
            case 0x0A: result.append(0x5C); result.append(UInt8(ascii: "n"))
            case 0x0D: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Folds a content line at 75 octets without splitting a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var line = line
        return line.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 25)
            // Runs of whole characters are copied at once; a fold goes before the character that would pass 75 octets.
            var runStart = 0, count = 0, index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let size = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                if count + size > 75 {
                    result.append(contentsOf: bytes[runStart..<index])
                    result += [0x0D, 0x0A, 0x20]
                    runStart = index
                    count = 1
                }
                count += size
                index += size
            }
            result.append(contentsOf: bytes[runStart..<bytes.count])
            return String(decoding: result, as: UTF8.self)
        }
    }
}
