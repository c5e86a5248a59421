/// Length limits in characters (what a reader counts) without counting a whole text:
/// a text with no more UTF-8 bytes than the limit is within it, and a longer one is
/// walked only as far as the limit. `String.count` walks every grapheme, which is
/// most of the cost of an event summary or a clipped sentence.
///
/// ```swift
/// "Báo cáo kết quả".exceeds(characters: 10)          // true
/// "Báo cáo kết quả".clipped(to: 10, keeping: 7)    // "Báo cáo…"
/// ```
extension StringProtocol {
    /// True when the text has more than `limit` characters.
    func exceeds(characters limit: Int) -> Bool {
        guard utf8.count > limit else { return false }
        return index(startIndex, offsetBy: limit, limitedBy: endIndex).map { $0 != endIndex } ?? false
    }

    /// True when the text has at most `limit` characters.
    func fits(characters limit: Int) -> Bool { !exceeds(characters: limit) }

    /// The text itself when it has at most `limit` characters, else its first `keeping` characters and "…".
    func clipped(to limit: Int, keeping: Int) -> String {
        exceeds(characters: limit) ? String(prefix(keeping)) + "…" : String(self)
    }
}
