/// Skeletons for new content files (`tre new plan|directive|page`), in the
/// shape Nghị định 30/2020/NĐ-CP gives administrative documents, so that what
/// a publisher fills in is read back by Tre.
public enum ContentTemplates {
    public enum Kind: String, CaseIterable, Sendable {
        case plan, directive, page

        /// The file name's kind part: `kh`, `cv`, or none for a page.
        var code: String? {
            switch self {
            case .plan: "kh"
            case .directive: "cv"
            case .page: nil
            }
        }
    }

    /// `content/2026-kh-to-chuc-thang-hanh-dong.md`
    public static func fileName(kind: Kind, title: String, date: CalendarDate) -> String {
        let slug = Slug.make(title, maxLength: 50)
        guard let code = kind.code else { return (slug.isEmpty ? "trang-moi" : slug) + ".md" }
        return "\(date.year)-\(code)-\(slug.isEmpty ? "van-ban-moi" : slug).md"
    }

    /// New documents start as drafts; the line says how to publish.
    static let draftFrontMatter = "---\ndraft: true   # xóa dòng này để đăng\n---\n\n"
    static let issuerHeader = "ỦY BAN NHÂN DÂN  \nXÃ …\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \nĐộc lập - Tự do - Hạnh phúc"
    static let signature = "TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH\n\n…\n"

    public static func text(kind: Kind, title: String, date: CalendarDate) -> String {
        let quotedTitle = "\"" + title.replacingBytes("\\", with: "\\\\").replacingBytes("\"", with: "\\\"") + "\""
        let day = "ngày \(date.day < 10 ? "0" : "")\(date.day) tháng \(date.month) năm \(date.year)"
        switch kind {
        case .page:
            return """
                ---
                title: \(quotedTitle)
                layout: page
                draft: true   # xóa dòng này để đăng
                ---

                Nội dung trang. Viết bằng Markdown: đoạn văn cách nhau một dòng trống, `## Tiêu đề mục` cho tiêu đề.

                """
        case .plan:
            return """
                \(draftFrontMatter)\(issuerHeader)

                Số: …/KH-UBND

                …, \(day)

                ## KẾ HOẠCH

                ### \(title)

                Căn cứ …

                ## I. MỤC ĐÍCH, YÊU CẦU

                ### 1. Mục đích

                …

                ### 2. Yêu cầu

                …

                ## II. NHIỆM VỤ VÀ GIẢI PHÁP

                1. Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm \(date.year) với chủ đề “…”.

                - Cơ quan chủ trì: …
                - Cơ quan, đơn vị phối hợp thực hiện: …
                - Thời gian thực hiện: tháng 6/\(date.year).

                2. Truyền thông về Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111).

                - Cơ quan chủ trì: …
                - Cơ quan, đơn vị phối hợp thực hiện: …
                - Thời gian thực hiện: Thường xuyên trong năm.

                ## III. TỔ CHỨC THỰC HIỆN

                …

                ## IV. CHẾ ĐỘ BÁO CÁO

                Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã trước ngày 15/6/\(date.year) và trước ngày 15/12/\(date.year).

                Nơi nhận:

                - …;
                - Lưu: VT.

                \(signature)
                """
        case .directive:
            return """
                \(draftFrontMatter)\(issuerHeader)

                Số: …/UBND-VX

                V/v \(title)

                …, \(day)

                Kính gửi:

                - …;
                - ….

                Thực hiện …, Ủy ban nhân dân xã đề nghị:

                1. …

                2. Các cơ quan, đơn vị báo cáo kết quả về Ủy ban nhân dân xã trước ngày …/…/\(date.year).

                Nơi nhận:

                - Như trên;
                - Lưu: VT.

                \(signature)
                """
        }
    }
}
