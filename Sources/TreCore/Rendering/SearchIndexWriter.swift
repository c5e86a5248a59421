import Foundation

/// The static search index for `/tim-kiem/`, in the spirit of Pagefind but
/// folding `đ` too: every text is folded (lowercase, no marks, đ → d) and cut
/// into syllables; each pair of neighbouring syllables is a key, so a query
/// matches syllable sequences. Keys are sharded by their first syllable, so a
/// phone downloads only the shards its query needs; a fragment per document
/// (title, kind, date, text) is fetched only for the results shown.
///
/// Files (JSON as `JSONEncoder` would write it, by ``JSONValue``): `tim-kiem/chi-muc/<syllable>.json` = `{"tong dai": "postings", …}`
/// where postings are `<delta doc id, base 36>[.<weight, base 36, when not 1>]` joined by `,`;
/// `tim-kiem/f/<id>.json` = `{"u","t","k","d","x"}`.
public struct SearchIndexWriter: Sendable {
    /// Field weights: a match in the title counts more than one in the body.
    static let titleWeight = 8, subjectWeight = 4, agencyWeight = 2, bodyWeight = 1

    public struct Entry: Sendable {
        public var url: String
        public var title: String
        public var kind: String
        public var date: String
        /// Field texts with their weights.
        public var fields: [(text: String, weight: Int)]
    }

    /// The number of the `index`th of a site's documents (newest first) in the index, and of its
    /// fragment, `f/<number>.json`: the pages first, then the documents oldest first. A document added
    /// to the site is nearly always the newest, so it takes the next number, and every other document
    /// keeps its own: their fragments are the same files, and only the shards of its syllables change
    /// (numbered newest first, a new document renumbered every fragment and every shard). The search
    /// page shows the higher number first among results that score the same: the newer document.
    static func number(ofDocument index: Int, documents: Int, pages: Int) -> Int { pages + documents - 1 - index }

    /// The number of the `index`th of a site's pages (the hotline page): before every document's.
    static func number(ofPage index: Int) -> Int { index }

    /// The documents' entries, numbered by their place. A build does not hold them all: it adds
    /// each document's entry to a ``SearchIndexBuilder`` as its page is written.
    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Folded syllables of a text: "Tổng đài 111" → ["tong", "dai", "111"], "Ia H’Drai" → ["ia", "hdrai"].
    public static func syllables(_ text: String) -> [String] {
        var result: [String] = []
        SyllableReader.forEachSyllable(in: text) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// The shard file a first syllable lives in: itself when short and ASCII, else a hash.
    public static func shardName(_ syllable: String) -> String {
        var syllable = syllable
        if syllable.withUTF8(isPlainShardName) { return syllable }
        return "_" + String(fnv1a(syllable) % 4096, radix: 36)
    }

    /// Whether a syllable names its own shard: at most 16 bytes, each an ASCII letter or digit
    /// (bytes, not characters: such a text has as many characters as bytes).
    static func isPlainShardName(_ syllable: UnsafeBufferPointer<UInt8>) -> Bool {
        syllable.count <= 16 && syllable.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    static func fnv1a(_ text: String) -> UInt32 { fnv1a(text.utf8) }

    static func fnv1a<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var hash: UInt32 = 2166136261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16777619 }
        return hash
    }

    /// The group (of ``SearchIndexBuilder``'s postings) of a shard: a function of its name, so that a
    /// shard's keys are all in one group, by a hash that is the same in every process.
    static func group(ofShard name: String, groups: Int) -> Int { Int(fnv1a(name) % UInt32(groups)) }

    /// Writes the index: each document's fragment as soon as it is cut into keys, then the
    /// shards. Documents are cut on all cores (see ``SearchIndexBuilder``).
    /// - Parameter emit: called on any thread with a path under `tim-kiem/` (`f/3.json`, `chi-muc/tong.json`) and its UTF-8 text.
    public func write(_ emit: @Sendable (_ path: String, _ text: [UInt8]) throws -> Void) throws {
        let builder = SearchIndexBuilder()
        try SiteRenderer.concurrently(entries.count) { doc in try builder.add(entries[doc], doc: doc, emit) }
        try builder.finish(emit)
    }

