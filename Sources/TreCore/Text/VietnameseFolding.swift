import Foundation

/// Folds Vietnamese text to the form people type on phones without diacritics:
/// lowercase, marks removed, and `đ` → `d` (which Unicode decomposition alone keeps).
///
/// ```swift
/// VietnameseFolding.fold("Đuối nước")  // "duoi nuoc"
/// VietnameseFolding.fold("Ia H’Drai")  // "ia h’drai"
/// ```
public enum VietnameseFolding {
    /// Each Latin letter with marks (``LatinLetters``) → its lowercase ASCII base letter, or 0 when there is none.
    static let table: [UInt8] = LatinLetters.table { scalar in
        if scalar == "Đ" || scalar == "đ" { return UInt8(ascii: "d") }
        let base = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.first!
        return base.isASCII ? UInt8(base.value) : 0
    }

    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// ``fold(_:)`` as UTF-8 bytes, for readers that scan them (the search index's syllables).
    /// Walks the UTF-8 bytes, decoding only what is not ASCII; the folded text is never longer.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8(foldedBytes)
    }

    private static func foldedBytes(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let table = Self.table
        var needsSlowPath = false
        let bytes = [UInt8](unsafeUninitializedCapacity: utf8.count) { output, written in
            var index = 0, count = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    output[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    count += 1
                    index += 1
                    continue
                }
                // Valid UTF-8 (it is a String's): a lead byte and its continuation bytes.
                let (value, length) = UTF8Scalars.scalar(in: utf8, at: index)
                if let slot = LatinLetters.slot(of: value), table[slot] != 0 {
                    output[count] = table[slot]
                    count += 1
                } else if !(0x0300...0x036F).contains(value) {  // a combining mark (text that was not NFC) is dropped
                    needsSlowPath = needsSlowPath || Unicode.Scalar(value).map(\.properties.changesWhenLowercased) ?? false
                    for offset in 0..<length { output[count + offset] = utf8[index + offset] }
                    count += length
                }
                index += length
            }
            written = count
        }
        return needsSlowPath ? Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8) : bytes
    }
}

/// URL slugs: folded, ASCII letters and digits joined by single hyphens.
///
/// ```swift
/// Slug.make("Kế hoạch 61/KH-UBND Sơn Tây")  // "ke-hoach-61-kh-ubnd-son-tay"
/// ```
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        var result: [UInt8] = []
        var pendingHyphen = false
        for byte in VietnameseFolding.fold(text).utf8 {
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if isWord {
                if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(byte)
                if result.count >= maxLength { break }
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }
}
