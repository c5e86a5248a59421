import Foundation

/// The grammar of ``DatePhraseScanner``'s expressions, over a lowercased sentence's UTF-8.
///
/// Each part takes what must follow it (`then`) and tries it after each way the part may match, in
/// the order ICU tries them (the longer of `\d{1,2}` first, an optional word before going without it),
/// answering the first that succeeds: ICU's backtracking, without building anything to try.
///
/// The parts, as the expressions write them (`date` is ``DeadlineExtractor/date``):
/// - `date`: `(?:ngày\s+)?(?:\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm|/)\s*\d{4,5})?|\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{4,5})?)(?![\d/])`
/// - `due`: `(?:trước|chậm nhất(?:\s+là)?|đến hết|không muộn hơn|hạn chót(?:\s+là)?|hạn cuối(?:\s+là)?)\s+` `date`
/// - `range`: `(?:từ|bắt đầu từ)\s+(?:ngày\s+)?(` `date` `)\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(` `date` `)`
/// - `monthPeriod`: `(?<!\d\s)(?<![/\d])(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*((?:19|20)\d\d)(?!\d)`
/// - `quarters`: `quý\s+((?:[IV]{1,3}|[1-4])(?:\s*(?:,|và|-)\s*(?:[IV]{1,3}|[1-4]))*)\s*(?:năm|/)\s*((?:19|20)\d\d)`
/// - `labels`: `6 tháng(?: đầu năm| cuối năm)?|cả năm(?: \d{4})?|(?:hằng|hàng) năm|(?<!\S)năm \d{4}|quý [IV]+`
///
/// White space before a word, a digit or a separator is taken whole: none of those is white space,
/// so giving some back never lets the rest match, and ICU's answer is the same.
struct DatePhraseWalk {
    let bytes: UnsafeBufferPointer<UInt8>

    // MARK: The expressions

    /// The end of `due`'s match at `start`.
    func due(at start: Int) -> Int? {
        if let end = word("trước", at: start) ?? word("đến hết", at: start) ?? word("không muộn hơn", at: start) {
            return spaces(atLeastOneFrom: end).flatMap { date(at: $0) { $0 } }
        }
        guard let end = word("chậm nhất", at: start) ?? word("hạn chót", at: start) ?? word("hạn cuối", at: start),
              let spaced = spaces(atLeastOneFrom: end) else { return nil }
        // (?:\s+là)?\s+
        if let then = word("là", at: spaced), let after = spaces(atLeastOneFrom: then), let found = date(at: after, then: { $0 }) { return found }
        return date(at: spaced) { $0 }
    }

    /// `range`'s match at `start`: its end and its two dates.
    func range(at start: Int) -> (end: Int, groups: (Range<Int>, Range<Int>))? {
        guard let end = word("từ", at: start) ?? word("bắt đầu từ", at: start), let spaced = spaces(atLeastOneFrom: end) else { return nil }
        return optional("ngày", at: spaced) { first in
            date(at: first) { firstEnd in
                let link = spaces(from: firstEnd)
                guard let linked = word("đến", at: link) ?? word("-", at: link) ?? word("–", at: link) else { return nil }
                return optional("hết", at: spaces(from: linked)) { toEnd in
                    optional("ngày", at: toEnd) { last in
                        date(at: last) { lastEnd in (lastEnd, (first..<firstEnd, last..<lastEnd)) }
                    }
                }
            }
        }
    }

    /// `monthPeriod`'s match at `start`: its end, its month and its year.
    func monthPeriod(at start: Int) -> (end: Int, groups: (Range<Int>, Range<Int>))? {
        guard word("trong", at: start) != nil || word("tháng", at: start) != nil, !followsDigit(start) else { return nil }
        return optional("trong", at: start) { monthWord in
            guard let end = word("tháng", at: monthWord), let number = spaces(atLeastOneFrom: end) else { return nil }
            return digits(from: number, 1, 2) { numberEnd in
                // \s*(?:/|\s+năm\s+)\s*: "/" after the white space, or "năm" after at least one space and before more.
                let spaced = spaces(from: numberEnd)
                let yearStart: Int?
                if let slash = word("/", at: spaced) {
                    yearStart = spaces(from: slash)
                } else {
                    yearStart = spaced > numberEnd ? word("năm", at: spaced).flatMap(spaces(atLeastOneFrom:)) : nil
                }
                guard let yearStart, let century = word("19", at: yearStart) ?? word("20", at: yearStart),
                      let yearEnd = digit(at: century).flatMap(digit(at:)), digit(at: yearEnd) == nil else { return nil }
                return (yearEnd, (number..<numberEnd, yearStart..<yearEnd))
            }
        }
    }

