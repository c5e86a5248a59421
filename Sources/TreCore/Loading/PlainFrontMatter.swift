/// Reads the front matter nearly every document has — a few `key: value` lines of the
/// keys Tre knows, with plain one-line values — without a YAML parser: Yams takes some
/// 0.3 ms a file, which at 10,000 files was most of a build's loading.
///
/// It answers only when it is sure to read what Yams would: anything else (an unknown
/// key, a comment, quotes, indentation, a value YAML could read otherwise, a value Tre
/// would reject) returns nil and the file goes to ``FrontMatterParser/parse(yaml:file:)``,
/// which also reports problems with their lines. A test holds it to that parser.
///
/// ```swift
/// PlainFrontMatter.parse("kind: Công văn\ndate: 2022-01-10")   // kind and date set
/// PlainFrontMatter.parse("tags: [a, b]")                       // nil: left to YAML
/// ```
enum PlainFrontMatter {
    static func parse(_ yaml: String) -> FrontMatter? {
        var matter = FrontMatter()
        var seen = Set<Substring>()
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.utf8.allSatisfy({ $0 == 0x20 }) { continue }
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            let afterColon = line[line.utf8.index(after: colon)...]
            guard afterColon.utf8.first == 0x20, seen.insert(key).inserted else { return nil }
            let value = afterColon.drop { $0 == " " }
            guard let text = plainValue(value) else { return nil }
            switch key {
            case "title": matter.title = text
            case "kind": matter.kind = text
            case "number": matter.number = text
            case "issuer": matter.issuer = text
            case "place": matter.place = text
            case "subject": matter.subject = text
            case "layout": matter.layout = text
            case "slug":
                guard Slug.isValid(text) else { return nil }
                matter.slug = text
            case "date":
                guard let date = CalendarDate(iso: text) else { return nil }
                matter.date = date
            case "year":
                guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(text), (1900...2200).contains(year) else { return nil }
                matter.year = year
            case "draft":
                guard text == "true" || text == "false" else { return nil }
                matter.draft = text == "true"
            default:
                return nil
            }
        }
        return matter
    }

    /// Characters a plain YAML value may not start with.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`~".utf8)

    /// The value as YAML reads a plain one-line scalar, then trimmed; nil when YAML
    /// could read it otherwise (an indicator first, `: ` or ` #` inside, a flow bracket, a
    /// line break or control character, a null).
    private static func plainValue(_ value: Substring) -> String? {
        var end = value.endIndex
        while end > value.startIndex, value.utf8[value.utf8.index(before: end)] == 0x20 { end = value.utf8.index(before: end) }
        let text = value[..<end]
        guard let first = text.utf8.first, !indicators.contains(first), text.utf8.last != UInt8(ascii: ":"),
              !["null", "Null", "NULL"].contains(text) else { return nil }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { return nil }
            if byte == 0x20 && previous == UInt8(ascii: ":") { return nil }
            if byte == UInt8(ascii: "#") && previous == 0x20 { return nil }
            previous = byte
        }
        // NEL, the line and paragraph separators and a byte-order mark: YAML 1.1 breaks lines at the first three.
        guard !text.unicodeScalars.contains(where: { [0x85, 0x2028, 0x2029, 0xFEFF].contains($0.value) }) else { return nil }
        // White space YAML keeps (a no-break or ideographic space at an end) is left to it: YAML reads
        // "\u{A0}true" as a string, which the YAML path trims to "true" and then rejects as a draft flag.
        let trimmed = text.trimmed()
        return trimmed.isEmpty || trimmed.utf8.count != text.utf8.count ? nil : trimmed
    }
}
