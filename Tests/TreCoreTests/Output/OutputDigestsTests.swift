import Foundation
import Testing
@testable import TreCore

@Suite("The page digests kept between builds")
struct OutputDigestsTests {
    let header = Array("tre-pages-1 1f 42\n".utf8)

    func parse(_ text: String) -> [String: UInt64]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { OutputDigests.parse($0, header: header) }
    }

    @Test func whatIsWrittenIsReadBack() {
        let table: [String: UInt64] = ["index.html": 0, "van-ban/2025-kh-61/index.html": .max, "tim-kiem/f/7.json": 0xABCDEF,
                                       "co-quan/phòng-y-tế/han-chot.ics": 1, "có dấu cách/index.html": 0x10]
        let written = header + OutputDigests.lines(table)
        #expect(written.withUnsafeBufferPointer { OutputDigests.parse($0, header: header) } == table)
        // Sorted by path, one line each.
        let lines = String(decoding: OutputDigests.lines(table), as: UTF8.self).split(separator: "\n")
        #expect(lines.map { String($0.drop { $0 != " " }.dropFirst()) } == table.keys.sorted())
    }

    @Test func anotherBinaryOrFolderIsNotTrusted() {
        #expect(parse("tre-pages-1 1f 43\nab index.html\n") == nil)
        #expect(parse("tre-pages-1 1f 42") == nil)
        #expect(parse("tre-pages-1 1f 42\n") == [:])
    }

    @Test func aDamagedLineThrowsTheWholeFileAway() {
        #expect(parse("tre-pages-1 1f 42\nab index.html\n\nc lich/index.html") == ["index.html": 0xAB, "lich/index.html": 0xC])
        #expect(parse("tre-pages-1 1f 42\nab index.html\nindex.html\n") == nil)
        #expect(parse("tre-pages-1 1f 42\n index.html\n") == nil)
        #expect(parse("tre-pages-1 1f 42\nxy index.html\n") == nil)
        #expect(parse("tre-pages-1 1f 42\n10000000000000000 index.html\n") == nil)
        #expect(parse("tre-pages-1 1f 42\nffffffffffffffff index.html\n") == ["index.html": .max])
    }
}
