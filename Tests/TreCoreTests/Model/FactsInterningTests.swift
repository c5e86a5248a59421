import Foundation
import Testing
@testable import TreCore

@Suite struct FactsInterningTests {
    /// Where a text's bytes live: the same address for two texts means one buffer.
    static func buffer(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    static func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    @Test func anEqualTextComesBackAsTheFirstOneSeen() {
        var texts = TextInterner()
        let first = texts(Self.fresh("Phòng Giáo dục và Đào tạo"))
        let again = texts(Self.fresh("Phòng Giáo dục và Đào tạo"))
        let other = texts(Self.fresh("Phòng Văn hóa và Thông tin"))
        #expect(again == first)
        #expect(Self.buffer(again) == Self.buffer(first))
        #expect(Self.buffer(other) != Self.buffer(first))
        let list = texts([Self.fresh("Trung tâm Y tế huyện"), Self.fresh("Phòng Giáo dục và Đào tạo")])
        let sameList = texts([Self.fresh("Trung tâm Y tế huyện"), Self.fresh("Phòng Giáo dục và Đào tạo")])
        #expect(sameList == list)
        #expect(Self.buffer(sameList[1]) == Self.buffer(first))
        // A short text lives inside its String: nothing to share, returned as it is.
        #expect(texts("Sở Y tế") == "Sở Y tế")
        #expect(texts([]) == [])
    }

    /// On every seed and content file: interning changes no value, a sentence with several
    /// dates is held once, and two documents naming the same agency share its name.
    @Test func factsKeepTheirValuesAndShareTheirTexts() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).filter { $0.hasSuffix(".txt") }.sorted()
        var texts = try names.map { try String(contentsOf: Fixtures.seeds.appendingPathComponent($0), encoding: .utf8) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.content.path).sorted() where name.hasSuffix(".md") {
            texts.append(try Fixtures.contentFile(name).body)
        }
        #expect(texts.count >= 8)
        let shared = SharedNames()
        var ownerBuffers: [String: UnsafeRawPointer?] = [:]
        var sharedAcrossDocuments = 0, sentencesWithSeveralDates = 0
        for text in texts {
            let original = DocumentAnalyzer().analyze(markdown: text, rendering: false).facts
            var facts = original
            shared.intern(&facts)
            #expect(facts == original)
            var quoteBuffers: [String: UnsafeRawPointer?] = [:]
            for deadline in facts.deadlines {
                if let seen = quoteBuffers[deadline.quote] {
                    #expect(seen == Self.buffer(deadline.quote))
                    sentencesWithSeveralDates += 1
                }
                quoteBuffers[deadline.quote] = Self.buffer(deadline.quote)
                for owner in deadline.owners where owner.utf8.count > 15 {
                    if let seen = ownerBuffers[owner] {
                        #expect(seen == Self.buffer(owner), "\(owner)")
                        sharedAcrossDocuments += 1
                    }
                    ownerBuffers[owner] = Self.buffer(owner)
                }
            }
        }
        #expect(sentencesWithSeveralDates > 0)
        #expect(sharedAcrossDocuments > 0)
    }
}
