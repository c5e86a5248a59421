import Foundation

/// Folds Vietnamese text to the form people type on phones without diacritics:
/// lowercase, marks removed, and `đ` → `d` (which Unicode decomposition alone keeps).
///
/// ```swift
/// VietnameseFolding.fold("Đuối nước")  // "duoi nuoc"
/// VietnameseFolding.fold("Ia H’Drai")  // "ia h’drai"
/// ```
public enum VietnameseFolding {
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining diacritical marks
            case 0x0111, 0x0110: scalars.append("d")  // đ Đ
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
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
