/// A task's labelled line, read by one walk over its scalars:
///
/// - `- Cơ quan chủ trì: Phòng Y tế` → ``Kind/lead``
/// - `- Cơ quan, đơn vị phối hợp thực hiện: …` → ``Kind/cooperating``
/// - `+ Thời gian thực hiện: Quý II/2025` → ``Kind/timeframe``
///
/// It answers exactly as these regular expressions (ICU, case-insensitive,
/// tried in this order) did, which the tests hold it to on every block of the
/// seeds and on made-up edge cases:
///
/// ```
/// ^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)\s+chủ trì\s*:\s*(.+)$
/// ^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)[\p{L}, ]*phối hợp[\p{L} ]*:\s*(.+)$
/// ^(?:[-+•]\s*)?Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$
/// ```
///
/// Every block of a plan is asked; NSRegularExpression bridged each to UTF-16 and back.
///
/// ```swift
/// TaskLabelLine("- Cơ quan chủ trì: Phòng Y tế")   // kind .lead, value "Phòng Y tế"
/// ```
struct TaskLabelLine: Equatable {
    enum Kind: Equatable { case lead, cooperating, timeframe }
    var kind: Kind
    /// What follows the label: the agencies, or the time.
    var value: Substring

    typealias Scalars = String.UnicodeScalarView
    typealias Index = String.Index

    init?(_ text: String) {
        guard let (kind, value) = Self.read(text.unicodeScalars) else { return nil }
        self.init(kind: kind, value: text[value])
    }

    /// Whether `text` is a timeframe's line (`Thời gian thực hiện: …`): what `TaskLabelLine(text)?.kind == .timeframe`
    /// answers, without reading the agencies' forms (a line cannot start with both heads).
    static func isTimeframe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        return timeframeValue(scalars, at: afterBullet(scalars)) != nil
    }

    init(kind: Kind, value: Substring) {
        self.kind = kind
        self.value = value
    }

    /// The label's kind and where its value is, trying the three forms in order.
    private static func read(_ scalars: Scalars) -> (Kind, Range<Index>)? {
        let index = afterBullet(scalars)
        if let head = word(agencyHeads, in: scalars, at: index) {
            if let value = leadValue(scalars, after: head) { return (.lead, value) }
            return cooperatingValue(scalars, after: head).map { (.cooperating, $0) }
        }
        return timeframeValue(scalars, at: index).map { (.timeframe, $0) }
    }

    /// Where a label starts: after an optional bullet and any white space; without one the label starts the line.
    private static func afterBullet(_ scalars: Scalars) -> Index {
        guard let first = scalars.first, isBullet(first) else { return scalars.startIndex }
        return skipSpaces(scalars, from: scalars.index(after: scalars.startIndex))
    }

    /// `Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$` at `index`.
    private static func timeframeValue(_ scalars: Scalars, at index: Index) -> Range<Index>? {
        guard let head = word(timeHead, in: scalars, at: index) else { return nil }
        if let words = word(timeWords, in: scalars, at: head), let value = colonValue(scalars, at: words) { return value }
        return colonValue(scalars, at: head)
    }

    private static let agencyHeads = words("cơ quan", "đơn vị"), timeHead = words("thời gian")
    private static let timeWords = words(" thực hiện", " hoàn thành"), leadWord = words("chủ trì"), cooperatingWord = words("phối hợp")
    private static func words(_ words: String...) -> [[UInt32]] { words.map { $0.unicodeScalars.map(\.value) } }

    /// `\s+chủ trì\s*:\s*(.+)$` after the head.
    private static func leadValue(_ scalars: Scalars, after head: Index) -> Range<Index>? {
        let words = skipSpaces(scalars, from: head)
        guard words > head, let end = word(leadWord, in: scalars, at: words) else { return nil }
        return colonValue(scalars, at: end)
    }

    /// `[\p{L}, ]*phối hợp[\p{L} ]*:\s*(.+)$` after the head: up to the first colon only letters, commas
    /// and spaces, and "phối hợp" somewhere with no comma after it.
    private static func cooperatingValue(_ scalars: Scalars, after head: Index) -> Range<Index>? {
        var index = head
        var lastWords: Index?
        var commaAfterWords = false
        while index < scalars.endIndex, scalars[index] != ":" {
            let scalar = scalars[index]
            if scalar == "," {
                commaAfterWords = true
            } else if scalar != " " && !isLetter(scalar) {
                return nil
            }
            // A word can start here only where its first letter is.
            if LatinLetters.oneScalarLowercase(scalar) == 0x70, word(cooperatingWord, in: scalars, at: index) != nil {
                lastWords = index
                commaAfterWords = false
            }
            index = scalars.index(after: index)
        }
        guard index < scalars.endIndex, lastWords != nil, !commaAfterWords else { return nil }
        return tail(scalars, from: scalars.index(after: index))
    }

    /// `\s*:\s*(.+)$` at `index`.
    private static func colonValue(_ scalars: Scalars, at index: Index) -> Range<Index>? {
        let colon = skipSpaces(scalars, from: index)
        guard colon < scalars.endIndex, scalars[colon] == ":" else { return nil }
        return tail(scalars, from: scalars.index(after: colon))
    }

    /// `\s*(.+)$` from `start`, as ICU matches it: the white space is taken greedily and given back
    /// one scalar at a time; `.` takes anything but a line terminator, and `$` is the end or a line
    /// terminator (or CR LF) that ends the text.
    private static func tail(_ scalars: Scalars, from start: Index) -> Range<Index>? {
        var begin = skipSpaces(scalars, from: start)
        while true {
            var end = begin
            while end < scalars.endIndex, !isLineTerminator(scalars[end]) { end = scalars.index(after: end) }
            if end > begin && endsText(scalars, at: end) { return begin..<end }
            guard begin > start else { return nil }
            begin = scalars.index(before: begin)
        }
    }

    private static func endsText(_ scalars: Scalars, at index: Index) -> Bool {
        if index == scalars.endIndex { return true }
        let next = scalars.index(after: index)
        if next == scalars.endIndex { return true }
        return scalars[index] == "\r" && scalars[next] == "\n" && scalars.index(after: next) == scalars.endIndex
    }

    /// The end of the first of `words` (lowercase scalar values) that the text holds at `index`, in any case.
    private static func word(_ words: [[UInt32]], in scalars: Scalars, at index: Index) -> Index? {
        for word in words {
            var position = index
            var matched = true
            for expected in word {
                guard position < scalars.endIndex, LatinLetters.oneScalarLowercase(scalars[position]) == expected else {
                    matched = false
                    break
                }
                position = scalars.index(after: position)
            }
            if matched { return position }
        }
        return nil
    }

    private static func skipSpaces(_ scalars: Scalars, from start: Index) -> Index {
        var index = start
        while index < scalars.endIndex, isSpace(scalars[index]) { index = scalars.index(after: index) }
        return index
    }

    private static func isBullet(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "+" || scalar == "•" }

    /// ICU's `\s`: Unicode's White_Space (tab to carriage return, space, NEL, no-break space, the separators).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    /// What ICU's `.` does not match (and `$` stops before).
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// `\p{L}`: ASCII and the Latin letters Vietnamese uses from a table, other scalars from their category.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        if let slot = LatinLetters.slot(of: scalar.value) { return latinIsLetter[slot] }
        return isLetterByCategory(scalar)
    }

    private static let latinIsLetter = LatinLetters.table(isLetterByCategory)

    private static func isLetterByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
