import Foundation

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Foundation, no locale).
    /// Both sides should be NFC, as all of Tre's text is.
    func containsBytes(_ needle: String) -> Bool { self[...].byteRange(of: needle) != nil }

    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes.
    func byteRange(of needle: String) -> Range<String.Index>? { self[...].byteRange(of: needle) }

    /// Whether the string holds a byte that `matches`, scanned in place (the `utf8` view's generic
    /// `contains(where:)` walks indexes, some ten times slower).
    func containsByte(where matches: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: matches) } ?? utf8.contains(where: matches)
    }

    /// Whether the string holds an ASCII digit.
    /// Looked for eight bytes at a time: a digit is the byte that XOR 0x30 leaves below 10.
    var containsASCIIDigit: Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            ByteWords.first(in: bytes, from: 0) { ByteWords.below($0 ^ (ByteWords.ones &* 0x30), 10) } < bytes.count
        } ?? containsByte { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The pieces between occurrences of `separator`, empty ones too, comparing UTF-8 bytes: what
    /// Foundation's `components(separatedBy:)` gives for NFC text, without bridging the string.
    func pieces(separatedBy separator: String) -> [Substring] {
        var pieces: [Substring] = []
        var rest = self[...]
        while let range = rest.byteRange(of: separator) {
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        pieces.append(rest)
        return pieces
    }
}

extension Substring {
    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes; indexes of the base string.
    func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var needle = needle
        let offset = haystack.withUTF8 { h in needle.withUTF8 { n in ByteSearch.firstOffset(of: n, in: h) } }
        guard let offset else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension StringProtocol {
    /// Trims white space (with no argument) or the given characters from both ends, without Foundation.
    /// Native text is walked as UTF-8 bytes from each end; an ending that needs no trim is not copied.
    func trimmed(_ characters: String? = nil) -> String {
        let ends = utf8.withContiguousStorageIfAvailable { bytes in UTF8Trim.ends(of: bytes, stripping: characters) }
        guard let (start, end) = ends else { return scalarTrimmed(characters) }
        if start == 0, end == utf8.count, let text = self as? String { return text }
        let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(utf8.startIndex, offsetBy: end)
        return String(self[lower..<upper])
    }

    /// ``trimmed(_:)`` one scalar at a time, for text without contiguous UTF-8 (and the tests).
    func scalarTrimmed(_ characters: String? = nil) -> String {
        let list = characters.map { Array($0.unicodeScalars) }
        func strip(_ scalar: Unicode.Scalar) -> Bool { list?.contains(scalar) ?? scalar.properties.isWhitespace }
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, strip(scalars[start]) { start = scalars.index(after: start) }
        while end > start, strip(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        // The bytes between are copied as they are, not re-encoded scalar by scalar.
        return String(decoding: self[start..<end].utf8, as: UTF8.self)
    }

    /// Replaces every occurrence of `target` by `replacement`, comparing UTF-8 bytes, without Foundation.
    func replacingBytes(_ target: String, with replacement: String) -> String {
        var rest = Substring(self)
        // Most texts hold no occurrence: they are returned as they are, sharing their storage.
        guard rest.byteRange(of: target) != nil else { return String(self) }
        var result = ""
        while let range = rest.byteRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// Where ``StringProtocol/trimmed(_:)`` cuts a text: UTF-8 offsets of its first and past its
/// last kept byte. ASCII bytes are checked as bytes; a longer scalar is decoded only at an end.
enum UTF8Trim {
    static func ends(of bytes: UnsafeBufferPointer<UInt8>, stripping characters: String?) -> (Int, Int) {
        func strip(_ value: UInt32) -> Bool {
            guard let characters else { return WhitespaceScalars.contains(value) }
            return characters.unicodeScalars.contains { $0.value == value }
        }
        var start = 0
        while start < bytes.count {
            let (value, length) = UTF8Scalars.scalar(in: bytes, at: start)
            guard strip(value) else { break }
            start += length
        }
        var end = bytes.count
        while end > start {
            let lead = UTF8Scalars.start(before: end, in: bytes)
            guard strip(UTF8Scalars.scalar(in: bytes, at: lead).value) else { break }
            end = lead
        }
        return (start, end)
    }
}

/// Byte searches shared by texts and byte arrays.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`; nil for an empty needle. The C library's
    /// vectorised memchr finds candidates by the needle's highest byte (a Vietnamese letter's, or a rare ASCII
    /// one), then memcmp checks them.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count, let hBase = haystack.baseAddress, let nBase = needle.baseAddress else { return nil }
        let pivot = needle.indices.max { needle[$0] < needle[$1] }!
        var start = pivot
        let end = haystack.count - (needle.count - pivot) + 1
        while start < end, let hit = memchr(hBase + start, Int32(needle[pivot]), end - start) {
            let candidate = UnsafeRawPointer(hit) - UnsafeRawPointer(hBase) - pivot
            if memcmp(hBase + candidate, nBase, needle.count) == 0 { return candidate }
            start = candidate + pivot + 1
        }
        return nil
    }
}
