/// White space as the extractors see it: runs collapsed to one space, ends trimmed.
///
/// ```swift
/// "  Phòng\u{00A0}Y  tế ".collapsingWhitespace  // "Phòng Y tế"
/// ```
extension StringProtocol {
    /// Collapses runs of white space to one space and trims the ends, as `Character.isWhitespace` sees them.
    var collapsingWhitespace: String {
        // Most texts have only single ASCII spaces inside and none at the ends: returned as they are.
        var plain = true
        var previousSpace = true
        for scalar in unicodeScalars {
            let value = scalar.value
            let space = value == 0x20
            if (!space && WhitespaceScalars.contains(value)) || (space && previousSpace) || (previousSpace && value >= 0x80 && !Self.isOwnCharacter(value)) {
                plain = false
                break
            }
            previousSpace = space
        }
        if plain && !previousSpace { return String(self) }
        return collapsedByScalars ?? collapsedByCharacters
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
