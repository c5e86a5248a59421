import Testing
import Foundation
@testable import TreCore

/// ``CompiledExpression`` calls ICU itself on Linux; `NSRegularExpression`, run here the way ``Pattern`` ran
/// it before, is the reference: the same matches, groups and replacements, in the same places.
@Suite struct CompiledExpressionTests {
    /// Tre's own expressions (look-behinds, word boundaries, `^`/`$`, optional groups, Vietnamese in any case), and two that match nothing or little.
    static let expressions: [(pattern: String, caseInsensitive: Bool)] = [
        DocumentOutline.footnoteReference, TaskExtractor.numberedHeading, TaskExtractor.namesLead,
        CampaignExtractor.month, CampaignExtractor.theme, CampaignExtractor.year, CitationExtractor.citation,
        HeaderExtractor.numberRow, HeaderExtractor.placeDate, HeaderExtractor.issuerCaps, HeaderExtractor.bodyIssuer, HeaderExtractor.authority,
        DeadlineExtractor.due, DeadlineExtractor.monthly, DeadlineExtractor.quarterEnd, DeadlineExtractor.range, DeadlineExtractor.monthPeriod,
        DeadlineExtractor.quarters, DeadlineExtractor.labels, DeadlineExtractor.requestedPattern, DeadlineExtractor.citationBefore,
        DeadlineExtractor.recipientPattern, Paragraphs.marker, Paragraphs.romanHeading, FootnoteMarkers.marker, HeaderLines.starts,
        HeaderLines.numberRowGap, DateExpression.any,
    ].map { ($0.regex.pattern, $0.caseInsensitive) } + [(#"(a)?(b)|(c)"#, false), (#"\bx*"#, false)]

    static let crafted = [
        "", "x", "😀 trước 5/6 😀 và chậm nhất là ngày 30 tháng 6 năm 2025.", "Trước ngày 30/6/2025.",
        "TRONG THÁNG 7 năm 2024, tháng 6/2025 và 12/tháng 6/2025", "Cả năm 2025; 6 tháng đầu năm; quý IV, năm 2026",
        "- Cơ quan chủ trì: Phòng Y tế", "•  CƠ QUAN CHỦ TRÌ: Phòng Y tế\nĐơn vị chủ trì: Công an",
        "Báo cáo về Sở Y tế và gửi UBND huyện (qua Phòng Nội vụ); về Sởx", "\u{1F600}Sở Y tế, Kế hoạch số 83/KH-UBND và công văn số 5",
        "cbabxxab", "e\u{301} trước 1/2 e\u{301}", "xx x xxx",
    ]

    /// Real sentences: every line of the seed documents.
    static func texts() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        var lines = crafted
        for name in names {
            let text = try String(contentsOf: Fixtures.seeds.appendingPathComponent(name), encoding: .utf8)
            lines += text.split(separator: "\n").map(String.init)
        }
        return lines
    }

    @Test func findsWhatNSRegularExpressionFinds() throws {
        let texts = try Self.texts()
        #expect(texts.count > 300)
        var compared = 0
        for (pattern, caseInsensitive) in Self.expressions {
            let expression = CompiledExpression(pattern, caseInsensitive: caseInsensitive)
            let reference = Reference(pattern, caseInsensitive: caseInsensitive)
            for text in texts {
                #expect(Self.shape(expression.matches(in: text, from: nil), text) == reference.matches(text, from: nil), "\(pattern) in \(text)")
                #expect(Self.shape(expression.matches(in: text, from: nil, first: true), text) == Array(reference.matches(text, from: nil).prefix(1)))
                let starts = Array(text.unicodeScalars.indices)
                for start in [starts.dropFirst(1).first, starts.dropFirst(starts.count / 2).first].compactMap({ $0 }) {
                    #expect(Self.shape(expression.matches(in: text, from: start), text) == reference.matches(text, from: start), "\(pattern) in \(text)")
                    #expect(Self.shape([expression.match(in: text, anchoredAt: start)].compactMap { $0 }, text) == reference.anchored(text, at: start))
                }
                let offsets = starts.map { text.utf8.distance(from: text.startIndex, to: $0) }
                #expect(Self.shape(expression.matches(in: text, triedAt: offsets), text) == reference.tried(text, at: offsets), "\(pattern) in \(text)")
                compared += 1
            }
        }
        #expect(compared == Self.expressions.count * texts.count)
    }

    @Test func replacesAsNSRegularExpressionDoes() throws {
        let texts = try Self.texts()
        for (pattern, template) in [(#"(\p{Ll})(\p{Lu})"#, "$1 $2"), (#"\[\^?\d+\]"#, ""), (#"(\d{4})\d"#, "$1"), (#"(y)?(\p{L})"#, "<$1|$2>")] {
            let expression = CompiledExpression(pattern, caseInsensitive: false)
            let regex = try NSRegularExpression(pattern: pattern, options: [.useUnicodeWordBoundaries])
            for text in texts {
                let expected = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template)
                #expect(expression.replacing(in: text, with: template) == expected, "\(pattern) in \(text)")
            }
        }
    }

    @Test func oneExpressionServesManyThreadsAtOnce() throws {
        let expression = CompiledExpression(Self.expressions[0].pattern, caseInsensitive: true)
        let texts = try Self.texts()
        let expected = texts.map { Self.shape(expression.matches(in: $0, from: nil), $0) }
        let results = LockedResults(Array(repeating: [[Int]](), count: texts.count * 4))
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { index in
            let text = texts[index % texts.count]
            results.set(index, Self.shape(expression.matches(in: text, from: nil), text))
        }
        for index in 0..<texts.count * 4 { #expect(results.values[index] == expected[index % texts.count]) }
    }

    @Test func aCopyMapsEveryUnitBackToItsCharacter() {
        let text = "a😀ế\u{301}z"
        let copy = UTF16Text(text[...])
        #expect(copy.units == Array(text.utf16))
        // "a" at 0, the emoji's two units at 1, "ế" at 5, the combining mark at 8, "z" at 10, the end at 11.
        #expect(copy.utf8Offsets == [0, 1, 1, 5, 8, 10, 11])
        #expect(copy.utf16Offset(ofUTF8: 5) == 3)
        #expect(copy.utf16Offset(ofUTF8: 11) == 6)
        #expect(text[copy.index(ofUTF16: 3, in: text)...] == "ế\u{301}z")
        // A copy of part of a string answers in the string's offsets and indexes.
        let tail = UTF16Text(text[text.index(text.startIndex, offsetBy: 2)...])
        #expect(tail.base == 5 && tail.units == Array("ế\u{301}z".utf16) && tail.utf16Offset(ofUTF8: 8) == 1)
        #expect(text[tail.index(ofUTF16: 2, in: text)...] == "z")
        #expect(UTF16Text(""[...]).units.isEmpty && UTF16Text(""[...]).utf8Offsets == [0])
    }

    /// Each match as UTF-8 offsets: the whole range, then each group's bounds (-1, -1 when it took no part).
    static func shape(_ matches: [Pattern.Match], _ text: String) -> [[Int]] {
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }
        return matches.map { match in
            [offset(match.range.lowerBound), offset(match.range.upperBound)]
                + match.groups.flatMap { group in group.map { [offset($0.startIndex), offset($0.endIndex)] } ?? [-1, -1] }
        }
    }

    /// `NSRegularExpression`, called as ``Pattern`` called it before ``CompiledExpression``.
    struct Reference {
        let regex: NSRegularExpression
        init(_ pattern: String, caseInsensitive: Bool) {
            var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
            if caseInsensitive { options.insert(.caseInsensitive) }
            regex = try! NSRegularExpression(pattern: pattern, options: options)
        }

        func matches(_ text: String, from start: String.Index?) -> [[Int]] {
            shape(regex.matches(in: text, range: NSRange((start ?? text.startIndex)..<text.endIndex, in: text)), text)
        }

        func anchored(_ text: String, at start: String.Index) -> [[Int]] {
            shape([regex.firstMatch(in: text, options: [.anchored], range: NSRange(start..<text.endIndex, in: text))].compactMap { $0 }, text)
        }

        func tried(_ text: String, at offsets: [Int]) -> [[Int]] {
            var found: [NSTextCheckingResult] = []
            var searchFrom = 0
            for offset in offsets {
                let range = NSRange(text.utf8.index(text.startIndex, offsetBy: offset)..<text.endIndex, in: text)
                guard range.location >= searchFrom,
                      let result = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds], range: range) else { continue }
                searchFrom = max(result.range.upperBound, range.location + 1)
                found.append(result)
            }
            return shape(found, text)
        }

        func shape(_ results: [NSTextCheckingResult], _ text: String) -> [[Int]] {
            func offsets(_ range: NSRange) -> [Int] {
                guard let range = Range(range, in: text) else { return [-1, -1] }
                return [text.utf8.distance(from: text.startIndex, to: range.lowerBound), text.utf8.distance(from: text.startIndex, to: range.upperBound)]
            }
            // As Pattern took them: a match whose range is not between characters is left out.
            return results.filter { Range($0.range, in: text) != nil }.map { result in
                offsets(result.range) + (0..<result.numberOfRanges).flatMap { offsets(result.range(at: $0)) }
            }
        }
    }
}

/// Results written by index from concurrent iterations, each index by one.
final class LockedResults<Value>: @unchecked Sendable {
    private(set) var values: [Value]
    private let lock = NSLock()
    init(_ values: [Value]) { self.values = values }
    func set(_ index: Int, _ value: Value) { lock.lock(); values[index] = value; lock.unlock() }
}