    /// `quarters`' match at `start`: its end, its list of quarters and its year.
    func quarters(at start: Int) -> (end: Int, groups: (Range<Int>, Range<Int>))? {
        guard let end = word("quý", at: start), let list = spaces(atLeastOneFrom: end) else { return nil }
        return quarterList(at: list) { listEnd in
            let spaced = spaces(from: listEnd)
            guard let mark = word("năm", at: spaced) ?? word("/", at: spaced) else { return nil }
            let yearStart = spaces(from: mark)
            guard let century = word("19", at: yearStart) ?? word("20", at: yearStart),
                  let yearEnd = digit(at: century).flatMap(digit(at:)) else { return nil }
            return (yearEnd, (list..<listEnd, yearStart..<yearEnd))
        }
    }

    /// `(?:[IV]{1,3}|[1-4])(?:\s*(?:,|và|-)\s*(?:[IV]{1,3}|[1-4]))*`, then `then`: as many quarters as there are first.
    private func quarterList<Result>(at offset: Int, then: (Int) -> Result?) -> Result? {
        quarter(at: offset) { end in quarterListTail(at: end, then: then) }
    }

    private func quarterListTail<Result>(at offset: Int, then: (Int) -> Result?) -> Result? {
        let spaced = spaces(from: offset)
        if let joined = word(",", at: spaced) ?? word("và", at: spaced) ?? word("-", at: spaced),
           let found = quarter(at: spaces(from: joined), then: { quarterListTail(at: $0, then: then) }) {
            return found
        }
        return then(offset)
    }

    /// `(?:[IV]{1,3}|[1-4])` (lowercased): a Roman numeral of up to three letters, the longest first, or a digit.
    private func quarter<Result>(at offset: Int, then: (Int) -> Result?) -> Result? {
        func isRoman(_ index: Int) -> Bool { index < bytes.count && (bytes[index] == UInt8(ascii: "i") || bytes[index] == UInt8(ascii: "v")) }
        guard offset < bytes.count else { return nil }
        if bytes[offset] >= UInt8(ascii: "1") && bytes[offset] <= UInt8(ascii: "4") { return then(offset + 1) }
        var length = 0
        while length < 3, isRoman(offset + length) { length += 1 }
        while length > 0 {
            if let found = then(offset + length) { return found }
            length -= 1
        }
        return nil
    }

    /// The end of `labels`' match at `start`: `6 tháng (đầu năm|cuối năm)`, `cả năm (2025)`, `hằng năm`, `năm 2025`, `quý II`.
    func label(at start: Int) -> Int? {
        if let end = word("6 tháng", at: start) { return word(" đầu năm", at: end) ?? word(" cuối năm", at: end) ?? end }
        if let end = word("cả năm", at: start) {
            return word(" ", at: end).flatMap { digits(from: $0, 4, 4) { $0 } } ?? end
        }
        if let end = word("hằng năm", at: start) ?? word("hàng năm", at: start) { return end }
        // (?<!\S)
        if let end = word("năm ", at: start) {
            guard scalar(before: start).map({ WhitespaceScalars.contains($0.value) }) ?? true else { return nil }
            return digits(from: end, 4, 4) { $0 }
        }
        guard let end = word("quý ", at: start) else { return nil }
        var last = end
        while last < bytes.count, bytes[last] == UInt8(ascii: "i") || bytes[last] == UInt8(ascii: "v") { last += 1 }
        return last > end ? last : nil
    }

    /// `(?<!\d\s)(?<![/\d])` at `offset`: after a digit or "/", or after a digit and a white space.
    private func followsDigit(_ offset: Int) -> Bool {
        guard let previous = scalar(before: offset) else { return false }
        if previous.value == UInt32(UInt8(ascii: "/")) || isDigit(previous.value) { return true }
        guard WhitespaceScalars.contains(previous.value), let earlier = scalar(before: previous.start) else { return false }
        return isDigit(earlier.value)
    }

    // MARK: Dates

    /// `date` at `offset`, then `then` after each end it may have.
    func date<Result>(at offset: Int, then: (Int) -> Result?) -> Result? {
        optional("ngày", at: offset) { start in
            verbalDate(at: start, then: then) ?? numericDate(at: start, then: then)
        }
    }

