/// Decoding scalars straight from a text's UTF-8 bytes, for the walks that look at a few
/// scalars of a text (its ends, a limit) or copy its ASCII runs as they are.
///
/// ```swift
/// "Sở Y tế".utf8.withContiguousStorageIfAvailable { UTF8Scalars.scalar(in: $0, at: 1) }   // (0x1EDF "ở", 3)
/// ```
enum UTF8Scalars {
    /// The scalar value starting at `offset` of valid UTF-8, and its length in bytes.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        return (UInt32(lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                    | UInt32(bytes[offset + 3] & 0x3F), 4)
    }

    /// The offset where the scalar ending just before `end` starts (back over continuation bytes).
    static func start(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lead = end - 1
        while bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return lead
    }
}
