import Foundation

/// A deterministic synthetic corpus of Vietnamese plans and directives shaped
/// like the real ones: header with issuer, number, place and date; the kind
/// and subject; sections; numbered tasks with lead and cooperating agencies
/// and timeframes; deadline sentences; hotline 111 and Action Month mentions;
/// citations of other documents in the corpus.
struct CorpusGenerator {
    /// SplitMix64: the same seed gives the same corpus on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    static let provinces = ["Kon Tum", "Quảng Ngãi", "Lai Châu", "Gia Lai", "Đắk Lắk", "Lào Cai", "Hà Giang", "Sơn La", "Điện Biên", "Nghệ An"]
    static let districts = ["Kon Rẫy", "Sơn Tây", "Ia H’Drai", "Sa Thầy", "Tân Uyên", "Mường Tè", "Ba Tơ", "Minh Long", "Tu Mơ Rông", "Đăk Glei",
                            "Phong Thổ", "Sìn Hồ", "Mù Cang Chải", "Bắc Hà", "Đồng Văn", "Mèo Vạc", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Con Cuông"]
    static let agencies = ["Phòng Y tế", "Trung tâm Y tế", "Phòng Giáo dục và Đào tạo", "Phòng Tư pháp", "Phòng Văn hóa, Khoa học và Thông tin",
                           "Công an huyện", "Huyện đoàn", "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Phòng Dân tộc và Tôn giáo",
                           "Hội Liên hiệp Phụ nữ huyện", "Ủy ban nhân dân các xã", "Văn phòng HĐND và UBND huyện", "Trung tâm Văn hóa - Thể thao"]
    static let duties = ["Tổ chức truyền thông về quyền trẻ em, kỹ năng làm cha mẹ và kỹ năng sống cho trẻ em đến từng thôn, bản",
                         "Triển khai các biện pháp phòng, chống tai nạn, thương tích, đặc biệt là đuối nước ở trẻ em trong dịp hè",
                         "Rà soát, hỗ trợ trẻ em có hoàn cảnh đặc biệt, trẻ em mồ côi, trẻ em bị bỏ rơi, không nơi nương tựa",
                         "Tăng cường kiểm tra, giám sát việc thực hiện pháp luật, chính sách về trẻ em tại các cơ sở chăm sóc trẻ em",
                         "Phòng ngừa, phát hiện và xử lý kịp thời các vụ việc bạo lực, xâm hại trẻ em trên môi trường mạng",
                         "Thu thập chỉ tiêu thống kê về tình hình trẻ em, cập nhật phần mềm quản lý thông tin trẻ em",
                         "Bảo đảm tiêm chủng đầy đủ, phòng, chống suy dinh dưỡng cho trẻ em dưới 5 tuổi",
                         "Giảm thiểu tình trạng trẻ em bỏ học, xây dựng trường học an toàn, thân thiện, không bạo lực học đường"]
    static let themes = [2019: "Chung tay vì trẻ em nghèo, trẻ em dân tộc thiểu số", 2020: "Chung tay bảo vệ trẻ em, phòng, chống xâm hại trẻ em",
                         2021: "Chung tay bảo đảm thực hiện quyền trẻ em, bảo vệ trẻ em trong thiên tai, dịch bệnh",
                         2022: "Chung tay bảo vệ trẻ em, hãy lên tiếng phòng, chống xâm hại, bạo lực trẻ em", 2023: "Chung tay giảm thiểu tổn hại trẻ em",
                         2024: "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em", 2025: "Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em"]

    /// File name → Markdown, for documents 0..<count.
    static func document(_ index: Int) -> (name: String, text: String) {
        var r = Random(state: UInt64(index) &* 7919 &+ 17)
        let year = 2019 + index % 7
        let district = r.pick(districts), province = r.pick(provinces)
        let isPlan = index % 3 != 0
        let number = index / 7 + 1
        let month = r.int(1...5), day = r.int(1...28)
        var text = "ỦY BAN NHÂN DÂN  \nHUYỆN \(district.uppercased())\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  \nĐộc lập - Tự do - Hạnh phúc\n\n"
        text += isPlan ? "Số: \(number)/KH-UBND\n\n" : "Số: \(number)/UBND-VX\n\n"
        text += "\(district), ngày \(day) tháng \(month) năm \(year)\n\n"
        let subject = "\(r.pick(["Triển khai", "Tổ chức", "Tăng cường"])) công tác trẻ em trên địa bàn huyện \(district) năm \(year) (số \(index))"
        if isPlan {
            text += "## KẾ HOẠCH\n\n### \(subject)\n\n"
        } else {
            text += "V/v \(subject.prefix(1).lowercased() + subject.dropFirst())\n\nKính gửi:\n\n- Các phòng, ban, ngành huyện;\n- Ủy ban nhân dân các xã.\n\n"
        }
        let cited = max(0, index - r.int(1...20))
        text += "Thực hiện Kế hoạch số \(cited / 7 + 1)/KH-UBND ngày \(r.int(1...28))/\(r.int(1...12))/\(year - 1) của UBND tỉnh \(province) và Chỉ thị số 28-CT/TW ngày 25/12/2023 của Bộ Chính trị về tăng cường công tác chăm sóc, giáo dục và bảo vệ trẻ em.\n\n"
        text += "## I. MỤC ĐÍCH, YÊU CẦU\n\n"
        for _ in 0..<r.int(2...4) {
            text += "- \(r.pick(duties)); bảo đảm mọi trẻ em được bảo vệ, chăm sóc và giáo dục, phát triển toàn diện về thể chất, trí tuệ, tinh thần, đạo đức và mối quan hệ xã hội.\n\n"
        }
        text += "## II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
        for task in 1...r.int(6...13) {
            text += "\(task). \(r.pick(duties)). Truyền thông rộng rãi về Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111) và các dịch vụ bảo vệ trẻ em.\n\n"
            text += "- Cơ quan chủ trì: \(r.pick(agencies)).\n- Cơ quan, đơn vị phối hợp thực hiện: \(r.pick(agencies)), \(r.pick(agencies)).\n"
            text += "- Thời gian thực hiện: \(r.pick(["Thường xuyên trong năm", "Quý II, IV năm \(year)", "tháng 6/\(year)", "Quý III/\(year)"])).\n\n"
        }
        text += "\(r.int(1...3) + 13). Tổ chức các hoạt động hưởng ứng Tháng hành động vì trẻ em năm \(year) với chủ đề “\(themes[year] ?? "")” từ ngày 01/6 đến ngày 30/6/\(year).\n\n"
        text += "## III. CHẾ ĐỘ BÁO CÁO\n\nCác cơ quan, đơn vị báo cáo kết quả thực hiện về \(r.pick(agencies)) trước ngày \(r.int(5...20))/6/\(year) và trước ngày \(r.int(5...20))/12/\(year) để tổng hợp, báo cáo Ủy ban nhân dân huyện.\n\n"
        text += "Định kỳ hằng quý, \(r.pick(agencies)) báo cáo trước ngày 20 của tháng cuối quý.\n\n"
        text += "Nơi nhận:\n\n- Sở Y tế tỉnh \(province);\n- Thường trực Huyện ủy;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN  \nKT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH\n\nNguyễn Văn \(r.pick(["An", "Bình", "Cường", "Dũng", "Hải"]))\n"
        return ("\(year)-\(isPlan ? "kh" : "cv")-\(String(format: "%05d", index)).md", text)
    }

    /// Writes documents 0..<count into `directory/content`.
    static func write(count: Int, to directory: URL) throws {
        let content = directory.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for index in 0..<count {
            let (name, text) = document(index)
            try text.write(to: content.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        try "title: Cổng thông tin bảo vệ trẻ em (thử tải)\nbaseURL: https://example.gov.vn/tre-em/\n"
            .write(to: directory.appendingPathComponent("site.yml"), atomically: false, encoding: .utf8)
    }
}
