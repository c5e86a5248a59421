import Foundation

/// Syllables numbered across a whole search index (0, 1, 2, … in the order first seen),
/// shared by the threads that cut documents into keys. A document asks once for all its
/// syllables, so the lock is taken once a document.
final class SyllableTable: @unchecked Sendable {
    private let lock = NSLock()
    private var numberOf: [String: UInt32] = [:]
    private var all: [String] = []

    /// The index-wide number of each word, numbering those not seen before.
    func numbers(for words: [String]) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return words.map { word in
            if let known = numberOf[word] { return known }
            let number = UInt32(all.count)
            all.append(word)
            numberOf[word] = number
            return number
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
/// each with its own lock so that documents cut on all cores add to them at once.
final class GroupedPostings: @unchecked Sendable {
    let groups: Int
    private let locks: [NSLock]
    private var postings: [[UInt64: [UInt64]]]

    init(groups: Int) {
        self.groups = groups
        locks = (0..<groups).map { _ in NSLock() }
        postings = Array(repeating: [:], count: groups)
    }

    /// A document's keys with their weights (at most 255), by group.
    func add(_ keys: [[(key: UInt64, weight: Int)]], doc: Int) {
        for (group, list) in keys.enumerated() where !list.isEmpty {
            locks[group].lock()
            for (key, weight) in list { postings[group][key, default: []].append(UInt64(doc) << 8 | UInt64(weight)) }
            locks[group].unlock()
        }
    }

    /// A group's postings, let go by the table.
    func take(_ group: Int) -> [UInt64: [UInt64]] {
        locks[group].lock()
        defer { locks[group].unlock() }
        let taken = postings[group]
        postings[group] = [:]
        return taken
    }
}

/// Files handed out on any thread, gathered.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var gathered: [(String, String)] = []
    func add(_ path: String, _ text: String) { lock.lock(); gathered.append((path, text)); lock.unlock() }
    var files: [(String, String)] { lock.lock(); defer { lock.unlock() }; return gathered }
}
