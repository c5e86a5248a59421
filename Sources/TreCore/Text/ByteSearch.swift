import Foundation

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Foundation, no locale).
    /// Both sides should be NFC, as all of Tre's text is.
    func containsBytes(_ needle: String) -> Bool { self[...].byteRange(of: needle) != nil }

    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes.
    func byteRange(of needle: String) -> Range<String.Index>? { self[...].byteRange(of: needle) }
}

extension Substring {
    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes; indexes of the base string.
    func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var needle = needle
        let offset = haystack.withUTF8 { h -> Int? in
            needle.withUTF8 { n -> Int? in
                guard !n.isEmpty, n.count <= h.count, let hBase = h.baseAddress, let nBase = n.baseAddress else { return nil }
                // The C library's vectorised memchr finds candidates by the needle's highest byte
                // (a Vietnamese letter's, or a rare ASCII one), then memcmp checks them.
                let pivot = n.indices.max { n[$0] < n[$1] }!
                var start = pivot
                let end = h.count - (n.count - pivot) + 1
                while start < end, let hit = memchr(hBase + start, Int32(n[pivot]), end - start) {
                    let candidate = UnsafeRawPointer(hit) - UnsafeRawPointer(hBase) - pivot
                    if memcmp(hBase + candidate, nBase, n.count) == 0 { return candidate }
                    start = candidate + pivot + 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

extension StringProtocol {
    /// Trims white space (with no argument) or the given characters from both ends, without Foundation.
    func trimmed(_ characters: String? = nil) -> String {
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