    /// The index in memory, for tests: shard name → JSON text, and document id → fragment JSON text.
    public func files() -> (shards: [String: String], fragments: [String]) {
        let collected = Collected()
        try? write { path, text in collected.add(path, String(decoding: text, as: UTF8.self)) }
        var shards: [String: String] = [:], fragments: [Int: String] = [:]
        for (path, text) in collected.files {
            if path.hasPrefix("f/") { fragments[Int(path.dropFirst(2).dropLast(5))!] = text } else { shards[String(path.dropFirst(8).dropLast(5))] = text }
        }
        return (shards, fragments.keys.sorted().map { fragments[$0]! })
    }

    /// One document's keys, `(first syllable + 1) << 32 | (second syllable + 1, or 0 after a field's last)`
    /// in index-wide numbers, with their weights, in the group of their shard; and its fragment.
    /// Syllables are numbered within the document first, so the pairs are counted as numbers, not as joined strings;
    /// the document's distinct syllables are kept as bytes, back to back, and only the index's new ones become `String`s.
    static func cut(_ entry: Entry, syllables table: SyllableTable, groups: Int) -> (keys: [[(key: UInt64, weight: Int)]], fragment: [UInt8]) {
        var numbers = SyllableNumbers()
        // The document's distinct syllables, in the order first seen: their bytes, and where each ends.
        var words = SyllableList()
        // (first syllable's number + 1) << 32 | (second's number + 1), or 0 for the end of a field.
        // About one distinct pair per two syllables of six bytes: grown once or twice, not a dozen times.
        var weights = PairWeights(expected: entry.fields.reduce(0) { $0 + $1.text.utf8.count } / 12)
        for field in entry.fields {
            var previous: UInt64 = 0
            SyllableReader.forEachSyllable(in: field.text) { word in
                let number = numbers.number(of: word) {
                    words.append(word)
                    return UInt64(words.count)
                }
                if previous != 0 { weights.add(previous << 32 | number, field.weight) }
                previous = number
            }
            // The last syllable of a field pairs with "" so single-word queries find it too.
            if previous != 0 { weights.add(previous << 32, field.weight) }
        }
        let global = table.numbers(for: words)
        var groupOf: [Int?] = Array(repeating: nil, count: words.count)
        var keys = Array(repeating: [(key: UInt64, weight: Int)](), count: groups)
        // Room for a group's share and some over: each list is made once, not grown from empty.
        for group in keys.indices { keys[group].reserveCapacity(weights.count / groups + weights.count / (2 * groups) + 4) }
        weights.forEach { pair, weight in
            let first = Int(pair >> 32) - 1, second = Int(pair & 0xFFFF_FFFF)
            let shardGroup = groupOf[first] ?? words.withWord(first) { Self.group(ofShardOf: $0, groups: groups) }
            groupOf[first] = shardGroup
            let key = UInt64(global[first] + 1) << 32 | (second == 0 ? 0 : UInt64(global[second - 1] + 1))
            keys[shardGroup].append((key, min(weight, 35)))
        }
        let text = entry.fields.filter { $0.weight == bodyWeight }.map(\.text).joined(separator: " ")
        let fragment: JSONValue = .object([("d", .string(entry.date)), ("k", .string(entry.kind)), ("t", .string(entry.title)),
                                           ("u", .string(entry.url)), ("x", .string(text))])
        return (keys, fragment.compact())
    }

    /// ``group(ofShard:groups:)`` of the shard a first syllable (its bytes) lives in, its name made only when it is a hash.
    static func group(ofShardOf syllable: UnsafeBufferPointer<UInt8>, groups: Int) -> Int {
        guard isPlainShardName(syllable) else { return group(ofShard: shardName(String(decoding: syllable, as: UTF8.self)), groups: groups) }
        return Int(fnv1a(syllable) % UInt32(groups))
    }

