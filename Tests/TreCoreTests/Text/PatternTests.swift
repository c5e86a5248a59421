import Testing
import Foundation
@testable import TreCore

@Suite struct PatternTests {
    @Test func aRequiredLiteralOnlySkipsTextsThatCannotMatch() {
        let number = Pattern(#"Số\s*:\s*(\d+)"#, caseInsensitive: false, requires: ["Số"])
        #expect(number.firstMatch(in: "Số: 61/KH-UBND")?[1] == "61")
        #expect(number.firstMatch(in: "Kế hoạch 61") == nil)
        #expect(number.matches(in: "Số: 1 và Số: 2").count == 2)
        // Any one of several literals lets the expression run.
        let issuer = Pattern(#"(?:UBND|Ủy ban nhân dân) huyện"#, caseInsensitive: false, requires: ["UBND", "Ủy ban nhân dân"])
        #expect(issuer.contains(in: "Ủy ban nhân dân huyện Sơn Tây"))
        #expect(issuer.contains(in: "UBND huyện Sơn Tây"))
        #expect(!issuer.contains(in: "Phòng Y tế huyện"))
    }

    @Test func startWordsSkipTextsThatCannotMatchButNotOnesThatCan() {
        let lead = Pattern(#"^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)\s+chủ trì\s*:\s*(.+)$"#, requires: [":"], startsWith: ["cơ quan", "đơn vị"])
        let timeframe = Pattern(#"^(?:[-+•]\s*)?Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$"#, requires: [":"], startsWith: ["thời gian"])
        #expect(lead.firstMatch(in: "- Cơ quan chủ trì: Phòng Y tế")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "•  CƠ QUAN CHỦ TRÌ: Phòng Y tế")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "Đơn vị chủ trì: Công an huyện")?[1] == "Công an huyện")
        #expect(lead.firstMatch(in: "- Phòng Y tế: chủ trì") == nil)
        #expect(lead.firstMatch(in: "Các cơ quan chủ trì: x") == nil)
        #expect(timeframe.firstMatch(in: "+ Thời gian thực hiện: Quý II/2025")?[1] == "Quý II/2025")
        #expect(!timeframe.contains(in: "- Trung tâm Y tế: thời gian: …"))
        // A case-sensitive pattern's start words are a check on the lowercase only: the expression still decides the case.
        let authority = HeaderExtractor.authority
        #expect(authority.firstMatch(in: "KT. CHỦ TỊCH")?[1] == "KT")
        #expect(authority.firstMatch(in: "TUQ. CHỦ TỊCH")?[1] == "TUQ")
        #expect(authority.firstMatch(in: "Q. CHỦ TỊCH")?[2] == "CHỦ TỊCH")
        #expect(authority.firstMatch(in: "Kt. Chủ tịch") == nil)
        #expect(authority.firstMatch(in: "Nơi nhận: KT. CHỦ TỊCH") == nil)
    }

    @Test func requiredWordsAreFoundInAnyCase() {
        let lead = TaskExtractor.namesLead
        #expect(lead.firstMatch(in: "Phòng Y tế chủ trì, phối hợp với Công an huyện.")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "PHÒNG Y TẾ CHỦ TRÌ.")?[1] == "PHÒNG Y TẾ")
        #expect(lead.firstMatch(in: "Phòng Y tế Chủ Trì.")?[1] == "Phòng Y tế")
        #expect(lead.firstMatch(in: "Phòng Y tế thực hiện.") == nil)
        #expect(DeadlineExtractor.requested(in: "Đề nghị các xã triển khai.") == ["các xã"])
        #expect(DeadlineExtractor.requested(in: "ĐỀ NGHỊ các xã triển khai.") == ["các xã"])
    }
}

/// Patterns tried only where a start word begins find what a search of every position finds.
@Suite struct PatternStartWordTests {
    static let patterns = [CitationExtractor.citation, DeadlineExtractor.monthPeriod, DeadlineExtractor.labels,
                           DeadlineExtractor.due, DeadlineExtractor.range, DeadlineExtractor.quarters, DeadlineExtractor.recipientPattern]

    static func texts() throws -> [String] {
        var texts: [String] = []
        for prefix in ["000", "001", "002", "003", "004"] { texts += try Fixtures.seed(prefix).split(separator: "\n").map(String.init) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path) where name.hasSuffix(".md") {
            texts += try String(contentsOf: Fixtures.content.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        // Start words in other cases, next to letters and digits, and letters whose lowercase is longer or shorter (Ⱥ, İ, K).
        let pool = ["Kế hoạch ", "KẾ HOẠCH", "kế hoạch", "Công văn", "Chỉ thị số ", "Quyết định", "Luật", "số ", "83/KH-UBND", "28-CT/TW",
                    " ngày ", "06/5/2025", "6 tháng 5 năm 2025", "tháng ", "Tháng ", "THÁNG 6", "trong ", "6/2025", " năm 2025", "năm ",
                    "quý II", "QUÝ IV", "cả năm", "hằng năm", "6 tháng đầu năm", "1", "/", " ", ", ", "a", "đ", "Ⱥ", "İ", "\u{212A}", "\u{301}", "."]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for _ in 0..<4000 { texts.append((0..<next(12)).map { _ in pool[next(pool.count)] }.joined()) }
        // What the citation's byte check after a kind's name must leave to the expression: "số" in any case (and
        // "ſ", which folds to "s"), no space or white space beyond ASCII, digits beyond ASCII, a longer kind's name.
        let citation = "83/KH-UBND ngày 06/5/2025 của UBND huyện"
        for between in [" ", "", " số ", "số", " Số ", " SỐ ", "\tsố\n", " ſố ", "\u{00A0}", " số\u{2003}", " \u{0663}", " sô ", " s ", " x ", " hành động "] {
            for kind in ["Kế hoạch", "KẾ HOẠCH", "Chương trình", "Chương trình hành động", "Luật"] {
                texts.append("Căn cứ " + kind + between + citation + ", đề nghị …")
                texts.append(kind + between + citation)
            }
        }
        texts.append("Kế hoạch")
        texts.append("theo Kế hoạch số")
        // What the date phrases' byte checks after their first word must leave to the expression.
        let dates = ["15/6", "15/6/2025", "ngày 15/6/2025", "ngày 5 tháng 6 năm 2025", "ngày  30.6", "ngày\u{0663}/6", "\u{0661}5/6"]
        for start in ["trước", "Trước", "TRƯỚC", "chậm nhất", "Chậm nhất", "đến hết", "không muộn hơn", "hạn chót", "hạn cuối", "từ", "Từ", "bắt đầu từ"] {
            for between in [" ", "", "  ", "\t", "\u{00A0}", " là ", " Là ", " là", " là  ", " ngày ", " NGÀY ", " là ngày ", " ngàyx ", " x ", "\u{2003}", " l "] {
                for date in dates {
                    texts.append("Báo cáo " + start + between + date + " và từ " + date + " đến " + date + ".")
                    texts.append(start + between + date)
                }
            }
        }
        for between in [" ", "", "  ", "\u{00A0}", "\t"] {
            for numeral in ["II", "ii", "IV, V", "V", "v, IV", "1", "3 và 4", "5", "x", "I/2025", "\u{0661}"] {
                texts.append("Quý" + between + numeral + " năm 2025")
                texts.append("báo cáo quý" + between + numeral + "/2024; quý" + between + numeral)
            }
        }
        // What the recipients' byte check after a verb must leave to the expression (a case-sensitive one): white space
        // beyond ASCII, "về" after "gửi", heads with marks, and what it may turn away: lowercase heads, no space, a digit.
        for verb in ["gửi", "về", "gửi về", "báo cáo", "báo cáo về", "đề xuất", "Gửi", "VỀ", "trở về"] {
            for between in [" ", "", "  ", "\t", "\u{00A0}", "\u{2003}", " \n "] {
                for head in ["Sở Y tế", "Phòng Tư pháp", "UBND huyện", "Ủy ban nhân dân", "Uỷ ban", "Bộ", "Văn phòng", "Trung tâm Y tế", "Ban",
                             "Cục", "Chi cục", "Công an", "Thường trực", "Hội đồng", "sở Y tế", "Sởx", "về Sở", "1 Sở", "(Sở)", "Sở;"] {
                    texts.append("Báo cáo " + verb + between + head + " trước ngày 15/6, " + verb + between + head + ".")
                }
            }
        }
        return texts
    }

    @Test func startWordsFindEveryMatch() throws {
        var found = 0
        for pattern in Self.patterns {
            let everywhere = Pattern(pattern.regex.pattern, caseInsensitive: pattern.caseInsensitive)
            for text in try Self.texts() {
                let expected = everywhere.matches(in: text), actual = pattern.matches(in: text)
                #expect(actual.map(\.range) == expected.map(\.range), "\(pattern.regex.pattern.prefix(30)): \(text)")
                #expect(actual.map { $0.groups.map { $0.map(String.init) } } == expected.map { $0.groups.map { $0.map(String.init) } })
                found += expected.count
            }
        }
        #expect(found > 1000)
    }

    @Test func lowercaseThatMovesBytesSearchesEveryPosition() {
        // "Ⱥ" is two bytes and its lowercase three: offsets in the lowercase are not offsets in the text.
        #expect(DeadlineExtractor.monthPeriod.matchesAtStartWords(in: "Ⱥ tháng 6/2025", lowercased: LowercaseBytes("Ⱥ tháng 6/2025")) == nil)
        #expect(DeadlineExtractor.monthPeriod.matches(in: "Ⱥ tháng 6/2025").count == 1)
    }
}
