/// One piece of a parsed Mustache template.
enum MustacheNode: Sendable {
    case text(String)
    case variable(MustacheName, escaped: Bool)
    case section(MustacheName, inverted: Bool, body: [MustacheNode])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
    case partial(String, indentation: String?, overrides: [String: [MustacheNode]]?)
    /// `{{$name}}default{{/name}}` in a layout.
    case block(String, defaultBody: [MustacheNode], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: an override.
    case blockDefinition(String, body: [MustacheNode])
}

/// A name as written in a tag: `.` (the current value), `a.b.c`, or `.a` (looked up in the current value only).
struct MustacheName: Sendable, Equatable {
    let components: [String]
    let anchored: Bool
}

/// A template that does not parse, and where (a byte offset into its text).
struct MustacheSyntaxError: Error {
    let message: String
    let offset: Int
}

/// Parses Mustache text into ``MustacheNode``s.
///
/// The whitespace rules are swift-mustache's (Tre rendered with it before it
/// had its own engine), so a theme renders to the same bytes: a line holding only a
/// section, comment, partial or block tag disappears with its newline; a
/// standalone partial indents every line it writes.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Every `{{> name}}` and `{{< name}}` with its tag's byte offset, in order.
    private var partials: [(name: String, offset: Int)] = []

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [UInt8] = Array("{{".utf8)
        var end: [UInt8] = Array("}}".utf8)
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    static func parse(_ text: String) throws(MustacheSyntaxError) -> [MustacheNode] {
        var partials: [(name: String, offset: Int)] = []
        return try parse(text, partials: &partials)
    }

