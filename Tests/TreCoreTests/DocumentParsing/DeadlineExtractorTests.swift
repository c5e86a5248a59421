import Testing
@testable import TreCore

/// Deadline forms written for these tests, in wordings and places the seeds do not use.
@Suite("Deadlines in other wordings")
struct DeadlineExtractorTests {
    func deadlines(_ sentence: String, year: Int? = 2026) -> [DocumentFacts.Deadline] {
        DeadlineExtractor.extract(sentence: sentence, anchor: "doan-1", year: year, owners: [], fallbackOwners: ["Các đơn vị"])
    }

    @Test(arguments: [
        ("UBND các phường gửi báo cáo về Phòng Văn hóa - Xã hội chậm nhất là ngày 05 tháng 12 năm 2024.", "2024-12-05"),
        ("Các xã báo cáo kết quả về Phòng Y tế chậm nhất ngày 10/7/2026.", "2026-07-10"),
        ("Trường học hoàn thành rà soát đến hết ngày 31/3/2027.", "2027-03-31"),
        ("Sở Giáo dục và Đào tạo gửi báo cáo không muộn hơn ngày 15/01/2027.", "2027-01-15"),
        ("Các đơn vị gửi kế hoạch trước ngày 20/5.", "2026-05-20"),
        ("Báo cáo gửi về Sở Y tế trước ngày 14/3/20251 để tổng hợp.", "2025-03-14"),
        ("Hạn chót là ngày 30.9.2026 đối với các xã.", "2026-09-30"),
    ])
    func aDateAfterAQualifier(sentence: String, iso: String) {
        #expect(deadlines(sentence).map(\.date.iso) == [iso])
    }

    /// Cutting a date out of parentheses leaves none behind, whatever the spaces inside them.
    @Test(arguments: ["Báo cáo kết quả (trước ngày 5/6/2026) về Sở Y tế.", "Báo cáo kết quả ( trước ngày 5/6/2026 ) về Sở Y tế.",
                      "Báo cáo kết quả (\u{A0}trước ngày 5/6/2026  ) về Sở Y tế."])
    func parenthesesADateFilledAreLeftOut(sentence: String) {
        #expect(deadlines(sentence).map(\.what) == ["Báo cáo kết quả về Sở Y tế"])
    }

