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

    /// Reads the next syllable into ``word``; false at the end. The bytes of a syllable are
    /// copied a run at a time: a run ends at an apostrophe (which joins) or at the syllable's end.
    mutating func next() -> Bool {
        // Worked on as locals (the buffer taken out, so it stays uniquely referenced), put back at the end.
        var index = self.index
        var word: [UInt8] = []
        swap(&word, &self.word)
        word.removeAll(keepingCapacity: true)
        defer {
            self.index = index
            self.word = word
        }
        return folded.withUnsafeBufferPointer { folded in
            let count = folded.count
            var run = -1  // where the current run of the syllable's bytes began
            while index < count {
                let byte = folded[index]
                let start = index
                let isPart: Bool
                let joins: Bool
                if byte < 0x80 {
                    index += 1
                    isPart = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    // An apostrophe joins a syllable: "H’Drai" is one word, "hdrai".
                    joins = byte == 0x27
                } else {
                    let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, count - index)
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(folded[index + offset] & 0x3F) }
                    let scalar = Unicode.Scalar(value) ?? " "
                    index += length
                    joins = scalar == "’" || scalar == "‘"
                    isPart = !joins && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
                }
                if isPart {
                    if run < 0 { run = start }
                    continue
                }
                if run >= 0 {
                    word.append(contentsOf: folded[run..<start])
                    run = -1
                }
                if !joins && !word.isEmpty { return true }
            }
            if run >= 0 { word.append(contentsOf: folded[run..<count]) }
            return !word.isEmpty
        }
    }
}
