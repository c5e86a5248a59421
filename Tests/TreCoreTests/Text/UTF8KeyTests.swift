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
}
