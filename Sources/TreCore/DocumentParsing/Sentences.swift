/// Splits a paragraph into sentences: at `.`, `!`, `?` (and `./.`) followed by
/// a space and a capital letter or `*`, never inside ( … ) or “ … ”. Abbreviations
/// like "TP." are rare enough in these documents to accept a wrong split now and then.
///
/// Scans UTF-8 bytes: every mark it looks for is ASCII or a curly quote, and only
/// the letter after a space is decoded.
///
/// ```swift
/// Sentences.split("Báo cáo trước ngày 15/6. Gọi 111 (miễn phí. 24/7).")
/// // ["Báo cáo trước ngày 15/6.", "Gọi 111 (miễn phí. 24/7)."]
/// ```
enum Sentences {
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var index = utf8.startIndex
        var depth = 0  // inside ( … ) or “ … ”, never split
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                if depth > 0 { depth -= 1 }
            } else if byte == 0xE2, let quote = curlyQuote(utf8, at: index) {
                if quote == 0x9C { depth += 1 } else if depth > 0 { depth -= 1 }
            } else if depth == 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                var end = utf8.index(after: index)
                // "./." closes a document; "**" or "_" closes emphasis.
                while end < utf8.endIndex, utf8[end] == UInt8(ascii: "/") || utf8[end] == UInt8(ascii: ".")
                        || utf8[end] == UInt8(ascii: "*") || utf8[end] == UInt8(ascii: "_") {
                    end = utf8.index(after: end)
                }
                if end == utf8.endIndex { break }
                if utf8[end] == UInt8(ascii: " "), startsSentence(text, at: utf8.index(after: end)) {
                    result.append(text[start..<end])
                    start = utf8.index(after: end)
                    index = start
                    continue
                }
            }
            index = utf8.index(after: index)
        }
        if start < utf8.endIndex { result.append(text[start...]) }
        return result.map { $0.trimmed()[...] }.filter { !$0.isEmpty }.map { Substring($0) }
    }

    /// 0x9C for “, 0x9D for ”, at a byte 0xE2.
    private static func curlyQuote(_ utf8: String.UTF8View, at index: String.Index) -> UInt8? {
        let second = utf8.index(after: index)
        guard second < utf8.endIndex, utf8[second] == 0x80 else { return nil }
        let third = utf8.index(after: second)
        guard third < utf8.endIndex, utf8[third] == 0x9C || utf8[third] == 0x9D else { return nil }
        return utf8[third]
    }

    private static func startsSentence(_ text: String, at index: String.Index) -> Bool {
        guard index < text.utf8.endIndex else { return false }
        let byte = text.utf8[index]
        if byte < 0x80 { return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "*") }
        guard let scalar = text.unicodeScalars[index...].first else { return false }
        return scalar.properties.isUppercase || scalar.properties.changesWhenLowercased
    }
}
