import Foundation
import Testing
@testable import TreCore

/// TaskLabelLine is held to the regular expressions it replaced, run by NSRegularExpression
/// (ICU), on every block of the seeds and the sample content, on edge cases of white space,
/// case, bullets and line ends, and on random mixes of label words.
@Suite("Task label lines")
struct TaskLabelLineTests {
    static let lead = Pattern(#"^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)\s+chủ trì\s*:\s*(.+)$"#)
    static let cooperating = Pattern(#"^(?:[-+•]\s*)?(?:Cơ quan|Đơn vị)[\p{L}, ]*phối hợp[\p{L} ]*:\s*(.+)$"#)
    static let timeframe = Pattern(#"^(?:[-+•]\s*)?Thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.+)$"#)

    /// What the three expressions, tried in order, made of a text: kind, value and where the value starts.
    static func byRegex(_ text: String) -> String {
        let tried: [(TaskLabelLine.Kind, Pattern)] = [(.lead, lead), (.cooperating, cooperating), (.timeframe, timeframe)]
        for (kind, pattern) in tried {
            if let value = pattern.firstMatch(in: text)?[1] { return describe(kind, value, in: text) }
        }
        return "none"
    }

    /// What the scanner made of a text; its timeframe-only check must agree with it.
    static func byScanner(_ text: String) -> String {
        let line = TaskLabelLine(text)
        #expect(TaskLabelLine.isTimeframe(text) == (line?.kind == .timeframe), "\(text.debugDescription)")
        return line.map { describe($0.kind, $0.value, in: text) } ?? "none"
    }

    static func describe(_ kind: TaskLabelLine.Kind, _ value: Substring, in text: String) -> String {
        "\(kind) @\(text.utf8.distance(from: text.startIndex, to: value.startIndex)) \(value.debugDescription)"
    }

    @Test func answersAsTheExpressionsOnEveryBlockOfTheSeedsAndContent() throws {
        var blocks: [String] = []
        for (_, text, frontMatter) in try DocumentAnalyzerTests.texts() {
            blocks += DocumentAnalyzer().analyze(markdown: text, frontMatter: frontMatter, rendering: false).blocks.map(\.text)
        }
        #expect(blocks.count > 500)
        var labelled = 0
        for block in blocks {
            for text in [block, block.trimmed(" *_")] {
                let expected = Self.byRegex(text)
                if expected != "none" { labelled += 1 }
                #expect(Self.byScanner(text) == expected, "\(text.debugDescription)")
            }
        }
        #expect(labelled >= 20)
    }

    static let edgeCases = [
        "- Cơ quan chủ trì: Phòng Y tế", "Cơ quan chủ trì: Phòng Y tế", "•  CƠ QUAN CHỦ TRÌ: Phòng Y tế", "+\tĐơn vị chủ trì : Công an huyện",
        "-Cơ quan chủ trì:Phòng Y tế", " - Cơ quan chủ trì: x", "- - Cơ quan chủ trì: x", "Cơ quan chủ trì:", "Cơ quan chủ trì: ",
        "Cơ quan chủ trì:  \n", "Cơ quan chủ trì: a\n", "Cơ quan chủ trì: a\r\n", "Cơ quan chủ trì: a\nb", "Cơ quan chủ trì: a\n\n",
        "Cơ quan chủ trì:\na", "Cơ quan chủ trì:\n", "Cơ quan chủ trì: \u{2028}", "Cơ quan chủ trì: a\u{2028}", "Cơ quan chủ trì: \u{A0}x",
        "Cơ quan\u{A0}chủ trì: x", "Cơ quanchủ trì: x", "Cơ quan  chủ trì: x", "Cơ quan\nchủ trì: x", "Cơ Quan Chủ Trì: x",
        "Các cơ quan chủ trì: x", "- Phòng Y tế: chủ trì", "Cơ quan chủ trì, phối hợp: Công an", "Cơ quan phối hợp: Công an, Đoàn",
        "- Cơ quan, đơn vị phối hợp thực hiện: Các xã", "Cơ quan phối hợp, thực hiện: x", "Cơ quan phối hợp, phối hợp: x",
        "Cơ quan phối hợp với: x", "Cơ quan (phối hợp): x", "Cơ quan phối hợp 2: x", "Đơn vị PHỐI HỢP: x", "Cơ quanphối hợp: x",
        "Cơ quan phối hợp:", "Cơ quan phối hợp: a: b", "Cơ quan phối\u{A0}hợp: x", "Cơ quan, phối hợp , : x", "Cơ quan phối hợp : x",
        "+ Thời gian thực hiện: Quý II/2025", "Thời gian: tháng 6", "Thời gian hoàn thành : 30/6/2025.", "THỜI GIAN THỰC HIỆN: x",
        "Thời gian thực hiện xyz: a", "Thời gianthực hiện: x", "Thời gian  thực hiện: x", "- Trung tâm Y tế: thời gian: …",
        "Thời gian:", "Thời gian: \t", "Thời gian:\u{85}x", "Thời gian: x\u{85}", "Thời gian: x\u{0B}", "Thời gian: x\r", "Thời gian: x\r\r",
        "Thời gian:\u{0B}x", "Thời gian:\u{3000}x", "Thời gian\u{2003}: x", "Cơ quan\u{85}chủ trì: x", "Cơ quan\u{200B}chủ trì: x",
        "", "-", ":", "Cơ quan", "Thời gian", "cơ quan chủ trì: phòng y tế", "Cơ quan chủ trì: 😀", "Cơ quan chủ trì: e\u{301}",
    ]

    @Test func answersAsTheExpressionsOnEdgeCases() {
        for text in Self.edgeCases {
            #expect(Self.byScanner(text) == Self.byRegex(text), "\(text.debugDescription)")
        }
        #expect(TaskLabelLine("- Cơ quan chủ trì: Phòng Y tế") == TaskLabelLine(kind: .lead, value: "Phòng Y tế"))
    }

    @Test func answersAsTheExpressionsOnRandomMixes() {
        let tokens = ["- ", "+", "•", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{85}", "\u{0B}", "\u{2028}", "Cơ quan", "CƠ QUAN", "Đơn vị", "đơn vị", "chủ trì", "CHỦ TRÌ",
                      "phối hợp", "Phối Hợp", "thực hiện", "hoàn thành", "Thời gian", ":", ",", ".", "(", "2", "Phòng Y tế", "và", "e\u{301}"]
        var random = RobustnessTests.Generator(state: 7)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...9, using: &random)
            let text = (0..<count).map { _ in tokens.randomElement(using: &random)! }.joined()
            #expect(Self.byScanner(text) == Self.byRegex(text), "\(text.debugDescription)")
        }
    }
}
