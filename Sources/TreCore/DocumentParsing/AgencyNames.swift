/// Agency names as documents write them, normalised so one agency is one
/// agency across documents: `UBND` = `Ủy ban nhân dân`, `Uỷ` = `Ủy`,
/// `Phòng GD&ĐT` = `Phòng Giáo dục và Đào tạo`.
///
/// ```swift
/// AgencyNames.normalize("UBND các xã")              // "Ủy ban nhân dân các xã"
/// AgencyNames.split("Trung tâm Y tế, Phòng Văn hóa, Khoa học và Thông tin")
/// // ["Trung tâm Y tế", "Phòng Văn hóa, Khoa học và Thông tin"]
/// ```
public enum AgencyNames {
    static let abbreviations: [(String, String)] = [
        ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"),
        ("GD&ĐT", "Giáo dục và Đào tạo"), ("GDĐT", "Giáo dục và Đào tạo"), ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
        ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"), ("VHTT", "Văn hóa và Thông tin"), ("TC-KH", "Tài chính - Kế hoạch"),
        ("Uỷ", "Ủy"), ("uỷ", "ủy"), ("Hoá", "Hóa"), ("hoá", "hóa"), ("Hoà", "Hòa"), ("hoà", "hòa"), ("Thuỷ", "Thủy"), ("thuỷ", "thủy"),
        ("–", "-"),
    ]

    /// Words an agency's name starts with.
    static let heads = ["Ủy ban", "Uỷ ban", "UBND", "HĐND", "Hội đồng", "Sở", "Phòng", "Bộ", "Trung tâm", "Công an", "Văn phòng",
                        "Ban", "Hội", "Huyện đoàn", "Tỉnh đoàn", "Đoàn", "Tòa án", "Toà án", "Viện", "Cục", "Chi cục", "Các", "các",
                        "Thường trực", "Bộ Chính trị", "Thủ tướng", "Chính phủ", "Đài", "Trường", "Quỹ", "Mặt trận", "Liên đoàn",
                        "Bảo hiểm", "Chủ tịch", "Trạm", "Bệnh viện", "Cơ quan", "Tổ chức", "Tổng cục"]

    /// Agency names repeat across thousands of documents: normalise each spelling once.
    private static let cache = NormalizeCache()

    public static func normalize(_ name: String) -> String {
        if let known = cache.get(name) { return known }
        let result = computeNormalized(name)
        cache.set(name, result)
        return result
    }

    static func computeNormalized(_ name: String) -> String {
        var text = name.collapsingWhitespace
        for (short, long) in abbreviations where text.containsBytes(short) { text = replaceWord(short, with: long, in: text) }
        text = text.trimmed(" .;,:-(")
        if text.hasPrefix("các ") { text = "Các " + text.dropFirst(4) }
        return text
    }

    /// A key that is equal for two spellings of one agency.
    public static func key(_ name: String) -> String { Slug.make(normalize(name), maxLength: 120) }

    /// Whether a text starts with an agency's head word ("Phòng …", "Ủy ban …") or is one.
    /// Compares UTF-8 bytes (texts are NFC), since it runs on every sentence.
    public static func startsWithHead(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            headBytes.contains { head in
                guard bytes.count >= head.count, bytes.prefix(head.count).elementsEqual(head) else { return false }
                return bytes.count == head.count || bytes[head.count] == UInt8(ascii: " ")
            }
        }
    }
    private static let headBytes = heads.map { Array($0.utf8) }
    /// How many of a text's first UTF-8 bytes ``startsWithHead(_:)`` looks at, at most: the longest head and the byte after it.
    static let headCheckLength = headBytes.map(\.count).max()! + 1

    /// Splits a list of agencies at commas and semicolons, but not inside a
    /// name ("Phòng Văn hóa, Khoa học và Thông tin" stays whole).
    public static func split(_ list: String) -> [String] {
        var parts: [String] = []
        var groupParts: [String] = []
        // "," and ";" are one byte each and, in NFC text, characters of their own: one walk over
        // the bytes cuts groups at ";" and pieces at ",", empty ones left out.
        let utf8 = list.utf8
        var pieceStart = utf8.startIndex
        func endPiece(at end: String.Index) {
            guard pieceStart < end else { return }
            let trimmed = Substring(utf8[pieceStart..<end]).trimmed()
            if groupParts.isEmpty || startsWithHead(Substring(trimmed)) {
                groupParts.append(trimmed)
            } else {
                groupParts[groupParts.count - 1] += ", " + trimmed
            }
        }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
                endPiece(at: index)
                if byte == UInt8(ascii: ";") {
                    parts += groupParts
                    groupParts = []
                }
                pieceStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        endPiece(at: utf8.endIndex)
        parts += groupParts
        return parts.map { normalize($0.trimmed(" .;")) }.filter { !$0.isEmpty }
    }

    private static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.byteRange(of: word) {
            let before = rest[..<range.lowerBound]
            let beforeOK = before.last.map { !$0.isLetter && !$0.isNumber } ?? (result.last.map { !$0.isLetter } ?? true)
            let afterOK = range.upperBound == rest.endIndex || !(rest[range.upperBound].isLetter || rest[range.upperBound].isNumber)
            result += before
            result += beforeOK && afterOK ? replacement : word
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

import Foundation

/// A small thread-safe memo for ``AgencyNames/normalize(_:)``, keyed by the name's bytes (``UTF8Key``):
/// a `String` key is hashed by its normalised form, and agency names are not ASCII.
final class NormalizeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UTF8Key: String] = [:]
    func get(_ key: String) -> String? { lock.lock(); defer { lock.unlock() }; return values[UTF8Key(key)] }
    func set(_ key: String, _ value: String) { lock.lock(); if values.count < 100_000 { values[UTF8Key(key)] = value }; lock.unlock() }
}
