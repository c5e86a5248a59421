import Foundation

/// A compiled regular expression (ICU's, as NSRegularExpression runs it: ``CompiledExpression``;
/// about 8× faster than Swift `Regex` on Linux for Tre's patterns) with a Swift-friendly match API.
/// Patterns are case-insensitive unless told otherwise.
///
/// `requires` names literals one of which every match contains ("Số" for a number
/// row): a text holding none of them is rejected by a byte search, without
/// copying it to UTF-16 for ICU. A case-insensitive pattern may only require literals
/// that have no case (digits, punctuation).
public struct Pattern: @unchecked Sendable {
    let regex: CompiledExpression
    let required: [String]
    let requiredWords: [String]
    /// The start words as lowercase scalar values, compared one scalar at a time.
    let starts: [[UInt32]]
    /// Words (UTF-8) one of which every match begins with: lowercase, in any case, for a
    /// case-insensitive pattern; as the text has them for one that is not.
    let matchStarts: [[UInt8]]
    let caseInsensitive: Bool
    /// Given the bytes start words are looked for in (the lowercased text's; the text's own for a
    /// case-sensitive pattern) and the offset just past a start word found in them, false when no
    /// match can begin with that word there; nil tries every start word.
    let admitsStart: (@Sendable (UnsafeBufferPointer<UInt8>, Int) -> Bool)?

