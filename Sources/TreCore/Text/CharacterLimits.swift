/// Length limits in characters (what a reader counts) without counting a whole text:
/// a text with no more UTF-8 bytes than the limit is within it, and a longer one is
/// walked only as far as the limit. `String.count` walks every grapheme, which is
/// most of the cost of an event summary or a clipped sentence.
///
/// ```swift
/// "Báo cáo kết quả".exceeds(characters: 10)          // true
/// "Báo cáo kết quả".clipped(to: 10, keeping: 7)    // "Báo cáo…"
/// ```
extension StringProtocol {
    /// True when the text has more than `limit` characters.
    func exceeds(characters limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        return characterIndex(after: limit).map { $0 != endIndex } ?? false
    }

    /// True when the text has at most `limit` characters.
    func fits(characters limit: Int) -> Bool { !exceeds(characters: limit) }

    /// The text itself when it has at most `limit` characters, else its first `keeping` characters and "…".
    func clipped(to limit: Int, keeping: Int) -> String {
        guard exceeds(characters: limit), let end = characterIndex(after: keeping) else { return String(self) }
        return String(self[..<end]) + "…"
    }

    /// `index(startIndex, offsetBy: count, limitedBy: endIndex)`, walking scalars instead of
    /// graphemes while every scalar is a character of its own (Vietnamese text in NFC nearly
    /// always is); at the first scalar that may join another it asks the grapheme walk.
    /// Native text is walked as UTF-8 bytes, decoding only the letters beyond ASCII.
    func characterIndex(after count: Int) -> Index? {
        switch utf8.withContiguousStorageIfAvailable({ UTF8ScalarWalk.walk($0, count: count) }) {
        case .found(let offset)?: return utf8.index(utf8.startIndex, offsetBy: offset)
        case .tooShort?: return nil
        case .joining?: return self.index(startIndex, offsetBy: count, limitedBy: endIndex)
        case nil: break
        }
        let scalars = unicodeScalars
        var index = scalars.startIndex
        var seen = 0
        while index != scalars.endIndex {
            guard UTF8ScalarWalk.standsAlone(scalars[index].value) else { return self.index(startIndex, offsetBy: count, limitedBy: endIndex) }
            if seen == count { return index }
            seen += 1
            index = scalars.index(after: index)
        }
        return seen == count ? endIndex : nil
    }
}

/// Where a walk over UTF-8 bytes to the `count`th character ended: at a byte offset, past the
/// end, or at a scalar that may join its neighbour, where only the grapheme walk can tell.
enum UTF8ScalarWalk {
    case found(Int), tooShort, joining

    static func walk(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UTF8ScalarWalk {
        var offset = 0
        var seen = 0
        while offset < bytes.count {
            let (value, length) = UTF8Scalars.scalar(in: bytes, at: offset)
            // Beyond the BMP (emoji and their joiners) nothing stands alone either.
            guard standsAlone(value) else { return .joining }
            if seen == count { return .found(offset) }
            seen += 1
            offset += length
        }
        return seen == count ? .found(bytes.count) : .tooShort
    }

    /// Scalars that are a grapheme on their own whatever stands around them: no combining
    /// marks, joiners, CR (of CR LF), Hangul, emoji or regional indicators.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x0D: false
        case 0..<0x300, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F: true
        default: false
        }
    }
}
