import Foundation

/// Folds Vietnamese text to the form people type on phones without diacritics:
/// lowercase, marks removed, and `đ` → `d` (which Unicode decomposition alone keeps).
///
/// ```swift
/// VietnameseFolding.fold("Đuối nước")  // "duoi nuoc"
/// VietnameseFolding.fold("Ia H’Drai")  // "ia h’drai"
/// ```
public enum VietnameseFolding {
    /// Latin letters with marks (U+00C0–U+024F, U+1E00–U+1EFF) → their lowercase base letter, built once.
    static let table: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [0x0110: "d", 0x0111: "d"]
        for range in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)), table[UInt32(value)] == nil else { continue }
                let base = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.first!
                if base.isASCII { table[UInt32(value)] = base }
            }
        }
        return table
    }()

    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var needsSlowPath = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                scalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar)
            } else if let base = table[value] {
                scalars.append(base)
            } else if (0x0300...0x036F).contains(value) {
                continue  // a combining mark: text that was not NFC
            } else {
                needsSlowPath = needsSlowPath || scalar.properties.changesWhenLowercased
                scalars.append(scalar)
            }
        }
        let folded = String(scalars)
        return needsSlowPath ? folded.lowercased() : folded
    }
}

/// URL slugs: folded, ASCII letters and digits joined by single hyphens.
///
/// ```swift
/// Slug.make("Kế hoạch 61/KH-UBND Sơn Tây")  // "ke-hoach-61-kh-ubnd-son-tay"
/// ```
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in VietnameseFolding.fold(text).unicodeScalars {
            let isWord = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWord {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
                if result.count >= maxLength { break }
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }
}
