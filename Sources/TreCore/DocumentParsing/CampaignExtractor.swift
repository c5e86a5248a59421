/// The Action Month for Children (Tháng hành động vì trẻ em) a document
/// organises, with the year and the theme exactly as the document states it,
/// and its mentions of the national child-protection hotline 111.
public enum CampaignExtractor {
    static let month = Pattern(#"Tháng hành động vì trẻ em"#)
    static let theme = Pattern(#"chủ đề\s*[:]?\s*\**\s*[“"]([^”"]{5,200})[”"]"#)
    static let year = Pattern(#"năm\s+((?:19|20)\d\d)(?!\d)"#)

    public static func actionMonth(in blocks: [DocumentOutline.Block], documentYear: Int?) -> DocumentFacts.ActionMonth? {
        var best: DocumentFacts.ActionMonth?
        for block in blocks where block.text.containsBytes("hành động vì trẻ em") {
            for sentence in Sentences.split(block.text) {
                let text = String(sentence)
                guard let mention = month.firstMatch(in: text) else { continue }
                let after = String(text[mention.range.upperBound...])
                let themeMatch = theme.firstMatch(in: after)
                let beforeTheme = themeMatch.map { String(after[..<$0.range.lowerBound]) } ?? String(after.prefix(60))
                let y = year.firstMatch(in: beforeTheme)?[1].flatMap { Int($0) } ?? documentYear
                let found = DocumentFacts.ActionMonth(year: y, theme: themeMatch?[1].map { $0.collapsingWhitespace }, quote: text.collapsingWhitespace)
                if best == nil || (best?.theme == nil && found.theme != nil) { best = found }
            }
        }
        return best
    }

    public static func hotlineMentions(in blocks: [DocumentOutline.Block]) -> [String] {
        var quotes: [String] = []
        for block in blocks where block.text.containsBytes("111") {
            for sentence in Sentences.split(block.text) where mentionsHotlineNumber(sentence) {
                let lower = LowercaseBytes(sentence)
                if lower.contains("tổng đài") || lower.contains("đường dây") || lower.contains("bảo vệ trẻ em") {
                    quotes.append(sentence.collapsingWhitespace)
                }
            }
        }
        return quotes
    }

    /// Whether `text` holds 111 as a number of its own: not inside a longer number
    /// (`1111`, `111.000`, `1,111`, `111,5`) nor a document number (`111/UBND-VX`).
    /// What the expression `(?<![\d.,/])111(?![\d/]|[.,]\d)` found, read from the bytes (a test
    /// holds the two together): a digit is any decimal digit, as `\d` is, and, as when the
    /// expression's first match was taken back to the text, a 111 that starts or ends inside a
    /// character (`111` and a combining mark) is not one, and no later 111 is looked for.
    static func mentionsHotlineNumber(_ text: Substring) -> Bool {
        var bytes = text
        let found = bytes.withUTF8 { bytes -> Int? in
            func isDigit(_ value: UInt32) -> Bool {
                value < 0x80 ? value >= 0x30 && value <= 0x39 : Unicode.Scalar(value)?.properties.numericType == .decimal
            }
            var offset = 0
            while offset + 3 <= bytes.count {
                defer { offset += 1 }
                guard bytes[offset] == 0x31, bytes[offset + 1] == 0x31, bytes[offset + 2] == 0x31 else { continue }
                if offset > 0 {
                    let before = UTF8Scalars.scalar(in: bytes, at: UTF8Scalars.start(before: offset, in: bytes)).value
                    if isDigit(before) || before == 0x2E || before == 0x2C || before == 0x2F { continue }
                }
                let after = offset + 3
                if after < bytes.count {
                    let (next, length) = UTF8Scalars.scalar(in: bytes, at: after)
                    if isDigit(next) || next == 0x2F { continue }
                    if (next == 0x2E || next == 0x2C) && after + length < bytes.count
                        && isDigit(UTF8Scalars.scalar(in: bytes, at: after + length).value) { continue }
                }
                return offset
            }
            return nil
        }
        guard let found else { return false }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: found)
        return String.Index(start, within: text) != nil && String.Index(text.utf8.index(start, offsetBy: 3), within: text) != nil
    }
}
