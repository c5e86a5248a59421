import Foundation

/// Syllables numbered across a whole search index (0, 1, 2, … in the order first seen),
/// shared by the threads that cut documents into keys. A document asks once for all its
/// syllables, so the lock is taken once a document. Syllables are found by their bytes
/// (``SyllableNumbers``), not hashed as `String`s.
final class SyllableTable: @unchecked Sendable {
    private let lock = NSLock()
    private var numberOf = SyllableNumbers()
    private var all: [String] = []

    /// The index-wide number of each word, numbering those not seen before.
    func numbers(for words: SyllableList) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<words.count).map { index in
            words.withWord(index) { word in
                UInt32(numberOf.number(of: word) {
                    all.append(String(decoding: word, as: UTF8.self))
                    return UInt64(all.count)
                } - 1)
            }
        }
    }

    /// Every syllable, by number.
    var words: [String] {
        lock.lock()
        defer { lock.unlock() }
        return all
    }
}

/// A search index's postings, `key → [doc << 8 | weight]`, in groups that share no shard,
/// each with its own lock so that documents cut on all cores add to them at once. A posting
/// is 32 bits (documents numbered below 2²⁴, weights at most 255): half the memory of 64.
///
/// Each group is an object of its own: kept in one array, the groups' tables sat side by
/// side, and every thread's additions checked and wrote that one shared buffer.
final class GroupedPostings: Sendable {
    private final class Group: @unchecked Sendable {
        let lock = NSLock()
        var postings = PostingTable()
    }

    private let members: [Group]
    var groups: Int { members.count }

    init(groups: Int) {
        members = (0..<groups).map { _ in Group() }
    }

    /// A document's keys with their weights (at most 255), by group.
    func add(_ keys: [[(key: UInt64, weight: Int)]], doc: Int) {
        precondition(doc < 1 << 24, "a search index holds fewer than 16,777,216 documents")
        for (group, list) in keys.enumerated() where !list.isEmpty {
            let member = members[group]
            member.lock.lock()
            member.postings.add(list, doc: UInt32(doc))
            member.lock.unlock()
        }
    }

    /// A group's postings, let go by the table.
    func take(_ group: Int) -> PostingTable {
        let member = members[group]
        member.lock.lock()
        defer { member.lock.unlock() }
        let taken = member.postings
        member.postings = PostingTable()
        return taken
    }
}

/// One group's postings: each key's in chunks of an arena, so that adding one is a probe of
/// a table hashed by one multiplication and a store, where a `[UInt64: [UInt32]]` hashed
/// every key with SipHash and checked two buffers' uniqueness for every posting.
///
/// A chunk is ``chunkSize`` words: the next chunk's offset (0: none yet), then postings.
struct PostingTable {
    static let chunkSize = 8

    /// Open addressing: key (never 0) → 1 + its index in the per-key arrays, 0 for an empty slot.
    private var slots = Array(repeating: (key: UInt64(0), entry: Int32(0)), count: 1024)
    private var keys: [UInt64] = []
    /// Each key's first chunk, last chunk and count of postings.
    private var heads: [Int32] = [], tails: [Int32] = [], counts: [Int32] = []
    /// Offset 0 is never a chunk, so a next offset of 0 means none.
    private var arena: [UInt32] = [0]

    /// Adds `doc`'s posting (`doc << 8 | weight`) to each key of `list`.
    mutating func add(_ list: [(key: UInt64, weight: Int)], doc: UInt32) {
        for (key, weight) in list { append(key, doc << 8 | UInt32(weight)) }
    }

    private mutating func append(_ key: UInt64, _ posting: UInt32) {
        let entry = entry(of: key)
        let fill = Int(counts[entry]) % (Self.chunkSize - 1)
        if fill == 0, counts[entry] > 0 {
            let chunk = newChunk()
            arena[Int(tails[entry])] = UInt32(chunk)
            tails[entry] = Int32(chunk)
        }
        arena[Int(tails[entry]) + 1 + fill] = posting
        counts[entry] += 1
    }

    private mutating func newChunk() -> Int {
        let chunk = arena.count
        arena.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        return chunk
    }

    /// The index of `key` in the per-key arrays, added when new.
    private mutating func entry(of key: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while slots[slot].entry != 0 {
            if slots[slot].key == key { return Int(slots[slot].entry) - 1 }
            slot = (slot + 1) & mask
        }
        let chunk = Int32(newChunk())
        keys.append(key)
        heads.append(chunk)
        tails.append(chunk)
        counts.append(0)
        slots[slot] = (key, Int32(keys.count))
        if keys.count * 2 > slots.count { grow() }
        return keys.count - 1
    }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    private mutating func grow() {
        slots = Array(repeating: (key: 0, entry: 0), count: slots.count * 2)
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Self.slot(of: key, mask: mask)
            while slots[slot].entry != 0 { slot = (slot + 1) & mask }
            slots[slot] = (key, Int32(index + 1))
        }
    }

    /// Each key with its postings, in the order they were added; keys in the order first added.
    func forEach(_ body: (_ key: UInt64, _ postings: [UInt32]) -> Void) {
        for (index, key) in keys.enumerated() {
            var postings: [UInt32] = []
            postings.reserveCapacity(Int(counts[index]))
            var chunk = Int(heads[index])
            var left = Int(counts[index])
            while left > 0 {
                let take = min(left, Self.chunkSize - 1)
                postings += arena[(chunk + 1)..<(chunk + 1 + take)]
                left -= take
                chunk = Int(arena[chunk])
            }
            body(key, postings)
        }
    }
}

