/// The kinds of administrative document and the type codes in their symbols
/// (Nghị định 30/2020/NĐ-CP, Phụ lục III).
public enum DocumentKinds {
    /// Kind names, longest first so "Chương trình hành động" wins over "Chương trình".
    public static let names: [String] = [
        "Chương trình hành động", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Kế hoạch", "Công văn",
        "Thông báo", "Hướng dẫn", "Báo cáo", "Tờ trình", "Chương trình", "Phương án", "Đề án", "Thông tư",
        "Công điện", "Biên bản", "Quy chế", "Quy định", "Văn bản", "Luật",
    ]

    /// Type code in a symbol → kind ("KH" in `61/KH-UBND`).
    public static let codes: [String: String] = [
        "KH": "Kế hoạch", "QĐ": "Quyết định", "CT": "Chỉ thị", "TB": "Thông báo", "HD": "Hướng dẫn",
        "BC": "Báo cáo", "TTr": "Tờ trình", "CTr": "Chương trình", "NQ": "Nghị quyết", "PA": "Phương án",
        "ĐA": "Đề án", "NĐ": "Nghị định", "TT": "Thông tư", "CĐ": "Công điện", "QC": "Quy chế", "QyĐ": "Quy định",
    ]

    /// The kind named by a title line in capitals ("KẾ HOẠCH" → "Kế hoạch").
    public static func kind(ofTitle text: String) -> String? {
        // A title line is short: a paragraph is rejected before anything is copied or lowercased.
        guard text.utf8.count <= longestName * 2 + 16 else { return nil }
        let folded = text.trimmed(" *_#:").lowercasedFast
        return zip(names, lowercasedNames).first { $0.1 == folded }?.0
    }
    private static let lowercasedNames = names.map { $0.lowercased() }
    private static let longestName = names.map(\.utf8.count).max() ?? 0

    /// The kind a symbol's type code names, or "Công văn" for a symbol without one (`UBND-VX`).
    public static func kind(ofSymbol symbol: String) -> String? {
        let code = symbol.split(separator: "-").first.map(String.init) ?? ""
        if let kind = codes[code] { return kind }
        if let slash = symbol.firstIndex(of: "/") { return codes[String(symbol[symbol.index(after: slash)...])] }
        return symbol.contains("-") ? "Công văn" : nil
    }
}

import Foundation
