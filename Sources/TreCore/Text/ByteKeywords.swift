/// A few words looked for together, in one pass over a text's UTF-8 bytes: which of them occur.
/// A dozen ``String/containsBytes(_:)`` calls on one short sentence each pay a call, a look at both
/// texts' storage and a `memchr`; this looks at each byte once and compares only the words that
/// start with it.
///
/// ```swift
/// let words = ByteKeywords(["quý", "tháng", "trước"])
/// let found = words.occurring(in: "báo cáo trước ngày 15 tháng 6")  // 0b110
/// found & words.bit(of: "tháng") != 0                              // true
/// ```
struct ByteKeywords: Sendable {
    let words: [[UInt8]]
    /// For each byte value, the words that start with it (indexes into ``words``).
    private let startingWith: [[Int]]

    init(_ words: [String]) {
        precondition(words.count <= 64 && words.allSatisfy { !$0.isEmpty }, "up to 64 words, none empty")
        self.words = words.map { Array($0.utf8) }
        var table = Array(repeating: [Int](), count: 256)
        for (index, word) in self.words.enumerated() { table[Int(word[0])].append(index) }
        startingWith = table
    }

    /// The bit of the word `word` in what ``occurring(in:)`` answers.
    func bit(of word: String) -> UInt64 {
        guard let index = words.firstIndex(of: Array(word.utf8)) else { preconditionFailure("\(word) is not one of the words") }
        return 1 << UInt64(index)
    }

    /// Bit `i` set when `words[i]` occurs in `text` (compared byte for byte).
    func occurring(in text: String) -> UInt64 {
        var text = text
        return text.withUTF8(occurring(in:))
    }

    /// ``occurring(in:)`` of a text's lowercase.
    func occurring(in lowercase: LowercaseBytes) -> UInt64 { lowercase.withUnsafeBufferPointer(occurring(in:)) }

    private func occurring(in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let all: UInt64 = words.count == 64 ? ~0 : (1 << UInt64(words.count)) - 1
        var found: UInt64 = 0
        for start in bytes.indices {
            for index in startingWith[Int(bytes[start])] where found & (1 << UInt64(index)) == 0 {
                let word = words[index]
                guard word.count <= bytes.count - start else { continue }
                var same = true
                for offset in 1..<word.count where bytes[start + offset] != word[offset] { same = false; break }
                if same {
                    found |= 1 << UInt64(index)
                    if found == all { return found }
                }
            }
        }
        return found
    }
}
