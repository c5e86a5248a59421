import Foundation
import Testing
@testable import TreCore

@Suite("Search index")
struct SearchIndexTests {
    @Test(arguments: [("Đuối nước", "duoi nuoc"), ("TỔNG ĐÀI 111", "tong dai 111"), ("Ủy ban", "uy ban"), ("Uỷ ban", "uy ban"),
                      ("hoá", "hoa"), ("Ia H’Drai", "ia h’drai"), ("e\u{301}", "e")])
    func foldingStripsMarksAndD(text: String, folded: String) {
        #expect(VietnameseFolding.fold(text) == folded)
        #expect(VietnameseFolding.fold(text.decomposedStringWithCanonicalMapping) == folded)
    }

    /// A document's agencies for its entry are what `Set(names).sorted()` makes of them: on every seed's and
    /// sample document's agencies, and on names alike but for a mark, a capital or a byte beyond ASCII.
    @Test func agenciesAreEachOnceInTheOrderStringsSortIn() throws {
        var lists: [[String]] = [["Phòng Y tế", "Phòng Y tế", "phòng y tế", "Phòng Ý tế", "Phòng Y", "Ủy ban", "Uỷ ban", "UBND", "Ư", "Z", "Đ", "D", ""]]
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).filter { $0.hasSuffix(".txt") }
        for name in names {
            let facts = DocumentAnalyzer().analyze(markdown: try String(contentsOf: Fixtures.seeds.appendingPathComponent(name), encoding: .utf8), rendering: false).facts
            lists.append(facts.tasks.flatMap { $0.lead + $0.cooperating } + facts.deadlines.flatMap(\.owners))
        }
        #expect(lists.filter { $0.count > 3 }.count >= 3)
        for list in lists + lists.map({ $0.reversed() }) {
            #expect(SearchIndexWriter.distinctInByteOrder(list) == Set(list).sorted(), "\(list)")
        }
    }

    @Test func syllablesJoinApostrophesAndSplitPunctuation() {
        #expect(SearchIndexWriter.syllables("Ia H’Drai, (số 111)!") == ["ia", "hdrai", "so", "111"])
        #expect(SearchIndexWriter.syllables("Ia H'Drai") == ["ia", "hdrai"])
    }

    @Test func syllablesAreNumberedByTheirWholeBytes() {
        // Words alike in their first 8 or 16 bytes, and longer ones, each get a number of their own.
        // 600 more words make the table grow past its first size.
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "ạ", "111", "1111"]
            + (0..<600).map { "w\($0)" }
        var numbers = SyllableNumbers()
        var next: UInt64 = 0
        func number(_ word: String) -> UInt64 {
            numbers.number(of: Array(word.utf8)) { next += 1; return next }
        }
        let first = words.map(number)
        #expect(Set(first).count == words.count)
        #expect(words.map(number) == first)
        #expect(next == UInt64(words.count))
    }

    /// A syllable of up to 16 bytes is packed as its bytes in order, zero after them: every byte of every
    /// length is in the key, in its place.
    @Test func aSyllableIsPackedByteForByte() {
        var random = RobustnessTests.Generator(state: 21)
        for count in 0...16 {
            for _ in 0..<200 {
                let bytes = (0..<count).map { _ in UInt8.random(in: 1...255, using: &random) }
                var expected: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &expected) { $0.copyBytes(from: bytes) }
                let packed = bytes.withUnsafeBufferPointer(SyllableNumbers.packed)
                #expect(packed == SyllableNumbers.Packed(low: UInt64(littleEndian: expected.0), high: UInt64(littleEndian: expected.1)), "\(bytes)")
            }
        }
    }

    /// The index-wide table numbers syllables from 0 in the order first asked for, by their whole bytes,
    /// whichever document asks; its words are the syllables by number.
    @Test func theIndexWideTableNumbersSyllablesInTheOrderFirstSeen() {
        let table = SyllableTable()
        let long = "abcdefghijklmnopq"
        #expect(table.numbers(for: SyllableList(["tong", "dai", long, "tong"])) == [0, 1, 2, 0])
        #expect(table.numbers(for: SyllableList(["dai", "abcdefghijklmnopr", long, "ạ", "a"])) == [1, 3, 2, 4, 5])
        #expect(table.words == ["tong", "dai", long, "abcdefghijklmnopr", "ạ", "a"])
    }

    /// Decodes the postings of one key the way tim-kiem.js does.
    func decode(_ postings: String) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var doc = 0
        for posting in postings.split(separator: ",") {
            let parts = posting.split(separator: ".")
            doc += Int(parts[0], radix: 36)!
            result[doc] = parts.count > 1 ? Int(parts[1], radix: 36)! : 1
        }
        return result
    }

    @Test func pairsOfSyllablesPointAtDocumentsWithWeights() throws {
        let writer = SearchIndexWriter(entries: [
            .init(url: "/a/", title: "Phòng, chống đuối nước", kind: "Kế hoạch", date: "", fields: [("Phòng, chống đuối nước", 8), ("Nội dung khác.", 1)]),
            .init(url: "/b/", title: "Khác", kind: "Công văn", date: "", fields: [("Khác", 8), ("Trẻ em bị đuối nước ở sông.", 1)]),
            .init(url: "/c/", title: "Tổng đài", kind: "Trang", date: "", fields: [("Tổng đài 111", 8)]),
        ])
        let (shards, fragments) = writer.files()
        let duoi = try JSONSerialization.jsonObject(with: Data(try #require(shards["duoi"]).utf8)) as! [String: String]
        let docs = decode(try #require(duoi["duoi nuoc"]))
        #expect(Set(docs.keys) == [0, 2 - 1])
        #expect(docs[0]! > docs[1]!)  // a title match outweighs a body match
        let last = try JSONSerialization.jsonObject(with: Data(try #require(shards["111"]).utf8)) as! [String: String]
        #expect(decode(try #require(last["111 "])).keys.sorted() == [2])  // the last syllable is findable alone
        #expect(fragments.count == 3)
        #expect(fragments[1].contains("Trẻ em bị đuối nước"))
    }

    @Test func shardNamesAreSafeFileNames() {
        #expect(SearchIndexWriter.shardName("tong") == "tong")
        let odd = SearchIndexWriter.shardName("中文")
        #expect(odd.hasPrefix("_") && odd.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
        #expect(SearchIndexWriter.shardName("../etc").hasPrefix("_"))
    }

    /// The postings table gives back every posting of every key, in the order added: keys with
    /// one posting, with a chunk's worth and one more, with hundreds, and enough keys to grow the table.
    @Test func aPostingTableKeepsEveryPostingOfEveryKeyInOrder() {
        var table = PostingTable()
        var expected: [UInt64: [UInt32]] = [:]
        let perChunk = UInt32(PostingTable.chunkSize - 1)
        // Keys in every document, in a chunk's worth of them, in one more, in the first only.
        let fixed: [(key: UInt64, docs: UInt32)] = [(1 << 32, 400), (2 << 32 | 1, perChunk), (3 << 32, perChunk + 1), (4 << 32 | 9, 1)]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for doc in UInt32(0)..<400 {
            var list: [(key: UInt64, weight: Int)] = []
            for (key, docs) in fixed where doc < docs { list.append((key, 1 + next(35))) }
            // Thousands of keys in all, most in a document or two: the table grows several times.
            for _ in 0..<30 {
                let key = UInt64(5 + next(6000)) << 32 | UInt64(next(3))
                if !list.contains(where: { $0.key == key }) { list.append((key, 1 + next(35))) }
            }
            for (key, weight) in list { expected[key, default: []].append(doc << 8 | UInt32(weight)) }
            table.add(list, doc: doc)
        }
        var found: [UInt64: [UInt32]] = [:]
        table.forEach { key, postings in
            #expect(found[key] == nil)
            found[key] = postings
        }
        #expect(found == expected)
        #expect(found.count > 4000)
        #expect(fixed.map { found[$0.key]?.count } == fixed.map { Int($0.docs) })
    }

    /// A first syllable's group, read from its bytes, is its shard's group: plain names, a name
    /// 16 and 17 bytes long, letters beyond ASCII and a capital all land where their shard does.
    @Test func aSyllablesGroupIsItsShardsGroup() {
        for syllable in ["tong", "111", "a", "abcdefghijklmnop", "abcdefghijklmnopq", "中文", "ạ", "Tong", "dai"] {
            var bytes = Array(syllable.utf8)
            let fromBytes = bytes.withUnsafeMutableBufferPointer { SearchIndexWriter.group(ofShardOf: UnsafeBufferPointer($0), groups: 16) }
            #expect(fromBytes == SearchIndexWriter.group(ofShard: SearchIndexWriter.shardName(syllable), groups: 16), "\(syllable)")
        }
    }
}

extension SyllableList {
    init(_ words: [String]) {
        self.init()
        for word in words { Array(word.utf8).withUnsafeBufferPointer { append($0) } }
    }
}
