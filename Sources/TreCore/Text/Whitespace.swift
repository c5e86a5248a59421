/// White space as the extractors see it: runs collapsed to one space, ends trimmed.
///
/// ```swift
/// "  Phòng\u{00A0}Y  tế ".collapsingWhitespace  // "Phòng Y tế"
/// ```
extension StringProtocol {
    /// Collapses runs of white space to one space and trims the ends, as `Character.isWhitespace` sees them.
    var collapsingWhitespace: String {
        // Most texts have only single ASCII spaces inside and none at the ends: returned as they are.
        if keepsStartWhenCollapsed(.max) { return String(self) }
        return collapsedByScalars ?? collapsedByCharacters
    }

    /// The text without its white space, as `filter { !$0.isWhitespace }` makes it: "83 / KH-UBND" → "83/KH-UBND".
    /// A text with no byte that may start white space (ASCII's, or C2, E1, E2, E3 before a scalar beyond ASCII)
    /// is returned as it is, without its characters being told apart.
    var removingWhitespace: String {
        let mayHoldSpace = utf8.contains { byte in
            byte < 0x80 ? byte == 0x20 || (0x09...0x0D).contains(byte) : byte == 0xC2 || (0xE1...0xE3).contains(byte)
        }
        return mayHoldSpace ? String(filter { !$0.isWhitespace }) : String(self)
    }

    /// Whether ``collapsingWhitespace`` keeps the first `count` UTF-8 bytes as they are, told from those
    /// bytes alone: a check on a text's start need not collapse the whole text when this holds (with
    /// `.max`, whether collapsing changes nothing at all).
    func keepsStartWhenCollapsed(_ count: Int) -> Bool {
        utf8.withContiguousStorageIfAvailable { Self.isCollapsed($0, upTo: count) }
            ?? Array(utf8).withUnsafeBufferPointer { Self.isCollapsed($0, upTo: count) }
    }

    /// True when collapsing would change nothing: no white space but single spaces between other
    /// characters, none that a space before it could join (a mark after a space is a character of
    /// its own only together with it). ASCII is checked as bytes, other scalars decoded. With `limit`,
    /// only the bytes before it are looked at, and true means collapsing keeps them.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) -> Bool {
        var previousSpace = true
        var offset = 0
        let end = Swift.min(bytes.count, limit)
        while offset < end {
            let byte = bytes[offset]
            if byte < 0x80 {
                let space = byte == 0x20
                if space ? previousSpace : (0x09...0x0D).contains(byte) { return false }
                previousSpace = space
                offset += 1
                continue
            }
            let (value, length) = UTF8Scalars.scalar(in: bytes, at: offset)
            if WhitespaceScalars.contains(value) || (previousSpace && !isOwnCharacter(value)) { return false }
            previousSpace = false
            offset += length
        }
        return !previousSpace
    }

    /// Scalar by scalar, which equals the result by characters when every scalar is its own
    /// character: ASCII, Latin letters, general punctuation, white space. Nil otherwise.
    private var collapsedByScalars: String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            let value = scalar.value
            let space = WhitespaceScalars.contains(value)
            if space {
                pendingSpace = !bytes.isEmpty
                continue
            }
            guard value < 0x80 || Self.isOwnCharacter(value) else { return nil }
            if pendingSpace { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Non-ASCII scalars that never join a space into one character (no marks, joiners or prepends).
    private static func isOwnCharacter(_ value: UInt32) -> Bool {
        LatinLetters.slot(of: value) != nil || (0xA1...0xBF).contains(value) || (0x2010...0x205E).contains(value)
    }

    private var collapsedByCharacters: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

/// Unicode's White_Space property, by scalar value, without the property lookup.
enum WhitespaceScalars {
    static func contains(_ value: UInt32) -> Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : isOther(value)
    }

    private static func isOther(_ value: UInt32) -> Bool {
        value == 0x85 || value == 0xA0 || value == 0x1680 || (0x2000...0x200A).contains(value)
            || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
    }
}
