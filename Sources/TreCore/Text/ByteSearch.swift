import Foundation

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Foundation, no locale).
    /// Both sides should be NFC, as all of Tre's text is.
    func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }

    /// The range of the first occurrence of `needle`, comparing UTF-8 bytes.
    func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h -> Range<String.Index>? in
            needle.withUTF8 { n -> Range<String.Index>? in
                guard !n.isEmpty, n.count <= h.count else { return nil }
                let first = n[0]
                var offset = 0
                let last = h.count - n.count
                while offset <= last {
                    if h[offset] == first {
                        var k = 1
                        while k < n.count && h[offset + k] == n[k] { k += 1 }
                        if k == n.count {
                            let lower = self.utf8.index(self.utf8.startIndex, offsetBy: offset)
                            return lower..<self.utf8.index(lower, offsetBy: n.count)
                        }
                    }
                    offset += 1
                }
                return nil
            }
        }
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
        var text = String(self)
        guard text.containsBytes(target) else { return text }
        var result = ""
        while let range = text.byteRange(of: target) {
            result += text[..<range.lowerBound]
            result += replacement
            text = String(text[range.upperBound...])
        }
        return result + text
    }
}
