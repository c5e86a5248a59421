import Testing
@testable import TreCore

@Suite struct DigestHasherTests {
    private func digest(_ bytes: [UInt8]) -> UInt64 {
        var hasher = DigestHasher()
        bytes.withUnsafeBufferPointer { hasher.add(bytes: $0) }
        return hasher.state
    }

    /// Lengths of whole 8-byte words and of words with bytes after them: a byte changed anywhere changes the digest.
    @Test func everyByteCounts() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...140 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let original = digest(bytes)
            for position in bytes.indices {
                var changed = bytes
                changed[position] ^= 1 << UInt8(position % 8)
                #expect(digest(changed) != original, "length \(length), byte \(position)")
            }
        }
    }

    /// Two words trading places, near or far apart, change the digest.
    @Test func wordsInOtherPlacesCount() {
        let bytes = (0..<96).map { UInt8($0) }
        let original = digest(bytes)
        for (first, second) in [(0, 8), (8, 24), (0, 32), (16, 48), (64, 88)] {
            var swapped = bytes
            for offset in 0..<8 { swapped.swapAt(first + offset, second + offset) }
            #expect(digest(swapped) != original, "words at \(first) and \(second)")
        }
    }

    @Test func aTextIsItsBytes() {
        for text in ["", "Tổng đài 111", String(repeating: "Tháng hành động vì trẻ em. ", count: 7)] {
            var byText = DigestHasher()
            byText.add(text)
            #expect(byText.state == digest(Array(text.utf8)))
        }
    }

    /// Where one text ends and the next begins is part of the digest.
    @Test func textsKeepTheirBoundaries() {
        func digest(_ texts: [String]) -> UInt64 {
            var hasher = DigestHasher()
            for text in texts { hasher.add(text) }
            return hasher.state
        }
        let long = String(repeating: "a", count: 40)
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        #expect(digest([long, "b"]) != digest([long + "b"]))
        #expect(digest([long, long]) != digest([long + long]))
    }

    @Test func distinctTextsHaveDistinctDigests() {
        var seen = Set<UInt64>()
        for number in 0..<20_000 {
            let text = "Kế hoạch số \(number)/KH-UBND " + String(repeating: "x", count: number % 70)
            var hasher = DigestHasher()
            hasher.add(text)
            #expect(seen.insert(hasher.state).inserted, "\(text)")
        }
    }

    /// Bytes in parts: the same bytes, however split, give the same digest; a byte changed or
    /// added (even a zero) gives another.
    @Test func aStreamIsItsBytesHoweverSplit() {
        var generator = SystemRandomNumberGenerator()
        func digest(_ bytes: [UInt8], splitAt cuts: [Int]) -> UInt64 {
            var stream = StreamDigest()
            var start = 0
            for end in cuts.sorted() + [bytes.count] {
                bytes[start..<end].withUnsafeBytes { stream.add(bytes: $0) }
                start = end
            }
            return stream.digest
        }
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = digest(bytes, splitAt: [])
            for _ in 0..<20 {
                let cuts = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Int.random(in: 0...length, using: &generator) }
                #expect(digest(bytes, splitAt: cuts) == whole, "length \(length), cut at \(cuts)")
            }
            #expect(digest(bytes + [0], splitAt: []) != whole, "length \(length) and a zero")
            for position in bytes.indices where position % 7 == 0 {
                var changed = bytes
                changed[position] ^= 0x20
                #expect(digest(changed, splitAt: [position / 2]) != whole, "length \(length), byte \(position)")
            }
        }
    }
}