    /// Each clause of a sentence (split at ";") is its own deadline's duty; a sentence of one clause is one duty.
    @Test func eachClauseIsItsDeadlinesDuty() {
        #expect(deadlines("Báo cáo sơ kết trước ngày 15/6/2026; gửi danh sách trẻ em trước ngày 20/6/2026.").map(\.what)
                == ["Báo cáo sơ kết", "Gửi danh sách trẻ em"])
        #expect(deadlines("Báo cáo sơ kết trước ngày 15/6/2026, gửi danh sách trẻ em trước ngày 20/6/2026.").map(\.what)
                == ["Báo cáo sơ kết, gửi danh sách trẻ em", "Báo cáo sơ kết, gửi danh sách trẻ em"])
    }

    /// The first verb of a text is where a search for each verb finds the earliest: on every line of the seeds, and on
    /// each verb after an agency, glued to it (no verb without its space), in capitals (none) and with more after it.
    @Test func theFirstVerbIsWhereTheEarliestVerbIs() throws {
        var texts: [String] = []
        for verb in DeadlineExtractor.verbs {
            texts += ["Phòng Y tế \(verb) việc", "Phòng Y tế\(verb)", "Phòng \(verb.uppercased()) \(verb)a"]
        }
        for prefix in ["000", "001", "002", "003", "004"] { texts += try Fixtures.seed(prefix).split(separator: "\n").map(String.init) }
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let earliest = DeadlineExtractor.spacedVerbs.compactMap { verb -> Int? in
                let needle = Array(verb.utf8)
                guard needle.count <= bytes.count else { return nil }
                return (0...bytes.count - needle.count).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
            }.min()
            let offset = DeadlineExtractor.firstSpacedVerb(in: text).map { text.utf8.distance(from: text.startIndex, to: $0) }
            #expect(offset == earliest, "\(text)")
            if offset != nil { found += 1 }
        }
        #expect(found > 2 * DeadlineExtractor.verbs.count)
    }

    @Test func periodsHaveAStart() throws {
        let june = try #require(deadlines("Tổ chức các hoạt động từ ngày 01/6 đến ngày 30/6/2022 tại các xã.").first)
        #expect(june.start?.iso == "2022-06-01")
        #expect(june.date.iso == "2022-06-30")
        let dash = try #require(deadlines("Tháng hành động bắt đầu từ 01/6/2017 - 30/6/2017.").first)
        #expect(dash.start?.iso == "2017-06-01")
        let month = try #require(deadlines("Tổ chức lễ phát động trong tháng 6/2021.").first)
        #expect((month.start?.iso, month.date.iso) == ("2021-06-01", "2021-06-30"))
        let quarter = try #require(deadlines("Hoàn thành kiểm tra trong Quý III/2024.").first)
        #expect((quarter.start?.iso, quarter.date.iso) == ("2024-07-01", "2024-09-30"))
        let two = deadlines("Thời gian: Quý II, IV năm 2025.")
        #expect(two.map(\.date.iso) == ["2025-06-30", "2025-12-31"])
    }

    @Test func recurringDeadlines() throws {
        let quarterly = try #require(deadlines("Hằng quý, các xã báo cáo trước ngày 20 của tháng cuối quý.").first)
        #expect(quarterly.recurrence == "quarterly")
        #expect(quarterly.date.iso == "2026-03-20")
        // Who reports what is between "hằng quý" and the date: it stays the deadline's duty.
        let named = try #require(deadlines("Định kỳ hằng quý, Trung tâm Y tế báo cáo trước ngày 20 của tháng cuối quý.").first)
        #expect(named.what == "Báo cáo")
        #expect(named.phrase == "trước ngày 20 của tháng cuối quý")
        #expect(named.owners == ["Trung tâm Y tế"])
        let monthly = try #require(deadlines("Các trường gửi số liệu trước ngày 15 hằng tháng.").first)
        #expect(monthly.recurrence == "monthly")
        let yearly = deadlines("Định kỳ 6 tháng (trước ngày 10/6), hằng năm (trước ngày 10/12) báo cáo về Sở Y tế.", year: 2023)
        #expect(yearly.map(\.date.iso) == ["2023-06-10", "2023-12-10"])
        #expect(yearly.allSatisfy { $0.recurrence == "yearly" })
        #expect(yearly.first?.recipients == ["Sở Y tế"])
    }

    @Test(arguments: [
        "Thực hiện Kế hoạch số 83/KH-UBND ngày 06 tháng 5 năm 2025 của UBND huyện.",
        "Chương trình phòng, chống tai nạn, thương tích trẻ em giai đoạn 2021-2030.",
        "Nguồn ngân sách nhà nước bố trí trong dự toán ngân sách hằng năm.",
        "Thời gian thực hiện: Thường xuyên trong năm.",
        "Khẩn trương triển khai, báo cáo kịp thời (nếu có).",
        "Quyết định số 06/QĐ-TTg ngày 03/01/20219 của Thủ tướng Chính phủ.",
    ])
    func notADeadline(_ sentence: String) {
        #expect(deadlines(sentence).isEmpty)
    }

    @Test func periodLabelsPairWithTheirDates() {
        let found = deadlines("Các phòng báo cáo trước ngày 15/6/2026 và trước ngày 15/12/2026 kết quả 6 tháng đầu năm và cả năm 2026.")
        #expect(found.count == 2)
        #expect(found.first?.what.hasSuffix("(6 tháng đầu năm)") == true)
        #expect(found.last?.what.hasSuffix("(cả năm 2026)") == true)
        #expect(found.allSatisfy { $0.owners == ["Các phòng"] })
    }

    @Test func theOwnerIsTheSentencesSubjectOrTheFallback() {
        #expect(deadlines("Trung tâm Y tế báo cáo trước ngày 01/8/2026.").first?.owners == ["Trung tâm Y tế"])
        #expect(deadlines("Báo cáo trước ngày 01/8/2026.").first?.owners == ["Các đơn vị"])
    }

    /// A subject is found however white space runs before and inside its head, and a sentence whose start is
    /// plain but no agency's head has none.
    @Test(arguments: [
        ("Phòng Y tế chủ trì", "Phòng Y tế"), ("- 2. Phòng Y tế chủ trì", "Phòng Y tế"), ("\tPhòng  Y tế chủ trì", "Phòng Y tế"),
        ("\u{00A0}Ủy\u{00A0}ban nhân dân các xã thực hiện", "Ủy ban nhân dân các xã"), ("Trung\ntâm Y tế: báo cáo", "Trung tâm Y tế"),
        ("Sở\n", nil), ("Báo cáo Phòng Y tế", nil), ("Phòngban Y tế chủ trì", nil), ("\t- Phòng Y tế chủ trì", nil),
    ] as [(String, String?)])
    func theLeadingAgencyIsFoundWhateverItsWhiteSpace(text: String, agency: String?) {
        #expect(DeadlineExtractor.leadingAgency(of: text) == agency)
    }
}

