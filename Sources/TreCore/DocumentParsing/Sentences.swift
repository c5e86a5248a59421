/// Splits a paragraph into sentences: at `.`, `!`, `?` (and `./.`) followed by
/// a space and a capital letter or `*`, never inside ( … ) or “ … ”. Abbreviations
/// like "TP." are rare enough in these documents to accept a wrong split now and then.
///
/// Scans UTF-8 bytes in place: every mark it looks for is ASCII or a curly quote, and only
/// the letter after a space is decoded. The sentences are slices of the paragraph, trimmed.
///
/// ```swift
/// Sentences.split("Báo cáo trước ngày 15/6. Gọi 111 (miễn phí. 24/7).")
/// // ["Báo cáo trước ngày 15/6.", "Gọi 111 (miễn phí. 24/7)."]
/// ```
enum Sentences {
    static func split(_ text: String) -> [Substring] {
        var copy = text
        // Sentences as UTF-8 offsets, trimmed of white space; native text shares its bytes with the copy.
        let ranges = copy.withUTF8 { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            func keep(_ start: Int, _ end: Int) {
                let (lower, upper) = UTF8Trim.ends(of: UnsafeBufferPointer(rebasing: bytes[start..<end]), stripping: nil)
                if lower < upper { ranges.append(start + lower..<start + upper) }
            }
            var start = 0, index = 0
            var depth = 0  // inside ( … ) or “ … ”, never split
            while index < bytes.count {
                // Every byte this loop acts on is one of six: the runs between them are skipped eight bytes at a time.
                index = nextMark(in: bytes, from: index)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    if depth > 0 { depth -= 1 }
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D {
                    // “ (E2 80 9C) opens, ” (E2 80 9D) closes.
                    if bytes[index + 2] == 0x9C { depth += 1 } else if depth > 0 { depth -= 1 }
                } else if depth == 0, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                    var end = index + 1
                    // "./." closes a document; "**" or "_" closes emphasis.
                    while end < bytes.count, bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: ".")
                            || bytes[end] == UInt8(ascii: "*") || bytes[end] == UInt8(ascii: "_") {
                        end += 1
                    }
                    if end == bytes.count { break }
                    if bytes[end] == UInt8(ascii: " "), startsSentence(bytes, at: end + 1) {
                        keep(start, end)
                        start = end + 1
                        index = start
                        continue
                    }
                }
                index += 1
            }
            if start < bytes.count { keep(start, bytes.count) }
            return ranges
        }
        return ranges.map { range in
            let lower = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
            return text[lower..<text.utf8.index(lower, offsetBy: range.count)]
        }
    }

    /// The offset of the next `(`, `)`, `.`, `!`, `?` or E2 (the first byte of “ and ”) at or after `start`.
    static func nextMark(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.first(in: bytes, from: start) { word in
            ByteWords.equal(word, UInt8(ascii: "(")) | ByteWords.equal(word, UInt8(ascii: ")")) | ByteWords.equal(word, UInt8(ascii: "."))
                | ByteWords.equal(word, UInt8(ascii: "!")) | ByteWords.equal(word, UInt8(ascii: "?")) | ByteWords.equal(word, 0xE2)
        }
    }

    /// Whether a capital letter or `*` is at `offset`.
    private static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "*") }
        guard let scalar = Unicode.Scalar(UTF8Scalars.scalar(in: bytes, at: offset).value) else { return false }
        return scalar.properties.isUppercase || scalar.properties.changesWhenLowercased
    }
}
