import Foundation

/// The static search index for `/tim-kiem/`, in the spirit of Pagefind but
/// folding `đ` too: every text is folded (lowercase, no marks, đ → d) and cut
/// into syllables; each pair of neighbouring syllables is a key, so a query
/// matches syllable sequences. Keys are sharded by their first syllable, so a
/// phone downloads only the shards its query needs; a fragment per document
/// (title, kind, date, text) is fetched only for the results shown.
///
/// Files: `tim-kiem/chi-muc/<syllable>.json` = `{"tong dai": "postings", …}`
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

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Folded syllables of a text: "Tổng đài 111" → ["tong", "dai", "111"], "Ia H’Drai" → ["ia", "hdrai"].
    public static func syllables(_ text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        for scalar in VietnameseFolding.fold(text).unicodeScalars {
            // An apostrophe joins a syllable: "H’Drai" is one word, "hdrai".
            if scalar == "’" || scalar == "'" || scalar == "‘" { continue }
            let isWord = scalar.isASCII ? ((scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9"))
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
            if isWord {
                if scalar.isASCII { current.append(UInt8(scalar.value)) } else { current.append(contentsOf: UTF8.encode(scalar)!) }
            } else if !current.isEmpty {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// The shard file a first syllable lives in: itself when short and ASCII, else a hash.
    public static func shardName(_ syllable: String) -> String {
        if syllable.count <= 16, syllable.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) { return syllable }
        var hash: UInt32 = 2166136261
        for byte in syllable.utf8 { hash = (hash ^ UInt32(byte)) &* 16777619 }
        return "_" + String(hash % 4096, radix: 36)
    }

    /// Shard name → JSON text, and document id → fragment JSON text. Documents are cut into keys
    /// on all cores; then the shards, split into groups that share no shard, are built on all cores.
    public func files() -> (shards: [String: String], fragments: [String]) {
        let groups = 16
        let prepared = ResultSlots<(keys: [[(String, Int)]], fragment: String)>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { doc in
            prepared.set(doc, Self.prepare(entries[doc], groups: groups))
        }
        let documents = prepared.values
        let built = ResultSlots<[String: String]>(count: groups)
        DispatchQueue.concurrentPerform(iterations: groups) { group in
            // key → [(doc, weight)], docs in increasing order.
            var postings: [String: [(Int, Int)]] = [:]
            for (doc, document) in documents.enumerated() {
                for (key, weight) in document.keys[group] { postings[key, default: []].append((doc, weight)) }
            }
            built.set(group, Self.encodeShards(postings))
        }
        var shards: [String: String] = [:]
        for group in built.values { shards.merge(group) { first, _ in first } }
        return (shards, documents.map(\.fragment))
    }

    /// One document's keys with their weights, in the group of their shard, and its fragment.
    static func prepare(_ entry: Entry, groups: Int) -> (keys: [[(String, Int)]], fragment: String) {
        var weights: [String: Int] = [:]
        for field in entry.fields {
            let words = syllables(field.text)
            guard !words.isEmpty else { continue }
            for index in words.indices {
                // The last syllable of a field pairs with "" so single-word queries find it too.
                let key = index + 1 < words.count ? words[index] + " " + words[index + 1] : words[index] + " "
                weights[key, default: 0] += field.weight
            }
        }
        var keys = Array(repeating: [(String, Int)](), count: groups)
        for (key, weight) in weights {
            let shard = shardName(String(key[..<key.firstIndex(of: " ")!]))
            keys[Int(UInt(bitPattern: shard.hashValue) % UInt(groups))].append((key, min(weight, 35)))
        }
        let text = entry.fields.filter { $0.weight == bodyWeight }.map(\.text).joined(separator: " ")
        let fragment = ["u": entry.url, "t": entry.title, "k": entry.kind, "d": entry.date, "x": text]
        return (keys, String(decoding: (try? encoder.encode(fragment)) ?? Data(), as: UTF8.self))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Postings → shard name → `{"key": "postings", …}`.
    static func encodeShards(_ postings: [String: [(Int, Int)]]) -> [String: String] {
        var shards: [String: [String: String]] = [:]
        for (key, list) in postings {
            let first = String(key[..<key.firstIndex(of: " ")!])
            var previous = 0
            let encoded = list.map { doc, weight -> String in
                defer { previous = doc }
                // Weight 1 (one match in the body) is the common case and is left out.
                return String(doc - previous, radix: 36) + (weight == 1 ? "" : "." + String(weight, radix: 36))
            }.joined(separator: ",")
            shards[shardName(first), default: [:]][key] = encoded
        }
        return shards.mapValues { String(decoding: (try? encoder.encode($0)) ?? Data(), as: UTF8.self) }
    }

    /// The entries of a site: documents and pages, with title, subject, agencies, deadlines and body text.
    public static func entries(for site: Site, bodyText: (SiteDocument) -> String) -> [Entry] {
        (site.documents + site.pages).map { document in
            let facts = document.facts
            let agencies = Set(facts.tasks.flatMap { $0.lead + $0.cooperating } + facts.deadlines.flatMap(\.owners))
            let deadlines = facts.deadlines.map { "\($0.date.vietnamese) \($0.what)" }
            return Entry(url: site.baseURL.link(document.path), title: document.title, kind: document.isDocument ? document.identity : "Trang",
                         date: document.isDocument ? document.dateText : "",
                         fields: [(document.title, titleWeight), (facts.subject ?? "", subjectWeight),
                                  (agencies.sorted().joined(separator: "; "), agencyWeight), (deadlines.joined(separator: "; "), agencyWeight),
                                  (bodyText(document), bodyWeight)])
        }
    }
}
