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
/// DatePhraseScanner.scan(sentence, lowercased: sentence.lowercasedFast)?.due.first?.range  // "trước ngày 15/6/2025"
/// ```
enum DatePhraseScanner {
    /// The matches of each expression, in order; empty for one not looked for.
    struct Found {
        var due: [Pattern.Match] = []
        var range: [Pattern.Match] = []
        var monthPeriod: [Pattern.Match] = []
        var quarters: [Pattern.Match] = []
    }

    /// The phrases of `text` (`lowercased`, its ``StringProtocol/lowercasedFast``) that each expression asked for matches.
    static func scan(_ text: String, lowercased: String, due: Bool = true, range: Bool = true, monthPeriod: Bool = true,
                     quarters: Bool = true) -> Found? {
        var original = text, lower = lowercased
        return lower.withUTF8 { lowered in
            guard original.withUTF8({ Pattern.sameCharacterStarts($0, lowered) }) else { return nil }
            return walk(lowered, text: text, kinds: (due, range, monthPeriod, quarters))
        }
    }

    /// `labels`' matches in `text`: what tells a sentence's periods apart once their dates are cut out
    /// (`6 tháng đầu năm`, `cả năm 2025`, `hằng năm`, `năm 2025`, `quý II`).
    static func labels(in text: String) -> [Pattern.Match]? {
        var original = text, lower = text.lowercasedFast
        return lower.withUTF8 { lowered -> [Pattern.Match]? in
            guard original.withUTF8({ Pattern.sameCharacterStarts($0, lowered) }) else { return nil }
            let walk = DatePhraseWalk(bytes: lowered)
            var found: [Pattern.Match] = []
            var from = 0
            // "6 ", "cả", "hằ", "hà", "nă", "qu"
            for offset in lowered.indices where offset >= from && offset + 1 < lowered.count {
                let pair = UInt16(lowered[offset]) << 8 | UInt16(lowered[offset + 1])
                guard pair == 0x3620 || pair == 0x63E1 || pair == 0x68E1 || pair == 0x68C3 || pair == 0x6EC4 || pair == 0x7175,
                      let end = walk.label(at: offset) else { continue }
                match(offset..<end, nil, in: text).map { found.append($0) }
                from = max(end, offset + 1)
            }
            return found
        }
    }

    /// Every match of the kinds asked for: each kind is tried where one of its start words may begin and after its own last match.
    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>, text: String, kinds: (Bool, Bool, Bool, Bool)) -> Found {
        let walk = DatePhraseWalk(bytes: bytes)
        var found = Found()
        var dueFrom = kinds.0 ? 0 : Int.max, rangeFrom = kinds.1 ? 0 : Int.max, monthFrom = kinds.2 ? 0 : Int.max
        var quarterFrom = kinds.3 ? 0 : Int.max
        // Each start word is told by its first two bytes ("tr", "ch", "đ", "kh", "hạ"; "tư", "bắ"; "tr", "th"; "qu") before it is compared.
        for offset in bytes.indices where offset + 1 < bytes.count {
            let pair = UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
            // "trước", "chậm nhất", "đến hết", "không muộn hơn", "hạn chót", "hạn cuối"
            if offset >= dueFrom, pair == 0x7472 || pair == 0x6368 || pair == 0xC491 || pair == 0x6B68 || pair == 0x68E1,
               let end = walk.due(at: offset) {
                match(offset..<end, nil, in: text).map { found.due.append($0) }
                dueFrom = max(end, offset + 1)
            }
            // "từ", "bắt đầu từ"
            if offset >= rangeFrom, pair == 0x74E1 || pair == 0x62E1, let (end, groups) = walk.range(at: offset) {
                match(offset..<end, groups, in: text).map { found.range.append($0) }
                rangeFrom = max(end, offset + 1)
            }
            // "trong", "tháng"
            if offset >= monthFrom, pair == 0x7472 || pair == 0x7468, let (end, groups) = walk.monthPeriod(at: offset) {
                match(offset..<end, groups, in: text).map { found.monthPeriod.append($0) }
                monthFrom = max(end, offset + 1)
            }
            // "quý"
            if offset >= quarterFrom, pair == 0x7175, let (end, groups) = walk.quarters(at: offset) {
                match(offset..<end, groups, in: text).map { found.quarters.append($0) }
                quarterFrom = max(end, offset + 1)
            }
        }
        return found
    }

    /// A match as ``CompiledExpression`` reports one: a range that does not start and end between
    /// characters is no range (a group) or no match (the whole).
    private static func match(_ whole: Range<Int>, _ groups: (Range<Int>, Range<Int>)?, in text: String) -> Pattern.Match? {
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
