import Foundation
import Testing
@testable import TreCore

@Suite struct OpenDataTests {
    /// The file is written record by record on all cores by Tre's own JSON writer; it must be byte
    /// for byte what one `JSONEncoder` pass over the whole value writes (the file's layout since
    /// it was first published), since scripts parse and diff it.
    @Test func recordByRecordEncodingIsTheSameBytesAsOneEncoderPass() throws {
        let built = try Fixtures.sampleModel()
        let data = OpenData(documents: built.site.documents.map {
            OpenData.Record(source: $0.source, url: "https://example.org/" + $0.path, facts: $0.facts)
        })
        #expect(data.documents.count >= 5)
        let whole = try Self.encoder().encode(data)
        #expect(data.encoded() == whole)
        // Batches smaller than the list: the seams between them must not show.
        var batched = Data()
        try data.encode(batch: 2) { batched.append($0) }
        #expect(batched == whole)
        #expect(try OpenData(documents: []).encoded() == Self.encoder().encode(OpenData(documents: [])))
        // What every reader of the file relies on: it parses, with one object per document.
        let parsed = try JSONSerialization.jsonObject(with: data.encoded()) as? [String: Any]
        #expect((parsed?["documents"] as? [Any])?.count == data.documents.count)
    }

    /// Members already in key order are written as they are, and others sorted: either way, what a stable
    /// sort by key gives (keys that repeat, or sort alike only by their bytes, among them).
    @Test func membersAreWrittenSortedWhetherOrNotInOrder() {
        let keys = ["a", "B", "aB", "ab", "b", "Ủy", "Uy", "", "a"]
        var random = RobustnessTests.Generator(state: 4)
        for _ in 0..<2000 {
            let members = (0..<Int.random(in: 0...6, using: &random)).map { index in (keys.randomElement(using: &random)!, JSONValue.number(index)) }
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            func places(_ members: [(String, JSONValue)]) -> [Int] { members.map { if case .number(let place) = $0.1 { place } else { -1 } } }
            #expect(JSONValue.inKeyOrder(members) == (places(sorted) == places(members)), "\(members.map(\.0))")
            #expect(JSONValue.object(members).compact() == JSONValue.object(sorted).compact())
            #expect(JSONValue.inKeyOrder(sorted))
        }
    }

    /// The open data's objects and the search fragments list their members in key order, so that
    /// writing them sorts nothing (their bytes are the same either way; this holds the speed).
    @Test func ownObjectsAreInKeyOrder() throws {
        func unordered(_ value: JSONValue, at path: String) -> [String] {
            switch value {
            case .object(let members):
                let here = JSONValue.inKeyOrder(members) ? [] : [path]
                return here + members.flatMap { unordered($0.1, at: path + "." + $0.0) }
            case .array(let items): return items.flatMap { unordered($0, at: path + "[]") }
            default: return []
            }
        }
        let built = try Fixtures.sampleModel()
        let records = built.site.documents.map { OpenData.Record(source: $0.source, url: "https://example.org/" + $0.path, facts: $0.facts) }
        #expect(records.contains { !$0.facts.deadlines.isEmpty && !$0.facts.citations.isEmpty && !$0.facts.tasks.isEmpty && $0.facts.signer != nil })
        #expect(records.contains { $0.facts.actionMonth != nil })
        #expect(records.flatMap { unordered($0.json, at: $0.source) } == [])
        let entry = SearchIndexWriter.Entry(url: "/a/", title: "T", kind: "K", date: "D", fields: [("x", 1)])
        let fragment = SearchIndexWriter.cut(entry, syllables: SyllableTable(), groups: 1).fragment
        #expect(String(decoding: fragment, as: UTF8.self) == #"{"d":"D","k":"K","t":"T","u":"/a/","x":"x"}"#)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Every character a string may hold is written as `JSONEncoder` writes it, and keys sort the same.
    @Test func stringsAndKeysAreWrittenAsJSONEncoderWritesThem() throws {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "/ Ủy ban “111” \u{301} \u{2028}"
        let value: JSONValue = .object([("b", .string(every)), ("a", .array([])), ("B", .null), ("aB", .number(-3)), ("ab", .bool(true)),
                                        ("nested", .object([("z", .strings(["x", ""])), ("y", .object([("k", .null)]))]))])
        #expect(value.prettyPrinted() == Array(try Self.encoder().encode(value)))
        let compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(value.compact() == Array(try compact.encode(value)))
    }

    /// Random strings of control bytes, quotes, backslashes, slashes and Vietnamese: written as `JSONEncoder`
    /// writes them, with each byte to escape at every place in an eight-byte word.
    @Test func randomStringsAreWrittenAsJSONEncoderWritesThem() throws {
        let pieces = ["\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", " ", "a", "abcdefgh", "Ủy ban", "\u{7F}", "“111”", "\u{2028}"]
        var random = RobustnessTests.Generator(state: 9)
        let compact = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let value: JSONValue = .object([("s", .string(text))])
            #expect(value.compact() == Array(try compact.encode(value)), "\(text.debugDescription)")
        }
    }
}
