import Foundation

/// Identical texts held once: each text asked for is swapped for the first equal one
/// seen, so that the copies share one buffer and the others are let go.
///
/// A document names the same agencies in every task and deadline and often repeats a
/// sentence (once per date it holds, a hotline line under each item); a site names the
/// same few hundred agencies in thousands of documents. Values are unchanged: only
/// where their bytes live is.
///
/// ```swift
/// var texts = TextInterner()
/// let first = texts("Phòng Giáo dục và Đào tạo")
/// let again = texts(String(decoding: Array("Phòng Giáo dục và Đào tạo".utf8), as: UTF8.self))
/// // `again` is `first`: one buffer for both
/// ```
public struct TextInterner: Sendable {
    private var strings: Set<UTF8Key> = []
    private var lists: Set<List> = []

    /// A list of texts compared and hashed as ``UTF8Key``s, held as the array itself so that it is shared.
    private struct List: Hashable, Sendable {
        let texts: [String]

        static func == (a: List, b: List) -> Bool {
            a.texts.count == b.texts.count && zip(a.texts, b.texts).allSatisfy { UTF8Key($0) == UTF8Key($1) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(texts.count)
            for text in texts { UTF8Key(text).hash(into: &hasher) }
        }
    }

    public init() {}

    /// An interner with room for `count` texts, made once and not grown a step at a time.
    public init(capacity count: Int) { strings = Set(minimumCapacity: count) }

    /// `text`, or the equal text seen first. A text of up to 15 bytes is held inside its
    /// `String` and has no buffer to share, so it is returned as it is.
    public mutating func callAsFunction(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return strings.insert(UTF8Key(text)).memberAfterInsert.text
    }

    public mutating func callAsFunction(_ text: String?) -> String? {
        text.map { self($0) }
    }

    /// `list` with each text interned, or the equal list seen first (one array for every
    /// deadline owed by the same agencies).
    public mutating func callAsFunction(_ list: [String]) -> [String] {
        guard !list.isEmpty else { return list }
        return lists.insert(List(texts: list.map { self($0) })).memberAfterInsert.texts
    }
}

/// A ``TextInterner`` shared by the threads that understand a site's documents: the
/// names (agencies, kinds, issuers, places) that documents have in common.
final class SharedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names = TextInterner()

    /// The names of `facts` swapped for the site's copies, under one lock for the document,
    /// then the document's other texts held once each (``DocumentFacts/internTexts()``).
    func intern(_ facts: inout DocumentFacts) {
        lock.lock()
        facts.internNames(&names)
        lock.unlock()
        facts.internTexts()
    }
}

extension DocumentFacts {
    /// Names swapped for the copies in `names`: who issued, signed, leads, cooperates,
    /// owes and receives; kinds, places, recurrences.
    mutating func internNames(_ names: inout TextInterner) {
        kind = names(kind)
        symbol = names(symbol)
        issuer = names(issuer)
        issuerLevel = names(issuerLevel)
        place = names(place)
        recipients = names(recipients)
        distribution = names(distribution)
        if var held = signer {
            held.authority = names(held.authority)
            held.position = names(held.position)
            signer = held
        }
        for index in tasks.indices {
            tasks[index].lead = names(tasks[index].lead)
            tasks[index].cooperating = names(tasks[index].cooperating)
        }
        for index in deadlines.indices {
            deadlines[index].owners = names(deadlines[index].owners)
            deadlines[index].recipients = names(deadlines[index].recipients)
            deadlines[index].recurrence = names(deadlines[index].recurrence)
        }
        for index in citations.indices {
            citations[index].kind = names(citations[index].kind)
            citations[index].issuer = names(citations[index].issuer)
        }
    }

    /// The document's other texts held once each: a sentence with several dates, what
    /// is due, a phrase or a hotline line repeated in the document.
    mutating func internTexts() {
        // Room for every text the document may hold once: its set is not grown while it fills.
        var texts = TextInterner(capacity: 3 + hotlineMentions.count + 2 * tasks.count + 3 * deadlines.count + citations.count)
        subject = texts(subject)
        if var month = actionMonth {
            month.theme = texts(month.theme)
            month.quote = texts(month.quote)
            actionMonth = month
        }
        hotlineMentions = hotlineMentions.map { texts($0) }
        for index in tasks.indices {
            tasks[index].text = texts(tasks[index].text)
            tasks[index].timeframe = texts(tasks[index].timeframe)
        }
        for index in deadlines.indices {
            deadlines[index].what = texts(deadlines[index].what)
            deadlines[index].quote = texts(deadlines[index].quote)
            deadlines[index].phrase = texts(deadlines[index].phrase)
        }
        for index in citations.indices {
            citations[index].quote = texts(citations[index].quote)
        }
    }
}
