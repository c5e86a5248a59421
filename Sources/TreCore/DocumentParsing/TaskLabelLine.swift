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

    init(kind: Kind, value: Substring) {
        self.kind = kind
        self.value = value
    }

    /// The label's kind and where its value is, trying the three forms in order.
    private static func read(_ scalars: Scalars) -> (Kind, Range<Index>)? {
        var index = scalars.startIndex
        guard index < scalars.endIndex else { return nil }
        // An optional bullet, then any white space; without one the label starts the line.
        if isBullet(scalars[index]) {
            index = skipSpaces(scalars, from: scalars.index(after: index))
        }
        if let head = word(["cơ quan", "đơn vị"], in: scalars, at: index) {
            if let value = leadValue(scalars, after: head) { return (.lead, value) }
            return cooperatingValue(scalars, after: head).map { (.cooperating, $0) }
        }
        guard let head = word(["thời gian"], in: scalars, at: index) else { return nil }
        if let words = word([" thực hiện", " hoàn thành"], in: scalars, at: head), let value = colonValue(scalars, at: words) {
            return (.timeframe, value)
        }
        return colonValue(scalars, at: head).map { (.timeframe, $0) }
    }

    /// `\s+chủ trì\s*:\s*(.+)$` after the head.
    private static func leadValue(_ scalars: Scalars, after head: Index) -> Range<Index>? {
        let words = skipSpaces(scalars, from: head)
        guard words > head, let end = word(["chủ trì"], in: scalars, at: words) else { return nil }
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

    private static let cooperatingWord = ["phối hợp"]

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

    /// The end of the first of `words` (lowercase) that the text holds at `index`, in any case.
    private static func word(_ words: [String], in scalars: Scalars, at index: Index) -> Index? {
        for word in words {
            var position = index
            var matched = true
            for expected in word.unicodeScalars {
                guard position < scalars.endIndex, LatinLetters.oneScalarLowercase(scalars[position]) == expected.value else {
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

    /// `\p{L}`.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
