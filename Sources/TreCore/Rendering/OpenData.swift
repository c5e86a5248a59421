import Foundation

/// The open-data file `/data/van-ban.json`: every document and what Tre
/// understood of it. Its shape is a public interface (documented in the
/// README); add fields, never rename or remove them. Absent values are `null`.
///
/// Written by ``JSONValue`` in the layout `JSONEncoder` gives with sorted keys
/// and pretty printing (the file's layout since it was first published).
public struct OpenData: Encodable, Sendable {
    public var documents: [Record]

    public init(documents: [Record]) { self.documents = documents }

    public var json: JSONValue { .object([("documents", .array(documents.map(\.json)))]) }

    public func encode(to encoder: Encoder) throws { try json.encode(to: encoder) }

    /// The whole file's bytes.
    public func encoded() -> Data { Data(json.prettyPrinted()) }

    /// ``encoded()`` handed out in parts, to be written one after another: records are written
    /// `batch` at a time on all cores, so neither the whole file nor every record's bytes are
    /// ever in memory at once.
    public func encode(batch: Int = 128, to emit: (Data) throws -> Void) throws {
        guard !documents.isEmpty else { return try emit(encoded()) }
        try emit(Data("{\n  \"documents\" : [\n".utf8))
        for start in stride(from: 0, to: documents.count, by: batch) {
            let range = start..<min(documents.count, start + batch)
            let parts = ResultSlots<[UInt8]>(count: range.count)
            DispatchQueue.concurrentPerform(iterations: range.count) { offset in
                let index = range.lowerBound + offset
                var bytes: [UInt8] = Array((index > 0 ? ",\n    " : "    ").utf8)
                documents[index].json.write(to: &bytes, depth: 2)
                parts.set(offset, bytes)
            }
            var joined = Data()
            for part in parts.values { joined.append(contentsOf: part) }
            try emit(joined)
        }
        try emit(Data("\n  ]\n}".utf8))
    }

    public struct Record: Sendable {
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

        public var json: JSONValue {
            let signer: JSONValue = facts.signer.map { signer in
                .object([("authority", .string(signer.authority)), ("name", .string(signer.name)), ("position", .string(signer.position))])
            } ?? .null
            let actionMonth: JSONValue = facts.actionMonth.map { month in
                .object([("theme", .string(month.theme)), ("year", .number(month.year))])
            } ?? .null
            let tasks = facts.tasks.map { task -> JSONValue in
                .object([("cooperating", .strings(task.cooperating)), ("lead", .strings(task.lead)), ("number", .string(task.number)),
                         ("text", .string(task.text)), ("timeframe", .string(task.timeframe))])
            }
            let deadlines = facts.deadlines.map { deadline -> JSONValue in
                .object([("anchor", .string((url ?? "") + "#" + deadline.anchor)), ("date", .string(deadline.date.iso)), ("owners", .strings(deadline.owners)),
                         ("quote", .string(deadline.quote)), ("recipients", .strings(deadline.recipients)), ("recurrence", .string(deadline.recurrence)),
                         ("start", .string(deadline.start?.iso)), ("what", .string(deadline.what))])
            }
            let citations = facts.citations.enumerated().map { index, citation -> JSONValue in
                .object([("date", .string(citation.date?.iso)), ("issuer", .string(citation.issuer)), ("kind", .string(citation.kind)),
                         ("number", .string(citation.number)), ("url", .string(citationURLs[index]))])
            }
            // Members in the order they are written (sorted by key), so that they are not sorted again.
            return .object([
                ("actionMonth", actionMonth), ("citations", .array(citations)), ("date", .string(facts.date?.iso)),
                ("deadlines", .array(deadlines)), ("issuer", .string(facts.issuer)), ("issuerLevel", .string(facts.issuerLevel)),
                ("kind", .string(facts.kind)), ("mentionsHotline", .bool(facts.mentionsHotline)), ("number", .string(facts.number)),
                ("place", .string(facts.place)), ("recipients", .strings(facts.recipients)), ("signer", signer),
                ("source", .string(source)), ("subject", .string(facts.subject)), ("symbol", .string(facts.symbol)),
                ("tasks", .array(tasks)), ("url", .string(url)), ("year", .number(facts.year)),
            ])
        }
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