    /// `startsWith` names the words (lowercase) one of which every match starts with, after
    /// list bullets and spaces, for patterns anchored at `^`: "cơ quan" for `^(?:[-+•]\s*)?Cơ quan …`.
    ///
    /// `requiresWords` names words (lowercase) one of which every match holds in any case,
    /// looked for in the lowercased text: "chủ trì" for `… chủ trì …`.
    ///
    /// `matchesStartWith` names words (lowercase) one of which every match begins with, in
    /// any case: ICU tries a pattern at every position where its first character may occur, and one
    /// that begins with a look-behind (`(?<!\p{L})(Kế hoạch|…)`) at every position, so
    /// ``matches(in:from:lowercased:)`` tries it only where a word begins (``matchesAtStartWords(in:lowercased:)``;
    /// in the text itself, not its lowercase, for a case-sensitive pattern, whose start words are then given as written),
    /// and, given `admitsStart`, only where that says a match may begin after the word: a byte check, so that
    /// the expression is not tried where it cannot match (the text is copied to UTF-16 once for all the tries).
    public init(_ pattern: String, caseInsensitive: Bool = true, requires: [String] = [], requiresWords: [String] = [],
                startsWith: [String] = [], matchesStartWith: [String] = [],
                admitsStart: (@Sendable (_ lowercased: UnsafeBufferPointer<UInt8>, _ afterWord: Int) -> Bool)? = nil) {
        regex = CompiledExpression(pattern, caseInsensitive: caseInsensitive)
        precondition(!caseInsensitive || requires.allSatisfy { $0.lowercased() == $0.uppercased() },
                     "a case-insensitive pattern can only require literals without case")
        required = requires
        precondition(requiresWords.allSatisfy { $0 == $0.lowercased() }, "required words are given in lowercase")
        requiredWords = requiresWords
        precondition(startsWith.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty }, "start words are given in lowercase")
        starts = startsWith.map { $0.unicodeScalars.map(\.value) }
        precondition(matchesStartWith.allSatisfy { !$0.isEmpty && (!caseInsensitive || $0 == $0.lowercased()) },
                     "match start words are given in lowercase for a case-insensitive pattern")
        matchStarts = matchesStartWith.map { Array($0.utf8) }
        self.caseInsensitive = caseInsensitive
        self.admitsStart = admitsStart
    }

    /// False when the text holds none of the required literals or starts with none of the
    /// start words, so no match is possible. `lowercased` is the text's lowercase when the caller has it.
    private func mayMatch(_ text: String, lowercased: LowercaseBytes? = nil) -> Bool {
        guard required.isEmpty || required.contains(where: { text.containsBytes($0) }) else { return false }
        if !requiredWords.isEmpty {
            let lower = lowercased ?? LowercaseBytes(text)
            guard requiredWords.contains(where: { lower.contains($0) }) else { return false }
        }
        return starts.isEmpty || mayStartWithStartWord(text)
    }

    /// Compares the text's first letters, lowercased one scalar at a time, with every start
    /// word at once. Where lowercasing is not one scalar to one scalar it answers true.
    private func mayStartWithStartWord(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next, scalar == "-" || scalar == "+" || scalar == "•" || WhitespaceScalars.contains(scalar.value) { next = scalars.next() }
        var alive = (1 << starts.count) - 1
        var position = 0
        while alive != 0, let scalar = next {
            guard let lower = LatinLetters.oneScalarLowercase(scalar) else { return true }
            for (index, word) in starts.enumerated() where alive & (1 << index) != 0 {
                if word[position] != lower {
                    alive &= ~(1 << index)
                } else if position == word.count - 1 {
                    return true
                }
            }
            position += 1
            next = scalars.next()
        }
        return false
    }

    /// One match: the whole range and each capture group (nil when the group did not take part).
    public struct Match {
        public let range: Range<String.Index>
        public let groups: [Substring?]
        public subscript(_ index: Int) -> Substring? { index < groups.count ? groups[index] : nil }
    }

    public func matches(in text: String, from start: String.Index? = nil) -> [Match] { matches(in: text, from: start, lowercased: nil) }

    /// - Parameter lowercased: the text's lowercase (``LowercaseBytes``), when the caller has it already.
    func matches(in text: String, from start: String.Index? = nil, lowercased: LowercaseBytes?) -> [Match] {
        let startWords = start == nil && !matchStarts.isEmpty
        let lower = lowercased ?? (requiredWords.isEmpty && !(startWords && caseInsensitive) ? nil : LowercaseBytes(text))
        guard mayMatch(text, lowercased: lower) else { return [] }
        if startWords, let found = caseInsensitive ? lower.flatMap({ matchesAtStartWords(in: text, lowercased: $0) }) : matchesAtStartWords(in: text) {
            return found
        }
        return regex.matches(in: text, from: start)
    }

    public func firstMatch(in text: String, from start: String.Index? = nil) -> Match? { firstMatch(in: text, from: start, lowercased: nil) }

    /// - Parameter lowercased: the text's lowercase (``LowercaseBytes``), when the caller
    ///   has it already, for the required words' check.
    func firstMatch(in text: String, from start: String.Index? = nil, lowercased: LowercaseBytes?) -> Match? {
        guard mayMatch(text, lowercased: lowercased) else { return nil }
        return regex.matches(in: text, from: start, first: true).first
    }

    /// A match that starts exactly at `start`.
    public func match(in text: String, at start: String.Index) -> Match? {
        guard mayMatch(text) else { return nil }
        return regex.match(in: text, anchoredAt: start)
    }

    public func contains(in text: String) -> Bool { firstMatch(in: text) != nil }

    /// ``matches(in:from:lowercased:)`` found by trying the expression, anchored, only where a start word
    /// begins (in the lowercased text), left to right, each try after the last match: the same
    /// matches as a search of every position, for a pattern whose every match begins with one.
    /// Look-behinds still see the text before a try (transparent bounds). Nil, to search every
    /// position, when lowercasing moved a character's bytes, so offsets in the lowercased text
    /// are not offsets in `text`.
    func matchesAtStartWords(in text: String, lowercased lower: LowercaseBytes) -> [Match]? {
        var text = text
        guard let candidates = lower.withUnsafeBufferPointer({ lowered in
            text.withUTF8 { original in Self.sameCharacterStarts(original, lowered) ? Self.offsets(of: matchStarts, in: lowered, admitting: admitsStart) : nil }
        }) else { return nil }
        return regex.matches(in: text, triedAt: candidates)
    }

    /// ``matchesAtStartWords(in:lowercased:)`` of a case-sensitive pattern: its start words are looked for in the text itself.
    func matchesAtStartWords(in text: String) -> [Match] {
        var text = text
        return regex.matches(in: text, triedAt: text.withUTF8 { Self.offsets(of: matchStarts, in: $0, admitting: admitsStart) })
    }

    /// For ``init(_:caseInsensitive:requires:requiresWords:startsWith:matchesStartWith:admitsStart:)``'s
    /// `admitsStart`, of expressions whose start word is followed by white space, optional words and then
    /// a number (`trước\s+(?:ngày\s+)?\d…`): ``mayFollow(_:after:spaceFirst:optional:startingWith:)`` with a
    /// digit, or one of `also`, to start the rest.
    /// - Parameter also: ASCII bytes that may stand where the number does (a quarter's "i" and "v").
    static func numberMayFollow(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, spaceFirst: Bool,
                                optional: [(word: [UInt8], spaceAfter: Bool)], also: [UInt8] = []) -> Bool {
        mayFollow(bytes, after: start, spaceFirst: spaceFirst, optional: optional) { ($0 >= 0x30 && $0 <= 0x39) || also.contains($0) }
    }

    /// Whether what an expression wants after its start word may follow it: false only when, in `bytes`
    /// from `start`, what comes first after ASCII white space and any of the `optional` words is nothing,
    /// or an ASCII byte that `startsRest` turns away. Any byte beyond ASCII (white space, a digit, a letter
    /// that folds to ASCII) is left to the expression.
    /// - Parameter spaceFirst: the expression wants white space (`\s+`) right after the start word.
    /// - Parameter optional: words the expression lets come first, each with whether it wants white space after it.
    /// - Parameter startsRest: whether an ASCII byte may begin what the expression wants next.
    static func mayFollow(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, spaceFirst: Bool,
                          optional: [(word: [UInt8], spaceAfter: Bool)], startingWith startsRest: (UInt8) -> Bool) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var index = start
        if spaceFirst {
            guard index < bytes.count else { return false }
            if bytes[index] >= 0x80 { return true }
            guard isSpace(bytes[index]) else { return false }
        }
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if byte >= 0x80 || startsRest(byte) { return true }
            guard let word = optional.first(where: { candidate in
                candidate.word.count <= bytes.count - index && candidate.word.indices.allSatisfy { bytes[index + $0] == candidate.word[$0] }
            }) else { return false }
            index += word.word.count
            if word.spaceAfter {
                guard index < bytes.count else { return false }
                if bytes[index] >= 0x80 { return true }
                guard isSpace(bytes[index]) else { return false }
            }
        }
    }

    /// True when both texts have the same length and start characters at the same bytes.
    static func sameCharacterStarts(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in a.indices where (a[index] & 0xC0 == 0x80) != (b[index] & 0xC0 == 0x80) { return false }
        return true
    }

    /// Every offset where one of `words` occurs in `bytes` (and `admitting` admits what follows it), in order, each once.
    private static func offsets(of words: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>,
                                admitting: ((UnsafeBufferPointer<UInt8>, Int) -> Bool)?) -> [Int] {
        var offsets: [Int] = []
        guard let base = bytes.baseAddress else { return offsets }
        for word in words {
            var start = 0
            while start + word.count <= bytes.count, let hit = memchr(base + start, Int32(word[0]), bytes.count - start) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if offset + word.count <= bytes.count, memcmp(base + offset, word, word.count) == 0,
                   admitting?(bytes, offset + word.count) ?? true { offsets.append(offset) }
                start = offset + 1
            }
        }
        return words.count == 1 ? offsets : Array(Set(offsets)).sorted()
    }

    public func replacing(in text: String, with template: String) -> String {
        regex.replacing(in: text, with: template)
    }
}
