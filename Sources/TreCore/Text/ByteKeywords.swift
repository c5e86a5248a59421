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
    /// The words' indexes (into ``words``) in the order of their first bytes.
    private let byFirstByte: [Int]
    /// The words back to back, and where each is in them (`start << 32 | length`): compared without touching ``words``' arrays.
    private let flat: [UInt8]
    private let spans: [UInt64]
    /// For each byte value, where its words are in ``byFirstByte``: `start << 8 | count`, 0 when none starts with it.
    private let startingWith: [UInt32]

    init(_ words: [String]) {
        precondition(words.count <= 64 && words.allSatisfy { !$0.isEmpty }, "up to 64 words, none empty")
        let bytes = words.map { Array($0.utf8) }
        self.words = bytes
        let order = bytes.indices.sorted { (bytes[$0][0], $0) < (bytes[$1][0], $1) }
        var table = Array(repeating: UInt32(0), count: 256)
        for (position, index) in order.enumerated() {
            let first = Int(bytes[index][0])
            table[first] = table[first] == 0 ? UInt32(position) << 8 | 1 : table[first] + 1
        }
        byFirstByte = order
        startingWith = table
        flat = bytes.flatMap { $0 }
        spans = bytes.indices.map { index in UInt64(bytes[..<index].reduce(0) { $0 + $1.count }) << 32 | UInt64(bytes[index].count) }
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

    /// The tables are read through pointers, taken once: a byte that starts no word costs one load.
    private func occurring(in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let all: UInt64 = words.count == 64 ? ~0 : (1 << UInt64(words.count)) - 1
        var found: UInt64 = 0
        return startingWith.withUnsafeBufferPointer { table in
            byFirstByte.withUnsafeBufferPointer { order in flat.withUnsafeBufferPointer { flatBytes in spans.withUnsafeBufferPointer { spans in
                for start in bytes.indices {
                    let entry = table[Int(bytes[start])]
                    guard entry != 0 else { continue }
                    let first = Int(entry >> 8)
                    for position in first..<first + Int(entry & 0xFF) {
                        let index = order[position]
                        guard found & (1 << UInt64(index)) == 0 else { continue }
                        let length = Int(spans[index] & 0xFFFF_FFFF), offset = Int(spans[index] >> 32)
                        if length <= bytes.count - start, memcmp(flatBytes.baseAddress! + offset + 1, bytes.baseAddress! + start + 1, length - 1) == 0 {
                            found |= 1 << UInt64(index)
                            if found == all { return found }
                        }
                    }
                }
                return found
            } } }
        }
    }
}

import Foundation
