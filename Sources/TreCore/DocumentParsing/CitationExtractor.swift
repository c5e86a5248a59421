/// Documents cited inline: `Kế hoạch số 83/KH-UBND ngày 06 tháng 5 năm 2025
/// của UBND huyện`, `Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị`,
/// `Quyết định 377/QĐ-UBND ngày 06/4/2021`.
public enum CitationExtractor {
    static let kinds = DocumentKinds.names.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    static let citation = Pattern(
        "(?<!\\p{L})(" + kinds + #")\s*(?:số\s*)?(\d{1,6}[a-z]?\s*[-/]\s*[\p{Lu}\p{Ll}Đđ&.]*[\p{Lu}Đ][\p{L}\d&.]*(?:\s*[-/]\s*[\p{L}\d&.]+)*)\s*,?\s*(?:ngày\s+)("# + DeadlineExtractor.date + ")" + #"(?:\s*(?:của|do)\s+([^,;()]+?))?(?=\s+(?:về|v/v|phê duyệt|ban hành|triển khai|thực hiện|tại)\b|\s+và\s+(?:"# + kinds + #"|các|Văn)|[,;.()“"\n]|$)"#,
        requiresWords: DocumentKinds.names.map { $0.lowercased() }, matchesStartWith: DocumentKinds.names.map { $0.lowercased() },
        admitsStart: mayBeNumbered)

    /// Whether a citation's number may follow a kind's name ending at `end` in a lowercased text (white
    /// space, maybe "số", white space, a digit): most mentions of a kind ("xây dựng kế hoạch", "theo Công
    /// văn này") are not citations, and are not tried.
    @Sendable static func mayBeNumbered(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        Pattern.numberMayFollow(bytes, after: end, spaceFirst: false, optional: afterKind)
    }
    private static let afterKind = [(word: Array("số".utf8), spaceAfter: false)]

    static let lowercaseKinds = DocumentKinds.names.map { (name: $0, lower: $0.lowercased()) }

    public static func extract(blocks: [DocumentOutline.Block], selfNumber: String?) -> [DocumentFacts.Citation] {
        var result: [DocumentFacts.Citation] = []
        var seen = Set<String>()
        // A citation has a symbol ("/" or "-") and a date ("ngày"): skip the regex elsewhere.
        for block in blocks where block.text.containsBytes("ngày") && block.text.containsByte { $0 == 0x2F } {
            for match in citation.matches(in: block.text) {
                guard let kindText = match[1], let numberText = match[2] else { continue }
                let number = numberText.removingWhitespace
                if let selfNumber, number == selfNumber { continue }
                let date = match[3].flatMap { DateExpression.all(in: String($0), defaultYear: nil).first?.date }
                let key = number + "|" + (date?.iso ?? "")
                guard seen.insert(key).inserted else { continue }
                let lowerKind = kindText.lowercasedFast
                let kind = lowercaseKinds.first { $0.lower == lowerKind }?.name ?? String(kindText)
                let issuer = match[4].map { AgencyNames.normalize(String($0)) }.flatMap { $0.isEmpty || $0.exceeds(characters: 90) ? nil : $0 }
                    ?? issuer(ofSymbol: number)
                result.append(DocumentFacts.Citation(kind: kind, number: number, date: date, issuer: issuer,
                                                     quote: String(block.text[match.range]).collapsingWhitespace, anchor: block.anchor))
            }
        }
        return result
    }

    /// Issuers that a symbol names unambiguously (`1481/BYT-BMTE` → Bộ Y tế).
    static let issuerCodes: [String: String] = [
        "BYT": "Bộ Y tế", "VPCP": "Văn phòng Chính phủ", "TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ",
        "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "LĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
        "BGDĐT": "Bộ Giáo dục và Đào tạo", "BCA": "Bộ Công an", "BTP": "Bộ Tư pháp", "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
        "BTC": "Bộ Tài chính", "BNV": "Bộ Nội vụ", "QH": "Quốc hội",
    ]

    static func issuer(ofSymbol number: String) -> String? {
        let parts = number.split(whereSeparator: { $0 == "/" || $0 == "-" }).dropFirst()
        return parts.lazy.compactMap { issuerCodes[String($0)] }.first
    }

    /// The key two mentions of one document share: number and symbol without spaces, upper-cased.
    public static func key(number: String) -> String {
        number.removingWhitespace.uppercased()
    }
}

import Foundation
