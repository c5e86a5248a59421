import Testing
@testable import TreCore

@Suite struct UTF8KeyTests {
    /// Keys are equal exactly when their bytes are: texts of one length that differ in one byte are
    /// different keys, and NFC and NFD spellings of one word (equal as `String`s) are too.
    @Test func keysAreEqualExactlyWhenTheirBytesAre() {
        #expect(UTF8Key("Phòng Y tế") == UTF8Key("Phòng Y tế"))
        #expect(UTF8Key("") == UTF8Key(""))
        #expect(UTF8Key("Phòng Y tế") != UTF8Key("Phòng Y tê"))
        #expect(UTF8Key("Sở Y tế") != UTF8Key("Sở Y tế "))
        #expect(UTF8Key("ab") != UTF8Key("ac"))
        let composed = "Tế", decomposed = "Te\u{0302}\u{0301}"
        #expect(composed == decomposed)
        #expect(UTF8Key(composed) != UTF8Key(decomposed))
        let keys: [UTF8Key: Int] = [UTF8Key("Phòng Y tế"): 1, UTF8Key("Sở Y tế"): 2]
        #expect(keys[UTF8Key("Sở Y tế")] == 2)
        #expect(keys[UTF8Key("Sở Y tê")] == nil)
    }

    /// Equal bytes hash alike whatever holds them (a literal, a copy of the bytes, part of a longer text, a short
    /// text kept inside its `String`), and different texts nearly never do: tried on 20,000 names.
    @Test func equalBytesHashAlikeAndOthersApart() {
        let name = "Phòng Giáo dục và Đào tạo huyện"
        let copies = [name, String(decoding: Array(name.utf8), as: UTF8.self), String(("x" + name).dropFirst()), String(name.prefix(40))]
        #expect(Set(copies.map { UTF8Key($0).hashValue }).count == 1)
        #expect(UTF8Key("Sở").hashValue == UTF8Key(String(decoding: Array("Sở".utf8), as: UTF8.self)).hashValue)
        let names = (0..<20_000).map { "Trường Tiểu học số \($0) xã \($0 % 97)" } + (0..<16).map { String(repeating: "a", count: $0) }
        let hashes = Set(names.map { UTF8Key($0).hashValue })
        #expect(hashes.count >= names.count - 2)
        let table = Dictionary(uniqueKeysWithValues: names.enumerated().map { (UTF8Key($0.element), $0.offset) })
        #expect(names.indices.allSatisfy { table[UTF8Key(names[$0])] == $0 })
    }
}
