/// Finds every dated obligation in a document: the date, a period's start,
/// recurrence, what is due, who owes it, to whom, the sentence and its anchor.
///
/// Forms: `trước ngày …`, `chậm nhất (là) (ngày) …`, `đến hết ngày …`,
/// `không muộn hơn ngày …`, `hạn chót …` with `dd/mm/yyyy`, `dd/mm` (the
/// document's year) or `ngày d tháng m năm yyyy`; periods `từ ngày … đến
/// ngày …`, `tháng 6/2025`, `Quý II, IV năm 2025`; recurrence from
/// `định kỳ 6 tháng`, `hằng năm`, `hằng quý`, `trước ngày 15 hằng tháng`.
/// Citation dates ("Kế hoạch số 83/KH-UBND ngày 06/5/2025") and spans like
/// `giai đoạn 2021-2030` are not deadlines.
public enum DeadlineExtractor {
    static let date = #"(?:ngày\s+)?(?:\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:năm|/)\s*\d{4,5})?|\d{1,2}\s?[/.-]\s?\d{1,2}(?:\s?[/.-]\s?\d{4,5})?)(?![\d/])"#
    /// The words a due date follows.
    static let dueStarts = ["trước", "chậm nhất", "đến hết", "không muộn hơn", "hạn chót", "hạn cuối"]
    static let due = Pattern(#"(?:trước|chậm nhất(?:\s+là)?|đến hết|không muộn hơn|hạn chót(?:\s+là)?|hạn cuối(?:\s+là)?)\s+"# + date,
                             matchesStartWith: dueStarts, admitsStart: { Pattern.numberMayFollow($0, after: $1, spaceFirst: true, optional: afterDueWord) })
    static let monthly = Pattern(#"trước\s+ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng"#, requiresWords: ["hằng", "hàng", "mỗi"])
    /// Group 1 is the date phrase; what lies between it and "hằng quý" (who reports what) stays in the sentence.
    static let quarterEnd = Pattern(#"(?:hằng|hàng|mỗi)\s+quý[^.]*?(trước\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý)"#, requiresWords: ["cuối"])
    static let range = Pattern(#"(?:từ|bắt đầu từ)\s+(?:ngày\s+)?("# + date + #")\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?("# + date + ")",
                               matchesStartWith: ["từ", "bắt đầu từ"], admitsStart: { Pattern.numberMayFollow($0, after: $1, spaceFirst: true, optional: afterRangeWord) })
    static let monthPeriod = Pattern(#"(?<!\d\s)(?<![/\d])(?:trong\s+)?tháng\s+(\d{1,2})\s*(?:/|\s+năm\s+)\s*((?:19|20)\d\d)(?!\d)"#,
                                   matchesStartWith: ["trong", "tháng"])
    static let quarters = Pattern(#"quý\s+((?:[IV]{1,3}|[1-4])(?:\s*(?:,|và|-)\s*(?:[IV]{1,3}|[1-4]))*)\s*(?:năm|/)\s*((?:19|20)\d\d)"#,
                                  matchesStartWith: ["quý"], admitsStart: quarterMayFollow)

    /// The words a due date's or a range's date may follow its first word by, each wanting white space
    /// after it: bytes made once, not on each check (``Pattern/numberMayFollow(_:after:spaceFirst:optional:also:)``).
    static let afterDueWord = ["là", "ngày"].map { (word: Array($0.utf8), spaceAfter: true) }
    static let afterRangeWord = [(word: Array("ngày".utf8), spaceAfter: true)]

    /// Whether a quarter's numeral may follow "quý" ending at `end` in a lowercased sentence: after white
    /// space, "i", "v", a digit or a byte beyond ASCII.
    @Sendable static func quarterMayFollow(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        Pattern.numberMayFollow(bytes, after: end, spaceFirst: true, optional: [], also: [UInt8(ascii: "i"), UInt8(ascii: "v")])
    }
    /// Nine sentences in ten hold none of the words, so a lowercase byte search comes first.
    static let labels = Pattern(#"6 tháng(?: đầu năm| cuối năm)?|cả năm(?: \d{4})?|(?:hằng|hàng) năm|(?<!\S)năm \d{4}|quý [IV]+"#,
                                requiresWords: ["6 tháng", "cả năm", "hằng năm", "hàng năm", "năm ", "quý "],
                                matchesStartWith: ["6 tháng", "cả năm", "hằng năm", "hàng năm", "năm ", "quý "])
    static let requestedPattern = Pattern(#"(?:đề nghị|yêu cầu|giao)\s+((?:các|Các)\s+[\p{L} ,]+?)(?=\s+(?:chủ động|triển khai|thực hiện|báo cáo|tổ chức|xây dựng))"#,
                                       requiresWords: ["đề nghị", "yêu cầu", "giao"])
    static let citationBefore = Pattern(#"(?:số\s*)?\d+[\p{L}\d]*\s*[-/]\s*[\p{L}\d&.\-/]+\s*,?\s*$"#, requires: ["-", "/"])

    struct Context {
        var year: Int?
        var owners: [String]
        var documentRecipients: [String]
    }

    public static func extract(blocks: [DocumentOutline.Block], year: Int?, tasks: [DocumentFacts.Task], recipients: [String]) -> [DocumentFacts.Deadline] {
        var deadlines: [DocumentFacts.Deadline] = []
        var itemLead: [String] = []
        var taskByAnchor: [String: DocumentFacts.Task] = [:]
        for task in tasks where taskByAnchor[task.anchor] == nil { taskByAnchor[task.anchor] = task }
        for block in blocks {
            if case .heading = block.kind { itemLead = [] }
            if block.startsItem, block.itemNumber != nil, block.listDepth == 1 {
                itemLead = leadingAgency(of: block.text).map { [$0] } ?? []
            }
            if block.listDepth == 0, RomanNumeral.leading(in: block.text) != nil { itemLead = [] }
            // Every deadline form holds a digit; most paragraphs hold none.
            guard block.text.containsASCIIDigit else { continue }
            var owners = taskByAnchor[block.anchor].map { $0.lead } ?? itemLead
            if owners.isEmpty, let asked = requested(in: block.text) { owners = asked }
            // A task's "Thời gian thực hiện" line is read with its task below.
            if TaskLabelLine.isTimeframe(block.text) { continue }
            for sentence in Sentences.split(block.text) {
                deadlines += extract(sentence: String(sentence), anchor: block.anchor, year: year, owners: owners, fallbackOwners: recipients)
            }
        }
        // A task's timeframe ("Quý II, IV năm 2025", "tháng 6/2026", "trước ngày 30/6") is on the calendar too.
        for task in tasks {
            guard let timeframe = task.timeframe else { continue }
            for found in extract(sentence: "Thời gian thực hiện: " + timeframe, anchor: task.anchor, year: year, owners: task.lead, fallbackOwners: []) {
                var deadline = found
                deadline.what = clip(task.text)
                deadline.owners = task.lead
                deadlines.append(deadline)
            }
        }
        return deadlines
    }

    static func extract(sentence: String, anchor: String, year: Int?, owners: [String], fallbackOwners: [String]) -> [DocumentFacts.Deadline] {
        // Every deadline form holds a digit; a block with one often has sentences without.
        guard sentence.containsASCIIDigit else { return [] }
        var found: [(date: CalendarDate, start: CalendarDate?, recurrence: String?, phrase: Range<String.Index>)] = []
        let lower = LowercaseBytes(sentence)
        // Cheap byte checks first: most sentences hold none of the words a deadline needs.
        let words = Self.words.occurring(in: lower)
        let recurring = words & Self.recurringWords != 0
        let hasQuarter = words & Self.quarterWord != 0, hasMonth = words & Self.monthWord != 0
        let hasDue = words & Self.dueWords != 0
        let hasRange = words & Self.rangeWord != 0
        guard hasQuarter || hasMonth || hasDue || hasRange else { return [] }
        // Characters already claimed by a phrase: the patterns are tried in order and never overlap.
        var claimed = Coverage(sentence)
        // Nil only when lowercasing moved bytes: the expressions are run then.
        let scanned = DatePhraseScanner.scan(sentence, lowercased: lower, due: hasDue, range: hasRange, monthPeriod: hasMonth, quarters: hasQuarter)
        func accept(_ range: Range<String.Index>) -> Bool { claimed.claim(range) }
        if hasQuarter, let match = quarterEnd.firstMatch(in: sentence, lowercased: lower), let phrase = match[1], let day = match[2].flatMap({ Int($0) }), let year,
           let first = CalendarDate(year: year, month: 3, day: day), accept(match.range) {
            found.append((first, nil, "quarterly", phrase.startIndex..<phrase.endIndex))
        }
        if hasMonth, hasDue, let match = monthly.firstMatch(in: sentence, lowercased: lower), let day = match[1].flatMap({ Int($0) }), let year,
           let first = CalendarDate(year: year, month: 1, day: day), accept(match.range) {
            found.append((first, nil, "monthly", match.range))
        }
        for match in scanned.map(\.due) ?? (hasDue ? due.matches(in: sentence, lowercased: lower) : []) {
            let text = String(sentence[match.range])
            guard let dateStart = text.firstIndex(where: \.isNumber),
                  let parsed = DateExpression.parse(String(text[dateStart...]), defaultYear: year), accept(match.range) else { continue }
            let recurrence = !parsed.hadYear && recurring ? "yearly" : nil
            found.append((parsed.date, nil, recurrence, match.range))
        }
        for match in scanned.map(\.range) ?? (hasRange ? range.matches(in: sentence, lowercased: lower) : []) {
            guard let endText = match[2], let end = DateExpression.all(in: String(endText), defaultYear: year).first?.date else { continue }
            let startText = match[1].map(String.init) ?? ""
            let start = DateExpression.all(in: startText, defaultYear: end.year).first?.date
            guard start.map({ $0 <= end }) ?? true, accept(match.range) else { continue }
            found.append((end, start, nil, match.range))
        }
        for match in scanned.map(\.monthPeriod) ?? (hasMonth ? monthPeriod.matches(in: sentence, lowercased: lower) : []) {
            guard !isCitationDate(sentence, before: match.range.lowerBound),
                  let month = match[1].flatMap({ Int($0) }), let y = match[2].flatMap({ Int($0) }),
                  let start = CalendarDate(year: y, month: month, day: 1), accept(match.range) else { continue }
            found.append((start.endOfMonth, start, nil, match.range))
        }
        for match in scanned.map(\.quarters) ?? (hasQuarter ? quarters.matches(in: sentence, lowercased: lower) : []) {
            let periods = periods(of: match, year: year)
            guard !periods.isEmpty, accept(match.range) else { continue }
            for (start, end) in periods { found.append((end, start, nil, match.range)) }
        }
        guard !found.isEmpty else { return [] }
        found.sort { $0.phrase.lowerBound < $1.phrase.lowerBound }

        let remainder = without(found.map(\.phrase), in: sentence[...])
        let labelMatches = DatePhraseScanner.labels(in: remainder) ?? labels.matches(in: remainder)
        let periodLabels = labelMatches.count == found.count ? labelMatches.map { String(remainder[$0.range]) } : []
        let clauses = clauseRanges(sentence)
        let subject = leadingAgency(of: sentence) ?? afterRecurrence(sentence, lower: lower).flatMap(leadingAgency(of:))
        let owing = subject.map { [$0] } ?? (owners.isEmpty ? requested(in: sentence, lowercased: lower) ?? fallbackOwners : owners)
        let to = recipients(in: sentence)
        // One pass: found and clauses are both in order, so each clause's phrases are a contiguous run.
        var clauseOfItem: [Int] = []
        var clauseIndex = 0
        for item in found {
            while clauseIndex < clauses.count - 1, !clauses[clauseIndex].contains(item.phrase.lowerBound) { clauseIndex += 1 }
            clauseOfItem.append(clauseIndex)
        }
        var whatByClause: [Int: String] = [:]
        var runStart = 0
        for index in found.indices where index == found.count - 1 || clauseOfItem[index + 1] != clauseOfItem[index] {
            let clause = clauses[clauseOfItem[index]]
            // A sentence of one clause is the remainder already made, without every phrase.
            whatByClause[clauseOfItem[index]] = duty(in: clauses.count == 1 ? remainder : without(found[runStart...index].map(\.phrase), in: sentence[clause]))
            runStart = index + 1
        }
        // One array for every deadline of the sentence: the same owners, held once.
        let owners = owing.map(AgencyNames.normalize)
        return found.enumerated().map { index, item in
            let what = whatByClause[clauseOfItem[index]] ?? ""
            var whatText = what
            if index < periodLabels.count { whatText += " (\(periodLabels[index]))" }
            return DocumentFacts.Deadline(date: item.date, start: item.start, recurrence: item.recurrence, what: whatText,
                                          owners: owners, recipients: to, quote: sentence,
                                          phrase: String(sentence[item.phrase]).collapsingWhitespace, anchor: anchor)
        }
    }

    /// The words a sentence's date phrases need, looked for in one pass over its lowercase.
    static let words = ByteKeywords(["định kỳ", "hằng năm", "hàng năm", "quý", "tháng", "từ"] + dueStarts)
    static let recurringWords = ["định kỳ", "hằng năm", "hàng năm"].reduce(0) { $0 | words.bit(of: $1) }
    static let dueWords = dueStarts.reduce(0) { $0 | words.bit(of: $1) }
    static let quarterWord = words.bit(of: "quý"), monthWord = words.bit(of: "tháng"), rangeWord = words.bit(of: "từ")

    /// `text` with the date phrases cut out and the leftovers tidied: white space collapsed, the parentheses a
    /// phrase filled left out (`(trước ngày 5/6)` and `( trước ngày 5/6 )` alike), no space before `,`, `.` or `)`.
    static func without(_ phrases: [Range<String.Index>], in text: Substring) -> String {
        var rest = ""
        var cursor = text.startIndex
        for phrase in phrases where phrase.lowerBound >= cursor && phrase.upperBound <= text.endIndex {
            rest += text[cursor..<phrase.lowerBound]
            cursor = phrase.upperBound
        }
        rest += text[cursor...]
        return rest.collapsingWhitespace.replacingBytes("()", with: "").replacingBytes("( )", with: "").collapsingWhitespace
            .replacingBytes(" ,", with: ",").replacingBytes(" .", with: ".").replacingBytes(" )", with: ")")
    }

    /// The ranges of a sentence's clauses, split at ";".
    static func clauseRanges(_ sentence: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var start = sentence.startIndex
        // ";" is one byte and, in NFC text, its own character.
        for index in sentence.utf8.indices where sentence.utf8[index] == UInt8(ascii: ";") {
            result.append(start..<index)
            start = sentence.utf8.index(after: index)
        }
        result.append(start..<sentence.endIndex)
        return result
    }

    /// What is due, from a clause without its dates: "định kỳ 6 tháng, hằng năm báo cáo …" → "Báo cáo …".
    static func duty(in clause: String) -> String {
        var text = droppingLeadingConnectors(clause)
        if let report = text.byteRange(of: "báo cáo"), text.distance(from: text.startIndex, to: report.lowerBound) <= 30,
           !AgencyNames.startsWithHead(Substring(text)) {
            text = String(text[report.lowerBound...])
        }
        text = text.trimmed(" ,;.:")
        while text.hasSuffix(" và") || text.hasSuffix(" hoặc") { text = String(text.dropLast(text.hasSuffix(" và") ? 3 : 5)).trimmed(" ,") }
        return clip(text.prefix(1).uppercased() + text.dropFirst())
    }

    /// `text` without its leading run of ",", ";", ".", white space, "định kỳ" and "và" in any case:
    /// what `^(?:[,;.\s]|định kỳ|và)+` (case-insensitive) matches, found without ICU.
    static func droppingLeadingConnectors(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func startsWord(_ word: [Unicode.Scalar], at start: String.Index) -> String.Index? {
            var position = start
            for letter in word {
                guard position < scalars.endIndex, lowercases(scalars[position], to: letter) else { return nil }
                position = scalars.index(after: position)
            }
            return position
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "," || scalar == ";" || scalar == "." || WhitespaceScalars.contains(scalar.value) {
                index = scalars.index(after: index)
            } else if let end = startsWord(periodicWord, at: index) ?? startsWord(andWord, at: index) {
                index = end
            } else {
                break
            }
        }
        return index == scalars.startIndex ? text : String(text[index...])
    }
    private static let periodicWord = Array("định kỳ".unicodeScalars), andWord = Array("và".unicodeScalars)

    /// Whether `scalar` is `letter` (lowercase) in some case, as a case-insensitive expression compares them.
    private static func lowercases(_ scalar: Unicode.Scalar, to letter: Unicode.Scalar) -> Bool {
        if scalar == letter { return true }
        if let lower = LatinLetters.oneScalarLowercase(scalar) { return lower == letter.value }
        return scalar.properties.lowercaseMapping.unicodeScalars.elementsEqual([letter])
    }

    /// Which UTF-8 offsets of a sentence a phrase has claimed.
    struct Coverage {
        let text: String
        var taken: [Bool]
        init(_ text: String) { self.text = text; taken = Array(repeating: false, count: text.utf8.count + 1) }
        /// Claims `range` unless part of it is taken already.
        mutating func claim(_ range: Range<String.Index>) -> Bool {
            let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
            guard !taken[lower..<upper].contains(true) else { return false }
            for index in lower..<upper { taken[index] = true }
            return true
        }
    }

    /// Quarters named in a phrase ("Quý II, IV năm 2025") as (first day, last day).
    static func periods(of match: Pattern.Match, year: Int?) -> [(CalendarDate, CalendarDate)] {
        guard let list = match[1] else { return [] }
        let y = match[2].flatMap { Int($0) } ?? year
        guard let y else { return [] }
        return list.split(whereSeparator: { ", -".contains($0) }).filter { $0 != "và" }.compactMap { Quarters.number($0) }
            .compactMap { Quarters.range(quarter: $0, year: y) }
    }

    static func isCitationDate(_ sentence: String, before index: String.Index) -> Bool {
        let prefix = String(sentence[sentence.index(index, offsetBy: -min(40, sentence.distance(from: sentence.startIndex, to: index)))..<index])
        return citationBefore.contains(in: prefix)
    }

    static let spacedVerbs = verbs.map { " " + $0 }
    static let verbs = ["chủ trì", "tổ chức", "xây dựng", "thực hiện", "triển khai", "báo cáo", "gửi", "có trách nhiệm", "căn cứ", "theo chức năng", "chủ động", "tiếp tục", "phối hợp"]

    /// The agency a sentence or item starts with, up to its verb: "Phòng Y tế chủ trì, …" → "Phòng Y tế".
    static func leadingAgency(of text: String) -> String? {
        let trimmed = text.trimmed(" *_-0123456789.")
        // Most sentences start with no agency: seen on their first bytes, when collapsing would keep those.
        if trimmed.keepsStartWhenCollapsed(AgencyNames.headCheckLength), !AgencyNames.startsWithHead(Substring(trimmed)) { return nil }
        let clean = trimmed.collapsingWhitespace
        guard AgencyNames.startsWithHead(Substring(clean)) else { return nil }
        // Verbs are written in lowercase mid-sentence; an index found in `clean` is an index of `clean`.
        var end = firstSpacedVerb(in: clean) ?? clean.endIndex
        // ":" is one byte and, in NFC text, a character of its own.
        if let colon = clean.utf8.firstIndex(of: UInt8(ascii: ":")), colon < end { end = colon }
        let candidate = String(clean[..<end]).trimmed(" ,;:")
        guard candidate.exceeds(characters: 3), candidate.fits(characters: 120), end != clean.endIndex || clean.fits(characters: 120) else { return nil }
        return candidate
    }

    /// Where the first of ``spacedVerbs`` begins in `text`: each starts with a space, so only spaces are
    /// tried, each with the verbs whose first letter follows it.
    static func firstSpacedVerb(in text: String) -> String.Index? {
        var text = text
        let offset = text.withUTF8 { bytes -> Int? in
            for start in bytes.indices where bytes[start] == UInt8(ascii: " ") && start + 1 < bytes.count {
                for verb in spacedVerbsByLetter[Int(bytes[start + 1])] where verb.count <= bytes.count - start {
                    if memcmp(bytes.baseAddress! + start, verb, verb.count) == 0 { return start }
                }
            }
            return nil
        }
        return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }
    /// ``spacedVerbs`` as UTF-8, by the byte after their space.
    static let spacedVerbsByLetter: [[[UInt8]]] = spacedVerbs.map { Array($0.utf8) }.reduce(into: Array(repeating: [], count: 256)) { table, verb in
        table[Int(verb[1])].append(verb)
    }

    /// "Định kỳ hằng quý, Trung tâm Y tế báo cáo …" → "Trung tâm Y tế báo cáo …": the sentence after
    /// a leading "how often" clause, where its subject is.
    static func afterRecurrence(_ sentence: String, lower: LowercaseBytes) -> String? {
        guard ["định kỳ", "hằng ", "hàng ", "mỗi "].contains(where: { lower.hasPrefix($0) }),
              let comma = sentence.utf8.prefix(48).firstIndex(of: UInt8(ascii: ",")) else { return nil }
        return String(sentence[sentence.utf8.index(after: comma)...])
    }

    /// "đề nghị các đơn vị, địa phương …" → the agencies asked.
    static func requested(in sentence: String, lowercased: LowercaseBytes? = nil) -> [String]? {
        guard let match = requestedPattern.firstMatch(in: sentence, lowercased: lowercased),
              let group = match[1] else { return nil }
        return [String(group)]
    }

    static let recipientPattern = Pattern(#"(?:gửi về|gửi|báo cáo về|về|báo cáo|đề xuất)\s+((?:Sở|Phòng|UBND|Ủy ban|Uỷ ban|Bộ|Văn phòng|Trung tâm|Ban|Cục|Chi cục|Công an|Thường trực|Hội đồng)\b[^(),;.]*)"#,
                                       caseInsensitive: false, requires: ["gửi", "về", "báo cáo", "đề xuất"],
                                       matchesStartWith: ["gửi", "về", "báo cáo", "đề xuất"], admitsStart: agencyMayFollow)

    /// Whether what follows a recipient's verb ending at `end` may be white space and then an agency's head
    /// (or "về", after "gửi" or "báo cáo"): after the white space, a capital, "v" or a byte beyond ASCII.
    @Sendable static func agencyMayFollow(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        Pattern.mayFollow(bytes, after: end, spaceFirst: true, optional: []) { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 == UInt8(ascii: "v") }
    }
    static let recipientStops = [" để ", " trước ", " theo ", " trên ", " kết quả", " trong ", " định kỳ", " xem xét", " tổng hợp", " về "]

    /// "… về Sở Y tế và Ủy ban nhân dân huyện trước ngày …" → both agencies.
    static func recipients(in sentence: String) -> [String] {
        var result: [String] = []
        for match in recipientPattern.matches(in: sentence) {
            guard var text = match[1].map(String.init) else { continue }
            for stop in recipientStops { if let range = text.byteRange(of: stop) { text = String(text[..<range.lowerBound]) } }
            var parts: [String] = []
            for piece in text.pieces(separatedBy: " và ") {
                if parts.isEmpty || AgencyNames.startsWithHead(piece) { parts.append(String(piece)) } else { parts[parts.count - 1] += " và " + piece }
            }
            result += parts.map(AgencyNames.normalize).filter { $0.exceeds(characters: 3) }
        }
        var seen = Set<String>()
        return result.filter { seen.insert(AgencyNames.key($0)).inserted }
    }

    static func clip(_ text: String) -> String {
        text.clipped(to: 220, keeping: 217)
    }
}

import Foundation