/// Files handed out on any thread, gathered.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [(String, String)] = []
    func add(_ path: String, _ text: String) { lock.lock(); gathered.append((path, text)); lock.unlock() }
    var files: [(String, String)] { lock.lock(); defer { lock.unlock() }; return gathered }
}

/// Syllables as bytes, back to back, and where each ends: a document's distinct syllables,
/// without a `String` or an array each.
struct SyllableList {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ word: UnsafeBufferPointer<UInt8>) {
        bytes += word
        ends.append(bytes.count)
    }

    /// Calls `body` with the `index`th syllable's bytes.
    func withWord<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}

/// One document's syllables numbered by their bytes, so that looking one up makes no `String`
/// and hashes no `String`: a syllable of up to 16 bytes (nearly all) is packed into two words
/// and found in an open-addressing table; a longer one is a `String` key.
struct SyllableNumbers {
    /// The bytes in order, zero-padded: no syllable holds a zero byte, so no two share a key.
    struct Packed: Equatable {
        var low: UInt64
        var high: UInt64
    }

    private var keys = Array(repeating: Packed(low: 0, high: 0), count: 1024)
    /// 0 marks an empty slot: numbers start at 1.
    private var values = Array(repeating: UInt64(0), count: 1024)
    private var count = 0
    private var long: [String: UInt64] = [:]

    /// The number of `word` (UTF-8 bytes); `new` numbers a word not seen before (from 1 up).
    mutating func number<Word: RandomAccessCollection<UInt8>>(of word: Word, new: () -> UInt64) -> UInt64 where Word.Index == Int {
        guard word.count <= 16 else {
            let text = String(decoding: word, as: UTF8.self)
            if let known = long[text] { return known }
            let number = new()
            long[text] = number
            return number
        }
        let key = word.withContiguousStorageIfAvailable(Self.packed) ?? Array(word).withUnsafeBufferPointer(Self.packed)
        var slot = Self.slot(of: key, mask: keys.count - 1)
        while values[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        let number = new()
        precondition(number != 0, "syllable numbers start at 1")
        keys[slot] = key
        values[slot] = number
        count += 1
        if count * 2 > keys.count { grow() }
        return number
    }

    /// At most 16 bytes as two little-endian words, zero beyond the last byte: read with loads that stay
    /// within the bytes (two that overlap when the bytes are not a whole number of words), not copied into
    /// a zeroed key in memory and read back, which stalled each lookup until the copy's bytes had landed.
    @inline(__always)
    static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed {
        guard let base = bytes.baseAddress else { return Packed(low: 0, high: 0) }
        let raw = UnsafeRawPointer(base), count = bytes.count
        func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        func half(_ offset: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) }
        switch count {
        case 9...16: return Packed(low: word(0), high: word(count - 8) >> (UInt64(16 - count) * 8))
        case 8: return Packed(low: word(0), high: 0)
        case 4...7: return Packed(low: half(0) | (half(count - 4) >> (UInt64(8 - count) * 8)) << 32, high: 0)
        default:
            var low: UInt64 = 0
            for index in 0..<count { low |= UInt64(bytes[index]) << (UInt64(index) * 8) }
            return Packed(low: low, high: 0)
        }
    }

    private static func slot(of key: Packed, mask: Int) -> Int {
        let hash = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: hash >> 29) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Packed(low: 0, high: 0), count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where value != 0 {
            var slot = Self.slot(of: key, mask: keys.count - 1)
            while values[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }
}

/// One document's weight for each key (syllable pair, never 0), summed as the document is cut:
/// an open-addressing table hashed by one multiplication, where `Dictionary` hashed every key
/// with SipHash. The order pairs are handed out in is the table's (the index sorts postings).
struct PairWeights {
    private var keys: [UInt64]
    private var weights: [Int]
    private(set) var count = 0

    /// Room for about `expected` pairs before the table grows.
    init(expected: Int) {
        var size = 64
        while size < expected * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        weights = Array(repeating: 0, count: size)
    }

    mutating func add(_ key: UInt64, _ weight: Int) {
        let mask = keys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == key { weights[slot] += weight; return }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        weights[slot] = weight
        count += 1
        if count * 2 > keys.count { grow() }
    }

    func forEach(_ body: (_ key: UInt64, _ weight: Int) -> Void) {
        for slot in keys.indices where keys[slot] != 0 { body(keys[slot], weights[slot]) }
    }

    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldWeights = weights
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        weights = Array(repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, weight) in zip(oldKeys, oldWeights) where key != 0 {
            var slot = Self.slot(of: key, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            weights[slot] = weight
        }
    }
}
