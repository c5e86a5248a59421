/// Reads the folded syllables of a text one at a time, as UTF-8 bytes:
/// "Tổng đài 111" → `tong`, `dai`, `111`; "Ia H’Drai" → `ia`, `hdrai` (an apostrophe joins).
/// The text is folded once (``VietnameseFolding``); after folding nearly every byte is ASCII.
///
/// ```swift
/// var reader = SyllableReader("Tổng đài 111")
/// while reader.next() { print(String(decoding: reader.word, as: UTF8.self)) }
/// ```
struct SyllableReader {
    private let folded: [UInt8]
    private var index = 0
    /// The syllable ``next()`` read.
    private(set) var word: [UInt8] = []

    init(_ text: String) {
        folded = VietnameseFolding.foldedBytes(text)
        word.reserveCapacity(32)
    }

    /// Reads the next syllable into ``word``; false at the end.
    mutating func next() -> Bool {
        word.removeAll(keepingCapacity: true)
        let count = folded.count
        while index < count {
            let byte = folded[index]
            if byte < 0x80 {
                index += 1
                // An apostrophe joins a syllable: "H’Drai" is one word, "hdrai".
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    word.append(byte)
                } else if byte != 0x27, !word.isEmpty {
                    break
                }
                continue
            }
            let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, count - index)
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(folded[index + offset] & 0x3F) }
            let scalar = Unicode.Scalar(value) ?? " "
            let start = index
            index += length
            if scalar == "’" || scalar == "‘" {
                // joins, like the ASCII apostrophe
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(contentsOf: folded[start..<start + length])
            } else if !word.isEmpty {
                break
            }
        }
        return !word.isEmpty
    }
}
