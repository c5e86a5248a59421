import Testing
@testable import TreCore

/// Headers written for these tests: a commune, a ministry, a Party directive, a decision.
@Suite("Document headers in other forms")
struct HeaderExtractorTests {
    func facts(_ markdown: String) -> DocumentFacts { DocumentAnalyzer().analyze(markdown: markdown).facts }

    @Test func aCommunePlan() {
        let f = facts("ỦY BAN NHÂN DÂN  \nXÃ TÂN PHÚ\n\nSố: 45/KH-UBND\n\nTân Phú, ngày 12 tháng 02 năm 2026\n\n## KẾ HOẠCH\n\n### Tổ chức Tháng hành động vì trẻ em năm 2026\n\nNội dung.\n")
        #expect(f.kind == "Kế hoạch")
        #expect(f.number == "45/KH-UBND")
        #expect(f.issuer == "Ủy ban nhân dân xã Tân Phú")
        #expect(f.issuerLevel == "xã")
        #expect(f.place == "Tân Phú")
        #expect(f.date?.iso == "2026-02-12")
        #expect(f.subject == "Tổ chức Tháng hành động vì trẻ em năm 2026")
        #expect(f.year == 2026)
    }

    @Test func aMinistryLetter() {
        let f = facts("BỘ Y TẾ\n\nSố: 1481/BYT-BMTE  \nV/v hướng dẫn nhiệm vụ trọng tâm công tác trẻ em năm 2025\n\nHà Nội, ngày 14 tháng 3 năm 2025\n\nKính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\nNội dung.\n")
        #expect(f.kind == "Công văn")
        #expect(f.number == "1481/BYT-BMTE")
        #expect(f.issuer == "Bộ Y tế")
        #expect(f.issuerLevel == "trung ương")
        #expect(f.place == "Hà Nội")
        #expect(f.subject == "V/v hướng dẫn nhiệm vụ trọng tâm công tác trẻ em năm 2025")
        #expect(f.recipients == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])
    }

    @Test func aPartyDirectiveNumber() {
        let f = facts("Số: 28-CT/TW\n\nHà Nội, ngày 25 tháng 12 năm 2023\n\n## CHỈ THỊ\n\n### Về tăng cường công tác chăm sóc trẻ em\n")
        #expect(f.kind == "Chỉ thị")
        #expect(f.number == "28-CT/TW")
        #expect(f.date?.iso == "2023-12-25")
    }

    @Test func theKindComesFromTheSymbolWhenNoTitleSaysIt() {
        let f = facts("Số: 377/QĐ-UBND\n\nLai Châu, ngày 06 tháng 4 năm 2021\n\nVăn bản.\n")
        #expect(f.kind == "Quyết định")
    }

    @Test func frontMatterWins() {
        var matter = FrontMatter()
        matter.kind = "Thông báo"
        matter.date = CalendarDate(year: 2026, month: 1, day: 2)
        matter.issuer = "Ủy ban nhân dân phường Hòa Bình"
        let f = DocumentAnalyzer().analyze(markdown: "Số: 3/KH-UBND\n\nHòa Bình, ngày 05 tháng 01 năm 2026\n", frontMatter: matter).facts
        #expect(f.kind == "Thông báo")
        #expect(f.date?.iso == "2026-01-02")
        #expect(f.issuerLevel == "xã")
    }

    @Test func agenciesAreNormalised() {
        #expect(AgencyNames.normalize("UBND các xã") == "Ủy ban nhân dân các xã")
        #expect(AgencyNames.normalize("Uỷ ban nhân dân huyện") == "Ủy ban nhân dân huyện")
        #expect(AgencyNames.key("Phòng GD&ĐT") == AgencyNames.key("Phòng Giáo dục và Đào tạo"))
        #expect(AgencyNames.key("Phòng Văn hoá") == AgencyNames.key("Phòng Văn hóa"))
        #expect(AgencyNames.split("Trung tâm Y tế, Phòng Văn hóa, Khoa học và Thông tin; UBND các xã")
                == ["Trung tâm Y tế", "Phòng Văn hóa, Khoa học và Thông tin", "Ủy ban nhân dân các xã"])
    }

    @Test func citationsInOtherWordings() {
        let f = facts("Căn cứ Quyết định 23/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ; Hướng dẫn số 12/HD-SYT ngày 3/2/2026 của Sở Y tế tỉnh Gia Lai về việc…\n")
        #expect(f.citations.map(\.number) == ["23/QĐ-TTg", "12/HD-SYT"])
        #expect(f.citations.map(\.kind) == ["Quyết định", "Hướng dẫn"])
        #expect(f.citations.last?.issuer == "Sở Y tế tỉnh Gia Lai")
    }

    @Test func actionMonthThemeAsStated() {
        let f = facts("Tổ chức Tháng hành động vì trẻ em năm 2024 với chủ đề “Hành động thiết thực, ưu tiên nguồn lực cho trẻ em”.\n")
        #expect(f.actionMonth?.year == 2024)
        #expect(f.actionMonth?.theme == "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em")
        #expect(facts("Gọi đến số 1110 để đăng ký.\n").mentionsHotline == false)
        #expect(facts("Tuyên truyền về Tổng đài 111 tới học sinh.\n").mentionsHotline)
    }
}
