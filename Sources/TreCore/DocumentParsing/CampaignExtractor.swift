/// The Action Month for Children (Tháng hành động vì trẻ em) a document
/// organises, with the year and the theme exactly as the document states it,
/// and its mentions of the national child-protection hotline 111.
public enum CampaignExtractor {
    static let month = Pattern(#"Tháng hành động vì trẻ em"#)
    static let theme = Pattern(#"chủ đề\s*[:]?\s*\**\s*[“"]([^”"]{5,200})[”"]"#)
    static let year = Pattern(#"năm\s+((?:19|20)\d\d)(?!\d)"#)
    static let hotline = Pattern(#"(?<![\d.,/])111(?![\d/]|[.,]\d)"#, requires: ["111"])

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
            for sentence in Sentences.split(block.text) where hotline.contains(in: String(sentence)) {
                let lower = sentence.lowercasedFast
                if lower.containsBytes("tổng đài") || lower.containsBytes("đường dây") || lower.containsBytes("bảo vệ trẻ em") {
                    quotes.append(sentence.collapsingWhitespace)
                }
            }
        }
        return quotes
    }
}