@Suite("Dates")
struct DateExpressionTests {
    @Test(arguments: [
        ("ngày 04 tháng 4 năm 2025", "2025-04-04"), ("ngày 4 tháng 07 năm 2025", "2025-07-04"),
        ("31/05/2024", "2024-05-31"), ("14/3/20251", "2025-03-14"), ("03/01/20219", "2021-01-03"),
        ("15-5-2025", "2025-05-15"),
    ])
    func parses(text: String, iso: String) {
        #expect(DateExpression.parse(text)?.date.iso == iso)
    }

    @Test func aDateWithoutYearTakesTheDocumentsYear() {
        #expect(DateExpression.parse("05/12", defaultYear: 2022)?.date.iso == "2022-12-05")
        #expect(DateExpression.parse("05/12")?.date == nil)
    }

    @Test func impossibleDaysAreNotDates() {
        #expect(DateExpression.parse("30/2/2025") == nil)
        #expect(DateExpression.parse("ngày 32 tháng 1 năm 2025") == nil)
    }
}

@Suite("Leading connectors")
struct LeadingConnectorTests {
    /// The expression the scanner stands for.
    static let expression = Pattern(#"^(?:[,;.\s]|định kỳ|và)+"#)

    /// The scanner drops what the expression matched: on every line of the seeds and the sample content
    /// with its first words cut off one by one, and on random runs of connectors in other cases (a Kelvin
    /// sign for k, decomposed marks, no-break spaces), letters and words.
    @Test func theScannerAgreesWithTheExpression() throws {
        var texts: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] {
            for line in try Fixtures.seed(prefix).split(separator: "\n") {
                let words = line.split(separator: " ", omittingEmptySubsequences: false)
                texts += (0..<min(words.count, 6)).map { words.dropFirst($0).joined(separator: " ") }
            }
        }
        let pool = ["định kỳ", "Định kỳ", "ĐỊNH KỲ", "định \u{212A}ỳ", "đinh kỳ", "định kỳ", "và", "Và", "VÀ", "va\u{300}", "vá", ",", ";", ".", " ",
                    "\u{A0}", "\u{3000}", "\t", "\n", "\u{85}", "\u{200B}", "-", "báo cáo", "Phòng Y tế", "a", "đ", "Ị", "ỳ"]
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<5000 { texts.append((0..<next(8)).map { _ in pool[next(pool.count)] }.joined()) }
        var changed = 0
        for text in texts {
            let expected = Self.expression.replacing(in: text, with: "")
            #expect(Array(DeadlineExtractor.droppingLeadingConnectors(text).utf8) == Array(expected.utf8), "\(Array(text.unicodeScalars))")
            if expected != text { changed += 1 }
        }
        #expect(changed > 1000)
    }
}