    /// `\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm|/)\s*\d{4,5})?(?![\d/])`
    private func verbalDate<Result>(at start: Int, then: (Int) -> Result?) -> Result? {
        digits(from: start, 1, 2) { dayEnd in
            guard let spaced = spaces(atLeastOneFrom: dayEnd), let monthWord = word("tháng", at: spaced),
                  let number = spaces(atLeastOneFrom: monthWord) else { return nil }
            return digits(from: number, 1, 2) { monthEnd in
                let spaced = spaces(from: monthEnd)
                if let yearMark = word("năm", at: spaced) ?? word("/", at: spaced),
                   let found = digits(from: spaces(from: yearMark), 4, 5, then: { endsDate($0) ? then($0) : nil }) {
                    return found
                }
                return endsDate(monthEnd) ? then(monthEnd) : nil
            }
        }
    }

    /// `\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{4,5})?(?![\d/])`
    private func numericDate<Result>(at start: Int, then: (Int) -> Result?) -> Result? {
        digits(from: start, 1, 2) { dayEnd in
            guard let separated = separator(at: space(optionallyAt: dayEnd)) else { return nil }
            return digits(from: space(optionallyAt: separated), 1, 2) { monthEnd in
                if let again = separator(at: space(optionallyAt: monthEnd)),
                   let found = digits(from: space(optionallyAt: again), 4, 5, then: { endsDate($0) ? then($0) : nil }) {
                    return found
                }
                return endsDate(monthEnd) ? then(monthEnd) : nil
            }
        }
    }

    /// `(?![\d/])`: nothing, or neither a digit nor "/", at `offset`.
    private func endsDate(_ offset: Int) -> Bool {
        offset == bytes.count || (bytes[offset] != UInt8(ascii: "/") && digit(at: offset) == nil)
    }

    /// `[/.-]`
    private func separator(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        return byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") ? offset + 1 : nil
    }

    // MARK: Words, digits and white space

    /// `(?:word\s+)?` at `offset`, then `then`: after the word and its white space if they are there, else at `offset`.
    private func optional<Result>(_ word: StaticString, at offset: Int, then: (Int) -> Result?) -> Result? {
        if let end = self.word(word, at: offset), let spaced = spaces(atLeastOneFrom: end), let found = then(spaced) { return found }
        return then(offset)
    }

    /// The end of `word` (lowercase, as written) at `offset`.
    private func word(_ word: StaticString, at offset: Int) -> Int? {
        let count = word.utf8CodeUnitCount
        guard count <= bytes.count - offset, memcmp(bytes.baseAddress! + offset, word.utf8Start, count) == 0 else { return nil }
        return offset + count
    }

    /// `\d{least,most}` from `offset`, then `then`: after the longest run first.
    private func digits<Result>(from offset: Int, _ least: Int, _ most: Int, then: (Int) -> Result?) -> Result? {
        if most > 0, let next = digit(at: offset), let found = digits(from: next, max(least - 1, 0), most - 1, then: then) { return found }
        return least == 0 ? then(offset) : nil
    }

    /// `\d` at `offset`: the end of a decimal digit of any script.
    private func digit(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 ? offset + 1 : nil }
        let (value, length) = UTF8Scalars.scalar(in: bytes, at: offset)
        return isDigit(value) ? offset + length : nil
    }

    private func isDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return Unicode.Scalar(value)?.properties.numericType == .decimal
    }

    /// `\s?`: past one white space character at `offset`, if there is one.
    private func space(optionallyAt offset: Int) -> Int {
        guard offset < bytes.count else { return offset }
        let (value, length) = UTF8Scalars.scalar(in: bytes, at: offset)
        return WhitespaceScalars.contains(value) ? offset + length : offset
    }

    /// `\s*`: past every white space character from `offset`.
    private func spaces(from offset: Int) -> Int {
        var end = offset
        while true {
            let next = space(optionallyAt: end)
            if next == end { return end }
            end = next
        }
    }

    /// `\s+`: past every white space character from `offset`, when there is one.
    private func spaces(atLeastOneFrom offset: Int) -> Int? {
        let end = spaces(from: offset)
        return end > offset ? end : nil
    }

    /// The scalar ending just before `offset`, and where it starts.
    private func scalar(before offset: Int) -> (value: UInt32, start: Int)? {
        guard offset > 0 else { return nil }
        let start = UTF8Scalars.start(before: offset, in: bytes)
        return (UTF8Scalars.scalar(in: bytes, at: start).value, start)
    }
}