    /// Postings (key → `doc << 8 | weight`, in any order) → shard name → `{"key": "postings", …}`.
    static func encodeShards(_ postings: PostingTable, words: [String]) -> [String: [UInt8]] {
        var shards: [String: [(String, JSONValue)]] = [:]
        postings.forEach { pair, unsorted in
            let first = words[Int(pair >> 32) - 1], second = Int(pair & 0xFFFF_FFFF)
            let key = first + " " + (second == 0 ? "" : words[second - 1])
            var previous = 0
            var encoded: [UInt8] = []
            encoded.reserveCapacity(unsorted.count * 3)
            for posting in unsorted.sorted() {
                let doc = Int(posting >> 8), weight = Int(posting & 0xFF)
                if !encoded.isEmpty { encoded.append(UInt8(ascii: ",")) }
                appendBase36(doc - previous, to: &encoded)
                // Weight 1 (one match in the body) is the common case and is left out.
                if weight != 1 { encoded.append(UInt8(ascii: ".")); appendBase36(weight, to: &encoded) }
                previous = doc
            }
            shards[shardName(first), default: []].append((key, .string(String(decoding: encoded, as: UTF8.self))))
        }
        return shards.mapValues { JSONValue.object($0).compact() }
    }

    /// `String(number, radix: 36)` for a number ≥ 0, appended as bytes.
    static func appendBase36(_ number: Int, to bytes: inout [UInt8]) {
        if number >= 36 { appendBase36(number / 36, to: &bytes) }
        let digit = UInt8(number % 36)
        bytes.append(digit < 10 ? 0x30 + digit : 0x61 + digit - 10)
    }

    /// Each name once, in the order of its UTF-8 bytes: for NFC text (Tre's), what `Set(names).sorted()` gives,
    /// without hashing and comparing names by their normalised forms.
    static func distinctInByteOrder(_ names: [String]) -> [String] {
        var seen = Set<UTF8Key>(minimumCapacity: names.count)
        return names.filter { seen.insert(UTF8Key($0)).inserted }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A document's or page's entry: title, subject, agencies, deadlines and body text.
    static func entry(for document: SiteDocument, plainText: String, site: Site) -> Entry {
        let facts = document.facts
        let agencies = distinctInByteOrder(facts.tasks.flatMap { $0.lead + $0.cooperating } + facts.deadlines.flatMap(\.owners))
        let deadlines = facts.deadlines.map { "\($0.date.vietnamese) \($0.what)" }
        return Entry(url: site.baseURL.link(document.path), title: document.title, kind: document.isDocument ? document.identity : "Trang",
                     date: document.isDocument ? document.dateText : "",
                     fields: [(document.title, titleWeight), (facts.subject ?? "", subjectWeight),
                              (agencies.joined(separator: "; "), agencyWeight), (deadlines.joined(separator: "; "), agencyWeight),
                              (plainText, bodyWeight)])
    }
}

/// A search index being made: documents added one at a time from any thread (a
/// document's page and its search entry are made together, from one rendering of
/// its body), then the shards written. Keys go straight into postings numbered by
/// ``SyllableTable``, so no document's keys are held and a posting is one `UInt64`.
final class SearchIndexBuilder: Sendable {
    private let syllables = SyllableTable()
    private let postings = GroupedPostings(groups: 16)

    /// Cuts the `doc`th entry into keys and emits its fragment, `f/<doc>.json`.
    func add(_ entry: SearchIndexWriter.Entry, doc: Int, _ emit: (_ path: String, _ text: [UInt8]) throws -> Void) throws {
        let cut = SearchIndexWriter.cut(entry, syllables: syllables, groups: postings.groups)
        postings.add(cut.keys, doc: doc)
        try emit("f/\(doc).json", cut.fragment)
    }

    /// Emits the shards, `chi-muc/<syllable>.json`, on all cores; call it once every document is added.
    func finish(_ emit: @Sendable (_ path: String, _ text: [UInt8]) throws -> Void) throws {
        let words = syllables.words
        try SiteRenderer.concurrently(postings.groups) { group in
            for (shard, text) in SearchIndexWriter.encodeShards(postings.take(group), words: words) { try emit("chi-muc/\(shard).json", text) }
        }
    }
}
