import Foundation

/// The open-data file `/data/van-ban.json`: every document and what Tre
/// understood of it. Its shape is a public interface (documented in the
/// README); add fields, never rename or remove them. Absent values are `null`.
public struct OpenData: Encodable, Sendable {
    public var documents: [Record]

    public init(documents: [Record]) { self.documents = documents }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The file's bytes: the same as one `JSONEncoder` pass over the whole value.
    public func encoded() throws -> Data {
        var data = Data()
        try encode { data.append($0) }
        return data
    }

    /// ``encoded()`` handed out in parts, to be written one after another: records are encoded
    /// `batch` at a time on all cores and indented into the `documents` array, so neither the
    /// whole file nor every record's bytes are ever in memory at once.
    public func encode(batch: Int = 512, to emit: (Data) throws -> Void) throws {
        guard !documents.isEmpty else { return try emit(Self.encoder().encode(self)) }
        try emit(Data("{\n  \"documents\" : [\n".utf8))
        for start in stride(from: 0, to: documents.count, by: batch) {
            let range = start..<min(documents.count, start + batch)
            let parts = ResultSlots<Result<Data, Error>>(count: range.count)
            DispatchQueue.concurrentPerform(iterations: range.count) { offset in
                let index = range.lowerBound + offset
                parts.set(offset, Result { try Self.indented(Self.encoder().encode(documents[index]), separated: index > 0) })
            }
            for part in parts.values { try emit(part.get()) }
        }
        try emit(Data("\n  ]\n}".utf8))
    }

    /// A pretty-printed record moved two levels in: four spaces before each line that is not
    /// empty, as the encoder writes it. Strings never hold a raw newline (JSON escapes it),
    /// so lines are safe to cut at.
    static func indented(_ json: Data, separated: Bool) -> Data {
        var result: [UInt8] = separated ? Array(",\n".utf8) : []
        result.reserveCapacity(json.count + json.count / 8)
        let indent = Array("    ".utf8)
        var atLineStart = true
        for byte in json {
            let newline = byte == UInt8(ascii: "\n")
            if atLineStart && !newline { result += indent }
            result.append(byte)
            atLineStart = newline
        }
        return Data(result)
    }

    public struct Record: Encodable, Sendable {
        public var source: String
        public var url: String?
        public var facts: DocumentFacts
        /// Absolute page URLs of cited documents that are in the site, by citation index.
        public var citationURLs: [Int: String] = [:]

        public init(source: String, url: String?, facts: DocumentFacts, citationURLs: [Int: String] = [:]) {
            self.source = source
            self.url = url
            self.facts = facts
            self.citationURLs = citationURLs
        }

        enum Key: String, CodingKey {
            case source, url, kind, number, symbol, issuer, issuerLevel, place, date, year, subject, recipients, signer
            case actionMonth, mentionsHotline, tasks, deadlines, citations
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode(facts.kind, forKey: .kind)
            try c.encode(facts.number, forKey: .number)
            try c.encode(facts.symbol, forKey: .symbol)
            try c.encode(facts.issuer, forKey: .issuer)
            try c.encode(facts.issuerLevel, forKey: .issuerLevel)
            try c.encode(facts.place, forKey: .place)
            try c.encode(facts.date?.iso, forKey: .date)
            try c.encode(facts.year, forKey: .year)
            try c.encode(facts.subject, forKey: .subject)
            try c.encode(facts.recipients, forKey: .recipients)
            try c.encode(facts.signer.map(SignerJSON.init), forKey: .signer)
            try c.encode(facts.actionMonth.map { ActionMonthJSON(year: $0.year, theme: $0.theme) }, forKey: .actionMonth)
            try c.encode(facts.mentionsHotline, forKey: .mentionsHotline)
            try c.encode(facts.tasks.map(TaskJSON.init), forKey: .tasks)
            try c.encode(facts.deadlines.map { DeadlineJSON($0, page: url) }, forKey: .deadlines)
            try c.encode(facts.citations.enumerated().map { CitationJSON($1, url: citationURLs[$0]) }, forKey: .citations)
        }
    }

