/// Bytes looked at eight at a time, as one `UInt64` (SWAR): the escapers skip the long runs
/// of text that hold none of the bytes they escape without testing each byte.
///
/// A mask marks a byte by its high bit. Its lowest mark is exact; a mark above it may be
/// false (a borrow carried from the exact one), so only the lowest is ever read.
///
/// ```swift
/// // The first `<` or `&` in a text, or its length:
/// ByteWords.first(in: bytes, from: 0) { ByteWords.equal($0, 0x3C) | ByteWords.equal($0, 0x26) }
/// ```
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Marks the bytes of `word` that are zero.
    @inline(__always) static func zero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// Marks the bytes of `word` equal to `byte`.
    @inline(__always) static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ (ones &* UInt64(byte))) }

    /// Marks the bytes of `word` below `byte` (at most 0x80).
    @inline(__always) static func below(_ word: UInt64, _ byte: UInt8) -> UInt64 { (word &- ones &* UInt64(byte)) & ~word & highs }

    /// The offset of the first byte at or after `start` that `marks` marks; `bytes.count` when there is none.
    /// The last bytes, which fill no word, are each given to `marks` alone as the lowest byte of a word, whose mark is exact.
    @inline(__always)
    static func first(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ marks: (UInt64) -> UInt64) -> Int {
        var offset = start
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                // Little-endian order whatever the machine's: the first byte is the lowest.
                let marked = marks(UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)))
                if marked != 0 { return offset + marked.trailingZeroBitCount / 8 }
                offset += 8
            }
        }
        while offset < bytes.count, marks(UInt64(bytes[offset])) & 0x80 == 0 { offset += 1 }
        return offset
    }
}