    /// Parses `text` and hands back the partials it names, so that missing ones can be reported with their line.
    static func parse(_ text: String, partials: inout [(name: String, offset: Int)]) throws(MustacheSyntaxError) -> [MustacheNode] {
        var parser = MustacheParser(bytes: Array(text.utf8))
        let nodes = try parser.parse(State())
        partials = parser.partials
        return nodes
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { bytes[position] }

    private mutating func parse(_ initial: State) throws(MustacheSyntaxError) -> [MustacheNode] {
        var nodes: [MustacheNode] = []
        var state = initial
        var whitespaceBefore = ""
        while !atEnd {
            if state.newLine {
                let whitespace = readBlanks()
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readUntilTagOrNewline(state)
            if let newline = readNewline() {
                nodes.append(.text(whitespaceBefore + text + newline))
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                whitespaceBefore = ""
            }
            var setNewLine = false
            let tagStart = position
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let (name, raw) = try readName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let body = try parse(state.section(raw, newLine: setNewLine))
                nodes.append(.section(name, inverted: inverted, body: body))
            case UInt8(ascii: "/"):
                position += 1
                let (_, raw) = try readName(state)
                guard raw == state.sectionName else {
                    throw MustacheSyntaxError(message: state.sectionName.map { "{{/\(raw)}} closes {{#\($0)}}" } ?? "{{/\(raw)}} closes no section",
                                              offset: tagStart)
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard skip(past: state.end) else { throw MustacheSyntaxError(message: "the comment is not closed", offset: tagStart) }
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                flushWhitespace()
                position += 1
                let (name, _) = try readName(state, closing: triple ? [UInt8(ascii: "}")] + state.end : state.end)
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(state)
                partials.append((name, tagStart))
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whitespaceBefore, overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = ""
            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(state)
                partials.append((name, tagStart))
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                var inner = state
                inner.sectionName = name
                inner.newLine = true
                inner.isPartialDefinition = true
                inner.isPartialDefinitionTopLevel = true
                var overrides: [String: [MustacheNode]] = [:]
                for node in try parse(inner) {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default:
                        throw MustacheSyntaxError(message: "inside {{<\(name)}} only {{$block}} overrides may stand", offset: tagStart)
                    }
                }
                nodes.append(.partial(name, indentation: whitespaceBefore, overrides: overrides))
                whitespaceBefore = ""
            case UInt8(ascii: "$"):
                position += 1
                let (_, raw) = try readName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(raw, body: try parse(state.section(raw, newLine: setNewLine))))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.section(raw, newLine: setNewLine))
                    nodes.append(.block(raw, defaultBody: body, indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(&state, tagStart: tagStart)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                throw MustacheSyntaxError(message: "pragmas ({{% …}}) are not supported", offset: tagStart)
            default:
                flushWhitespace()
                let (name, _) = try readName(state)
                nodes.append(.variable(name, escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw MustacheSyntaxError(message: "{{#\(open)}} (or {{<\(open)}}, {{$\(open)}}) is never closed", offset: position)
        }
        return nodes
    }

    // MARK: Reading

    private mutating func readBlanks() -> String {
        let start = position
        while !atEnd, current == 0x20 || current == 0x09 { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Reads "\n", "\r\n" or "\r" if one is next.
    private mutating func readNewline() -> String? {
        guard !atEnd else { return nil }
        if current == 0x0A { position += 1; return "\n" }
        guard current == 0x0D else { return nil }
        if position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 2; return "\r\n" }
        position += 1
        return "\r"
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        offset + delimiter.count <= bytes.count && bytes[offset..<offset + delimiter.count].elementsEqual(delimiter)
    }

    /// Text up to a newline (not consumed) or an opening delimiter (consumed).
    private mutating func readUntilTagOrNewline(_ state: State) -> String {
        let start = position
        while !atEnd {
            if current == 0x0A || current == 0x0D { return String(decoding: bytes[start..<position], as: UTF8.self) }
            if matches(state.start, at: position) {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += state.start.count
                return text
            }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// After a tag: true, consuming the rest of the line, when only blanks and a newline (or the end) follow
    /// and the tag began its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        let saved = position
        _ = readBlanks()
        if atEnd || readNewline() != nil { return true }
        position = saved
        return false
    }

    private mutating func skip(past delimiter: [UInt8]) -> Bool {
        while !atEnd {
            if matches(delimiter, at: position) { position += delimiter.count; return true }
            position += 1
        }
        return false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "/"):
            true
        default: false
        }
    }

    private mutating func skipWhitespace() {
        while !atEnd, current == 0x20 || current == 0x09 || current == 0x0A || current == 0x0D { position += 1 }
    }

    /// A name and the closing delimiter after it.
    private mutating func readRawName(_ closing: [UInt8], tagStart: Int, allowSlash: Bool) throws(MustacheSyntaxError) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.isNameByte(current), allowSlash || current != UInt8(ascii: "/") { position += 1 }
        let raw = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(closing, at: position) else {
            let found = atEnd ? "the end of the template" : "“\(String(decoding: bytes[position..<min(bytes.count, position + 8)], as: UTF8.self))”"
            let message = !atEnd && current == UInt8(ascii: "(")
                ? "transforms such as name(value) are not supported"
                : "the tag is not closed with \(String(decoding: closing, as: UTF8.self)) (found \(found))"
            throw MustacheSyntaxError(message: message, offset: tagStart)
        }
        position += closing.count
        return raw
    }

    private mutating func readName(_ state: State, closing: [UInt8]? = nil) throws(MustacheSyntaxError) -> (MustacheName, String) {
        let tagStart = position
        let raw = try readRawName(closing ?? state.end, tagStart: tagStart, allowSlash: false)
        if raw == "." { return (MustacheName(components: [], anchored: true), raw) }
        let components = raw.split(separator: ".").map(String.init)
        return (MustacheName(components: components, anchored: raw.first == "."), raw)
    }

    private mutating func readPartialName(_ state: State) throws(MustacheSyntaxError) -> String {
        let tagStart = position
        let name = try readRawName(state.end, tagStart: tagStart, allowSlash: true)
        if name.hasPrefix("*") { throw MustacheSyntaxError(message: "dynamic partials ({{>*name}}) are not supported", offset: tagStart) }
        return name
    }

    /// `{{=<% %>=}}`.
    private mutating func setDelimiters(_ state: inout State, tagStart: Int) throws(MustacheSyntaxError) {
        func word() -> [UInt8] {
            skipWhitespace()
            let start = position
            while !atEnd, current != 0x20, current != 0x09, current != 0x0A, current != UInt8(ascii: "=") { position += 1 }
            return Array(bytes[start..<position])
        }
        let open = word(), close = word()
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, !atEnd, current == UInt8(ascii: "="), matches(state.end, at: position + 1) else {
            throw MustacheSyntaxError(message: "a delimiter change must read {{=<% %>=}}", offset: tagStart)
        }
        position += 1 + state.end.count
        state.start = open
        state.end = close
        state.isPartialDefinitionTopLevel = false
    }
}