    struct SignerJSON: Encodable {
        var authority: String?, position: String?, name: String?
        init(_ s: DocumentFacts.Signer) { authority = s.authority; position = s.position; name = s.name }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(authority, forKey: .authority)
            try c.encode(position, forKey: .position)
            try c.encode(name, forKey: .name)
        }
        enum CodingKeys: String, CodingKey { case authority, position, name }
    }

    struct ActionMonthJSON: Encodable {
        var year: Int?, theme: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(year, forKey: .year)
            try c.encode(theme, forKey: .theme)
        }
        enum CodingKeys: String, CodingKey { case year, theme }
    }

    struct TaskJSON: Encodable {
        var number: String, text: String, lead: [String], cooperating: [String], timeframe: String?
        init(_ t: DocumentFacts.Task) { number = t.number; text = t.text; lead = t.lead; cooperating = t.cooperating; timeframe = t.timeframe }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(text, forKey: .text)
            try c.encode(lead, forKey: .lead)
            try c.encode(cooperating, forKey: .cooperating)
            try c.encode(timeframe, forKey: .timeframe)
        }
        enum CodingKeys: String, CodingKey { case number, text, lead, cooperating, timeframe }
    }

    struct DeadlineJSON: Encodable {
        let deadline: DocumentFacts.Deadline
        let page: String?
        init(_ d: DocumentFacts.Deadline, page: String?) { deadline = d; self.page = page }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(deadline.date.iso, forKey: .date)
            try c.encode(deadline.start?.iso, forKey: .start)
            try c.encode(deadline.recurrence, forKey: .recurrence)
            try c.encode(deadline.what, forKey: .what)
            try c.encode(deadline.owners, forKey: .owners)
            try c.encode(deadline.recipients, forKey: .recipients)
            try c.encode(deadline.quote, forKey: .quote)
            try c.encode((page ?? "") + "#" + deadline.anchor, forKey: .anchor)
        }
        enum CodingKeys: String, CodingKey { case date, start, recurrence, what, owners, recipients, quote, anchor }
    }

    struct CitationJSON: Encodable {
        let citation: DocumentFacts.Citation
        let url: String?
        init(_ c: DocumentFacts.Citation, url: String?) { citation = c; self.url = url }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(citation.kind, forKey: .kind)
            try c.encode(citation.number, forKey: .number)
            try c.encode(citation.date?.iso, forKey: .date)
            try c.encode(citation.issuer, forKey: .issuer)
            try c.encode(url, forKey: .url)
        }
        enum CodingKeys: String, CodingKey { case kind, number, date, issuer, url }
    }
}

/// A plain-text report of a document's facts, for `tre inspect`.
public enum FactsReport {
    public static func text(for facts: DocumentFacts, path: String) -> String {
        var lines = ["== \(path)"]
        func field(_ name: String, _ value: String?) { lines.append("\(name.padding(toLength: 13, withPad: " ", startingAt: 0)) \(value ?? "—")") }
        field("kind", facts.kind)
        field("number", facts.number)
        field("symbol", facts.symbol)
        field("issuer", facts.issuer.map { "\($0)" + (facts.issuerLevel.map { " (\($0))" } ?? "") })
        field("place", facts.place)
        field("date", facts.date?.iso ?? facts.partialDate.map { "day blank, " + ($0.month.map { "month \($0), " } ?? "month blank, ") + "year \($0.year)" })
        field("subject", facts.subject)
        field("year", facts.year.map(String.init))
        field("recipients", facts.recipients.isEmpty ? nil : facts.recipients.joined(separator: " | "))
        field("signer", facts.signer.map { [$0.authority, $0.position, $0.name].compactMap { $0 }.joined(separator: " / ") })
        field("action month", facts.actionMonth.map { "\($0.year.map(String.init) ?? "?"): \($0.theme ?? "(no theme stated)")" })
        field("hotline 111", facts.mentionsHotline ? "\(facts.hotlineMentions.count) mention(s)" : "not mentioned")
        lines.append("tasks (\(facts.tasks.count))")
        for task in facts.tasks {
            lines.append("  \(task.number). lead: \(task.lead.joined(separator: "; ")) | with: \(task.cooperating.joined(separator: "; ")) | when: \(task.timeframe ?? "—")")
        }
        lines.append("deadlines (\(facts.deadlines.count))")
        for d in facts.deadlines {
            let when = (d.start.map { "\($0.iso)…" } ?? "") + d.date.iso + (d.recurrence.map { " ↻\($0)" } ?? "")
            lines.append("  \(when) [\(d.phrase)] \(d.what)")
            lines.append("      owners: \(d.owners.joined(separator: "; ")) → to: \(d.recipients.joined(separator: "; ")) #\(d.anchor)")
        }
        lines.append("citations (\(facts.citations.count))")
        for c in facts.citations {
            lines.append("  \(c.kind) \(c.number ?? "") \(c.date?.iso ?? "") \(c.issuer ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}

