import Foundation

/// A compact binary form of ``DocumentFacts`` for ``FactsStore``: every field
/// in declaration order, strings as a length and their UTF-8 bytes. About ten
/// times quicker to read than JSON, which matters when 10,000 documents are
/// read back on each build.
///
/// A field added to a facts type must be added to its `write`/`init(reading:)`
/// pair here; `FactsCodecTests` counts the fields and fails until it is, and a
/// new `tre` binary never reads an older binary's store.
protocol FactsCodable {
    func write(to writer: inout FactsWriter)
    init(reading reader: inout FactsReader) throws(FactsReader.Truncated)
}

extension FactsCodable {
    /// The value's bytes.
    var encoded: [UInt8] {
        var writer = FactsWriter()
        writer.write(self)
        return writer.bytes
    }

    /// A value from ``encoded`` bytes; nil when they are not a whole value.
    init?(encoded bytes: [UInt8]) {
        var reader = FactsReader(bytes)
        guard let value = try? Self(reading: &reader), reader.isAtEnd else { return nil }
        self = value
    }
}

/// Appends values to a byte buffer.
struct FactsWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 { bytes.append(UInt8(rest & 0x7F) | 0x80); rest >>= 7 }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write<T: FactsCodable>(_ value: T) { value.write(to: &self) }

    mutating func write<T: FactsCodable>(_ value: T?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        value.write(to: &self)
    }

    mutating func write(_ value: String?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(value)
    }

    mutating func write(_ value: Int?) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(value)
    }

    mutating func write<T: FactsCodable>(_ values: [T]) {
        write(values.count)
        for value in values { value.write(to: &self) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    /// Bytes as they are, after their count.
    mutating func write(bytes value: [UInt8]) {
        write(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what a ``FactsWriter`` wrote, in the same order.
struct FactsReader {
    /// The bytes ended early or held a value out of range: the entry is ignored and extracted again.
    struct Truncated: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func readInt() throws(Truncated) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
    }

    mutating func readString() throws(Truncated) -> String {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
    }

    mutating func readBytes() throws(Truncated) -> [UInt8] {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    private mutating func readPresence() throws(Truncated) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Truncated() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func read<T: FactsCodable>(_: T.Type = T.self) throws(Truncated) -> T { try T(reading: &self) }

    mutating func readOptional<T: FactsCodable>(_: T.Type = T.self) throws(Truncated) -> T? {
        try readPresence() ? try T(reading: &self) : nil
    }

    mutating func readOptionalString() throws(Truncated) -> String? { try readPresence() ? try readString() : nil }

    mutating func readOptionalInt() throws(Truncated) -> Int? { try readPresence() ? try readInt() : nil }

    mutating func readArray<T: FactsCodable>(_: T.Type = T.self) throws(Truncated) -> [T] {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try T(reading: &self)) }
        return result
    }

    mutating func readStrings() throws(Truncated) -> [String] {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - offset else { throw Truncated() }
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try readString()) }
        return result
    }
}

extension DocumentFacts: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(kind); writer.write(number); writer.write(symbol); writer.write(issuer); writer.write(issuerLevel)
        writer.write(place); writer.write(date); writer.write(partialDate); writer.write(subject); writer.write(year)
        writer.write(recipients); writer.write(distribution); writer.write(signer); writer.write(actionMonth)
        writer.write(hotlineMentions); writer.write(tasks); writer.write(deadlines); writer.write(citations)
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init()
        kind = try reader.readOptionalString(); number = try reader.readOptionalString(); symbol = try reader.readOptionalString()
        issuer = try reader.readOptionalString(); issuerLevel = try reader.readOptionalString(); place = try reader.readOptionalString()
        date = try reader.readOptional(); partialDate = try reader.readOptional(); subject = try reader.readOptionalString()
        year = try reader.readOptionalInt(); recipients = try reader.readStrings(); distribution = try reader.readStrings()
        signer = try reader.readOptional(); actionMonth = try reader.readOptional(); hotlineMentions = try reader.readStrings()
        tasks = try reader.readArray(); deadlines = try reader.readArray(); citations = try reader.readArray()
    }

    /// The facts as bytes for the store.
}

extension StoredDocument: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(facts)
        writer.write(header.count)
        for index in header { writer.write(index) }
        writer.write(repaired ? 1 : 0)
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        let facts = try DocumentFacts(reading: &reader)
        let count = try reader.readInt()
        guard count >= 0 && count <= 64 else { throw FactsReader.Truncated() }
        var header: [Int] = []
        for _ in 0..<count { header.append(try reader.readInt()) }
        let repaired = try reader.readInt()
        guard repaired == 0 || repaired == 1 else { throw FactsReader.Truncated() }
        self.init(facts: facts, header: header, repaired: repaired == 1)
    }

}

extension CalendarDate: FactsCodable {
    func write(to writer: inout FactsWriter) { writer.write(year); writer.write(month); writer.write(day) }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        guard let date = CalendarDate(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt()) else {
            throw FactsReader.Truncated()
        }
        self = date
    }
}

extension DocumentFacts.PartialDate: FactsCodable {
    func write(to writer: inout FactsWriter) { writer.write(month); writer.write(year) }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(month: try reader.readOptionalInt(), year: try reader.readInt())
    }
}

extension DocumentFacts.Signer: FactsCodable {
    func write(to writer: inout FactsWriter) { writer.write(authority); writer.write(position); writer.write(name) }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(authority: try reader.readOptionalString(), position: try reader.readOptionalString(), name: try reader.readOptionalString())
    }
}

extension DocumentFacts.ActionMonth: FactsCodable {
    func write(to writer: inout FactsWriter) { writer.write(year); writer.write(theme); writer.write(quote) }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(year: try reader.readOptionalInt(), theme: try reader.readOptionalString(), quote: try reader.readString())
    }
}

extension DocumentFacts.Task: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(number); writer.write(text); writer.write(lead); writer.write(cooperating); writer.write(timeframe); writer.write(anchor)
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(number: try reader.readString(), text: try reader.readString(), lead: try reader.readStrings(),
                  cooperating: try reader.readStrings(), timeframe: try reader.readOptionalString(), anchor: try reader.readString())
    }
}

extension DocumentFacts.Deadline: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(date); writer.write(start); writer.write(recurrence); writer.write(what); writer.write(owners)
        writer.write(recipients); writer.write(quote); writer.write(phrase); writer.write(anchor)
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(date: try reader.read(), start: try reader.readOptional(), recurrence: try reader.readOptionalString(),
                  what: try reader.readString(), owners: try reader.readStrings(), recipients: try reader.readStrings(),
                  quote: try reader.readString(), phrase: try reader.readString(), anchor: try reader.readString())
    }
}

extension DocumentFacts.Citation: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(kind); writer.write(number); writer.write(date); writer.write(issuer); writer.write(quote); writer.write(anchor)
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        self.init(kind: try reader.readString(), number: try reader.readOptionalString(), date: try reader.readOptional(),
                  issuer: try reader.readOptionalString(), quote: try reader.readString(), anchor: try reader.readString())
    }
}
