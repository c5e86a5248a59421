/// Reads the folded syllables of a text one at a time, as UTF-8 bytes:
/// "Tổng đài 111" → `tong`, `dai`, `111`; "Ia H’Drai" → `ia`, `hdrai` (an apostrophe joins).
/// The text is folded once (``VietnameseFolding``); after folding nearly every byte is ASCII.
///
/// ```swift
/// SyllableReader.forEachSyllable(in: "Tổng đài 111") { print(String(decoding: $0, as: UTF8.self)) }
/// ```
enum SyllableReader {
    /// Calls `body` with each syllable's bytes, in order: a view of the folded text itself, or, for a
    /// syllable an apostrophe joins, of its runs put together. The bytes are valid only during the call.
    static func forEachSyllable(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let folded = VietnameseFolding.foldedBytes(text)
        // The syllable read so far: one run of the folded text, or runs copied into `joined`.
        var single: Range<Int>?
        var joined: [UInt8] = []
        var isJoined = false
        folded.withUnsafeBufferPointer { folded in
            func add(_ run: Range<Int>) {
                if isJoined {
                    joined.append(contentsOf: folded[run])
                } else if let first = single {
                    joined.append(contentsOf: folded[first])
                    joined.append(contentsOf: folded[run])
                    isJoined = true
                    single = nil
                } else {
                    single = run
                }
            }
            func finish() {
                if isJoined {
                    joined.withUnsafeBufferPointer(body)
                    joined.removeAll(keepingCapacity: true)
                    isJoined = false
                } else if let run = single {
                    body(UnsafeBufferPointer(rebasing: folded[run]))
                    single = nil
                }
            }
            let count = folded.count
            var index = 0
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
                    add(run..<start)
                    run = -1
                }
                if !joins { finish() }
            }
            if run >= 0 { add(run..<count) }
            finish()
        }
    }
}
