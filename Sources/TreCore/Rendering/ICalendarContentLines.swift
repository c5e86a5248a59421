/// The content lines of an iCalendar file as UTF-8 bytes, written in one pass:
/// TEXT values escaped (RFC 5545 §3.3.11) and every line folded at 75 octets
/// (§3.1) as its bytes go in, without building a string per line.
///
/// ```swift
/// var lines = ICalendarContentLines()
/// lines.line("UID:", "kh-61-20250515-1@tre")
/// lines.text("SUMMARY:", "Hạn: báo cáo; tổng hợp")   // SUMMARY:Hạn: báo cáo\; tổng hợp
/// ```
///
/// A fold goes before the character that would pass 75 octets, never inside a
/// UTF-8 sequence; an escape's two bytes count as two characters.
struct ICalendarContentLines: ICalendarLineSink {
    private(set) var bytes: [UInt8] = []
    /// Octets on the current physical line.
    private var octets = 0

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// A line of `name` followed by `value`, both as they are.
    mutating func line(_ name: String, _ value: String) {
        add(name, escaping: false)
        add(value, escaping: false)
        end()
    }

    /// A line whose value is TEXT: `name` as it is, `value` escaped.
    mutating func text(_ name: String, _ value: String) {
        add(name, escaping: false)
        add(value, escaping: true)
        end()
    }

    /// Appends to the current line; TEXT escaping when `escaping`.
    mutating func add(_ text: String, escaping: Bool) {
        var text = text
        text.withUTF8 { add($0, escaping: escaping) }
    }

    /// Ends the current line.
    mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        octets = 0
    }

    /// Copies runs of bytes that need neither an escape nor a fold at once; stops at each byte
    /// that needs one.
    private mutating func add(_ source: UnsafeBufferPointer<UInt8>, escaping: Bool) {
        var index = 0
        while index < source.count {
            var end = index
            var count = octets
            while end < source.count {
                let lead = source[end]
                if lead < 0x80 {
                    if escaping && Self.needsEscape(lead) || count == 75 { break }
                    count += 1
                    end += 1
                } else {
                    let size = min(lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, source.count - end)
                    if count + size > 75 { break }
                    count += size
                    end += size
                }
            }
            if end > index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[index..<end]))
                octets = count
                index = end
                continue
            }
            let lead = source[index]
            if lead >= 0x80 || !escaping || !Self.needsEscape(lead) {
                fold()
                continue
            }
            index += 1
            switch lead {
            case 0x0A: put(0x5C); put(UInt8(ascii: "n"))
            case 0x0D: continue
            default: put(0x5C); put(lead)       // \ ; ,
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x5C || byte == 0x3B || byte == 0x2C || byte == 0x0A || byte == 0x0D
    }

    private mutating func put(_ byte: UInt8) {
        if octets == 75 { fold() }
        bytes.append(byte)
        octets += 1
    }

    private mutating func fold() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        bytes.append(0x20)
        octets = 1
    }
}

/// What an event is written into: its content lines' bytes (``ICalendarContentLines``) or a
/// digest of everything written (``ICalendarInputDigest``). ``ICalendarWriter`` writes an event
/// the same way into either, so two events with the same digest have the same bytes.
protocol ICalendarLineSink {
    /// A line of `name` followed by `value`, both as they are.
    mutating func line(_ name: String, _ value: String)
    /// Appends to the current line; TEXT escaping when `escaping`.
    mutating func add(_ text: String, escaping: Bool)
    /// Ends the current line.
    mutating func end()
}

extension ICalendarLineSink {
    /// A line that is its name alone: `BEGIN:VEVENT`.
    mutating func line(_ name: String) { line(name, "") }
}

/// A digest of what an event is written from, taken without writing it: after an edit, a deadline
/// whose digest is the last build's keeps its `.ics` file, and calendars whose events all do are
/// kept whole (``EventFiles``), none of their events written again.
struct ICalendarInputDigest: ICalendarLineSink {
    private var hasher = DigestHasher()

    var digest: UInt64 { hasher.state }

    mutating func line(_ name: String, _ value: String) {
        hasher.add(tag: 1)
        hasher.add(name)
        hasher.add(value)
    }

    mutating func add(_ text: String, escaping: Bool) {
        hasher.add(tag: escaping ? 2 : 3)
        hasher.add(text)
    }

    mutating func end() { hasher.add(tag: 4) }
}

/// An event written and its digest taken in one pass: a build with no earlier output to keep
/// files from needs both for every event.
struct ICalendarLinesAndDigest: ICalendarLineSink {
    var lines = ICalendarContentLines()
    var input = ICalendarInputDigest()

    mutating func line(_ name: String, _ value: String) {
        lines.line(name, value)
        input.line(name, value)
    }

    mutating func add(_ text: String, escaping: Bool) {
        lines.add(text, escaping: escaping)
        input.add(text, escaping: escaping)
    }

    mutating func end() {
        lines.end()
        input.end()
    }
}
