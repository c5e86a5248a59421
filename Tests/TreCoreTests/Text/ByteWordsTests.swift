import Testing
@testable import TreCore

@Suite struct ByteWordsTests {
    /// Random bytes, found from every start: the first marked byte is the one a byte-by-byte walk
    /// finds, wherever it stands in its word, and after bytes that carry a borrow (0x00, 0x80, 0xFF).
    @Test func theFirstMarkedByteIsTheOneAWalkFinds() {
        let alphabet: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0x5C, 0x61, 0x7F, 0x80, 0x81, 0xC3, 0xE1, 0xFF]
        var random = RobustnessTests.Generator(state: 8)
        var found = 0
        for _ in 0..<3000 {
            let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            // Mostly bytes that are not looked for, so that runs of them fill whole words.
            let sparse = bytes.map { Int.random(in: 0..<4, using: &random) == 0 ? $0 : 0x61 }
            for text in [bytes, sparse] {
                text.withUnsafeBufferPointer { buffer in
                    for start in 0...buffer.count {
                        let quote = ByteWords.first(in: buffer, from: start) { ByteWords.equal($0, 0x22) | ByteWords.equal($0, 0xFF) }
                        #expect(quote == (start..<buffer.count).first { buffer[$0] == 0x22 || buffer[$0] == 0xFF } ?? buffer.count, "\(text) from \(start)")
                        let control = ByteWords.first(in: buffer, from: start) { ByteWords.below($0, 0x20) }
                        #expect(control == (start..<buffer.count).first { buffer[$0] < 0x20 } ?? buffer.count, "\(text) from \(start)")
                        if control < buffer.count { found += 1 }
                    }
                }
            }
        }
        #expect(found > 10_000)
    }
}
