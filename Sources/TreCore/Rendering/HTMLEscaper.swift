/// HTML escaping that works on UTF-8 bytes, not on `Character`s.
///
/// Escaping per `Character` (as swift-mustache did) lets a `"` followed by a
/// combining mark (U+0301), one grapheme, slip through unescaped. Escaping
/// bytes has no such hole and is faster.
///
/// ```swift
/// HTMLEscaper.escape("a\"\u{301} <b>")  // "a&quot;\u{301} &lt;b&gt;"
/// ```
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        guard mayNeedEscape(text) else { return text }
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count + 16)
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text`'s UTF-8 bytes, escaped, to `output`: the runs between special bytes are copied whole.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &output) }
    }

    /// Appends UTF-8 `bytes`, escaped, to `output`. The next byte to escape is looked for eight bytes at a time.
    static func append(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var run = 0
        var index = nextToEscape(in: bytes, from: 0)
        while index < bytes.count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            switch bytes[index] {
            case UInt8(ascii: "&"): output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            default: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            }
            run = index + 1
            index = nextToEscape(in: bytes, from: run)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// The offset of the first byte at or after `start` that is escaped; `bytes.count` when none is.
    static func nextToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.first(in: bytes, from: start) { word in
            ByteWords.equal(word, UInt8(ascii: "&")) | ByteWords.equal(word, UInt8(ascii: "<")) | ByteWords.equal(word, UInt8(ascii: ">"))
                | ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "'"))
        }
    }

    /// Whether the text holds a byte to escape, found as ``nextToEscape(in:from:)`` finds it.
    private static func mayNeedEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { nextToEscape(in: $0, from: 0) < $0.count }
    }
}
