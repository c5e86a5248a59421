/// A JSON value, built by hand where `Codable` would be slow (the open data at 10,000 documents).
///
/// ```swift
/// let value: JSONValue = .object([("year", .number(2025)), ("theme", .null)])
/// String(decoding: value.prettyPrinted(), as: UTF8.self)   // "{\n  \"theme\" : null,\n  \"year\" : 2025\n}"
/// ```
public enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in any order: they are written sorted by key (listed in that order, they are written as they are).
    case object([(String, JSONValue)])

    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func number(_ value: Int?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
    /// (a test holds the two together).
    public func prettyPrinted() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, depth: 0)
        return output
    }

    /// The bytes `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`: no spaces, no newlines.
    public func compact() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, depth: nil)
        return output
    }

    /// Writes the value as if inside `depth` pretty-printed containers, or compact when `depth` is nil.
    public func write(to output: inout [UInt8], depth: Int?) {
        let inner = depth.map { $0 + 1 }
        // Pretty, each element on its own line; an empty container is "[\n\n]", as JSONEncoder writes it.
        func container(_ open: UInt8, _ close: UInt8, _ count: Int, _ element: (Int, inout [UInt8]) -> Void) {
            output.append(open)
            if inner != nil { output.append(UInt8(ascii: "\n")) }
            for index in 0..<count {
                if index > 0 { output.append(UInt8(ascii: ",")); if inner != nil { output.append(UInt8(ascii: "\n")) } }
                Self.indent(&output, inner)
                element(index, &output)
            }
            if inner != nil { output.append(UInt8(ascii: "\n")) }
            Self.indent(&output, depth)
            output.append(close)
        }
        switch self {
        case .string(let text): Self.write(string: text, to: &output)
        case .number(let number): output += String(number).utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let items):
            container(UInt8(ascii: "["), UInt8(ascii: "]"), items.count) { index, output in items[index].write(to: &output, depth: inner) }
        case .object(let members):
            let sorted = Self.inKeyOrder(members) ? members : members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            container(UInt8(ascii: "{"), UInt8(ascii: "}"), sorted.count) { index, output in
                Self.write(string: sorted[index].0, to: &output)
                output += (inner == nil ? ":" : " : ").utf8
                sorted[index].1.write(to: &output, depth: inner)
            }
        }
    }

    private static func indent(_ output: inout [UInt8], _ depth: Int?) {
        guard let depth else { return }
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether members are in the order they are written in (by their keys' bytes, a key equal to the one
    /// before it staying after it, as the stable sort leaves it): then they are written as they are, not sorted
    /// again. Tre's own objects list their members in that order.
    static func inKeyOrder(_ members: [(String, JSONValue)]) -> Bool {
        guard members.count > 1 else { return true }
        for index in 1..<members.count where members[index].0.utf8.lexicographicallyPrecedes(members[index - 1].0.utf8) { return false }
        return true
    }

    /// Runs of bytes that need no escape (nearly all of them) are copied at once.
    private static func write(string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = nextToEscape(in: bytes, from: 0)
            while index < bytes.count {
                let byte = bytes[index]
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                index = nextToEscape(in: bytes, from: runStart)
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case 0x0A: output += #"\n"#.utf8
                case 0x0D: output += #"\r"#.utf8
                case 0x09: output += #"\t"#.utf8
                case 0x08: output += #"\b"#.utf8
                case 0x0C: output += #"\f"#.utf8
                default: output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The offset of the first byte at or after `start` that a JSON string escapes (a control byte, a quote or a backslash),
    /// looked for eight bytes at a time; `bytes.count` when none is.
    static func nextToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.first(in: bytes, from: start) { word in
            ByteWords.below(word, 0x20) | ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\"))
        }
    }
}

extension JSONValue: Encodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let text): var c = encoder.singleValueContainer(); try c.encode(text)
        case .number(let number): var c = encoder.singleValueContainer(); try c.encode(number)
        case .bool(let flag): var c = encoder.singleValueContainer(); try c.encode(flag)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let items): try items.encode(to: encoder)
        case .object(let members):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try c.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
