import Foundation

/// The date phrases of a deadline sentence, found by walking its lowercased UTF-8 instead of
/// running ICU: the same matches as ``DeadlineExtractor``'s expressions `due` (`trước ngày 30/6/2025`),
/// `range` (`từ ngày 01/6 đến ngày 30/6/2025`), `monthPeriod` (`trong tháng 6/2025`) and `quarters`
/// (`Quý II, IV năm 2025`), in one pass.
///
/// Each expression is followed as ICU runs it (``DatePhraseWalk``): tried where one of its start
/// words begins, left to right, each try after its last match. `\d` is any decimal digit (`\p{Nd}`)
/// and `\s` any white space, as in ICU; words are compared in the lowercased text, as a
/// case-insensitive expression compares them.
///
/// Nil when lowercasing moved a character's bytes (a Kelvin sign, an `İ`): offsets in the lowercased
/// text would not be offsets in the text, and the caller runs the expressions. The tests hold each
/// scan to its expression on every sentence of the seeds and the sample content, on edge cases, and
/// on random mixes of the words, digits, separators and white space the expressions read.
///
/// ```swift
/// let sentence = "Báo cáo trước ngày 15/6/2025."
/// DatePhraseScanner.scan(sentence, lowercased: LowercaseBytes(sentence))?.due.first?.range  // "trước ngày 15/6/2025"
/// ```
enum DatePhraseScanner {
    /// The matches of each expression, in order; empty for one not looked for.
    struct Found {
        var due: [Pattern.Match] = []
        var range: [Pattern.Match] = []
        var monthPeriod: [Pattern.Match] = []
        var quarters: [Pattern.Match] = []
    }

    /// The phrases of `text` (`lowercased`, its ``LowercaseBytes``) that each expression asked for matches.
    static func scan(_ text: String, lowercased: LowercaseBytes, due: Bool = true, range: Bool = true, monthPeriod: Bool = true,
                     quarters: Bool = true) -> Found? {
        aligned(text, lowercased) { bytes in
            let walk = DatePhraseWalk(bytes: bytes)
            var dues = Tries(Self.dueStarts, asked: due), ranges = Tries(Self.rangeStarts, asked: range)
            var months = Tries(Self.monthStarts, asked: monthPeriod), quarterTries = Tries(Self.quarterStarts, asked: quarters)
            forEachPair(in: bytes) { offset, pair in
                dues.attempt(at: offset, pair: pair, in: text) { walk.due(at: $0).map { ($0, nil) } }
                ranges.attempt(at: offset, pair: pair, in: text) { walk.range(at: $0).map { ($0.end, $0.groups) } }
                months.attempt(at: offset, pair: pair, in: text) { walk.monthPeriod(at: $0).map { ($0.end, $0.groups) } }
                quarterTries.attempt(at: offset, pair: pair, in: text) { walk.quarters(at: $0).map { ($0.end, $0.groups) } }
            }
            return Found(due: dues.found, range: ranges.found, monthPeriod: months.found, quarters: quarterTries.found)
        }
    }

    /// `labels`' matches in `text`: what tells a sentence's periods apart once their dates are cut out
    /// (`6 tháng đầu năm`, `cả năm 2025`, `hằng năm`, `năm 2025`, `quý II`).
    static func labels(in text: String) -> [Pattern.Match]? {
        aligned(text, LowercaseBytes(text)) { bytes in
            let walk = DatePhraseWalk(bytes: bytes)
            var labels = Tries(Self.labelStarts)
            forEachPair(in: bytes) { offset, pair in labels.attempt(at: offset, pair: pair, in: text) { walk.label(at: $0).map { ($0, nil) } } }
            return labels.found
        }
    }

    /// The first two bytes of each expression's start words, as one number ("tr" is 0x7472): a start word is compared only there.
    /// "trước", "chậm nhất", "đến hết", "không muộn hơn", "hạn chót", "hạn cuối"; "từ", "bắt đầu từ"; "trong", "tháng"; "quý";
    /// and the labels' "6 tháng", "cả năm", "hằng năm", "hàng năm", "năm", "quý".
    private static let dueStarts: [UInt16] = [0x7472, 0x6368, 0xC491, 0x6B68, 0x68E1], rangeStarts: [UInt16] = [0x74E1, 0x62E1]
    private static let monthStarts: [UInt16] = [0x7472, 0x7468], quarterStarts: [UInt16] = [0x7175]
    private static let labelStarts: [UInt16] = [0x3620, 0x63E1, 0x68E1, 0x68C3, 0x6EC4, 0x7175]

    /// `body` with the lowercased text's bytes, when its characters start where the text's do; nil otherwise.
    private static func aligned<Result>(_ text: String, _ lowercased: LowercaseBytes, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var original = text
        return lowercased.withUnsafeBufferPointer { lowered in original.withUTF8 { Pattern.sameCharacterStarts($0, lowered) } ? body(lowered) : nil }
    }

    /// Each offset of `bytes` but the last, with the two bytes starting there as one number.
    private static func forEachPair(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, UInt16) -> Void) {
        for offset in bytes.indices where offset + 1 < bytes.count { body(offset, UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])) }
    }

    /// One expression's tries over a text: where the next may start (after its last match), and its matches so far.
    private struct Tries {
        let starts: [UInt16]
        var from: Int
        var found: [Pattern.Match] = []

        init(_ starts: [UInt16], asked: Bool = true) {
            self.starts = starts
            from = asked ? 0 : .max
        }

        /// Tries the expression (`match`: its end and groups) at `offset`, when a start word may begin there.
        mutating func attempt(at offset: Int, pair: UInt16, in text: String, _ match: (Int) -> (end: Int, groups: (Range<Int>, Range<Int>)?)?) {
            guard offset >= from, starts.contains(pair), let (end, groups) = match(offset) else { return }
            DatePhraseScanner.match(offset..<end, groups, in: text).map { found.append($0) }
            from = max(end, offset + 1)
        }
    }

    /// A match as ``CompiledExpression`` reports one: a range that does not start and end between
    /// characters is no range (a group) or no match (the whole).
    fileprivate static func match(_ whole: Range<Int>, _ groups: (Range<Int>, Range<Int>)?, in text: String) -> Pattern.Match? {
        func range(_ bytes: Range<Int>) -> Range<String.Index>? {
            guard let lower = String.Index(text.utf8.index(text.startIndex, offsetBy: bytes.lowerBound), within: text),
                  let upper = String.Index(text.utf8.index(text.startIndex, offsetBy: bytes.upperBound), within: text) else { return nil }
            return lower..<upper
        }
        guard let wholeRange = range(whole) else { return nil }
        guard let (first, second) = groups else { return Pattern.Match(range: wholeRange, groups: [text[wholeRange]]) }
        return Pattern.Match(range: wholeRange, groups: [text[wholeRange], range(first).map { text[$0] }, range(second).map { text[$0] }])
    }
}
