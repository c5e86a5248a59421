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
