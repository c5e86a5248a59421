/// Renders parsed templates (``MustacheNode``) with ``TemplateValue``s.
///
/// The rules are Mustache's, as swift-mustache applied them:
/// - `{{name}}` looks `name` up from the innermost value outwards; `a.b`
///   looks `a` up that way, then `b` inside it; `.` is the current value.
/// - A section repeats over a list, is shown once for `true`, and for any
///   other value is shown once with that value innermost; `false`, an empty
///   list and a missing name skip it (and show an inverted section).
/// - `{{value}}` is escaped with ``HTMLEscaper``; `{{{value}}}` and
///   `{{&value}}` are not. Lists and objects show as nothing.
/// - `{{< layout}}` renders `layout` with its `{{$blocks}}` overridden; an
///   outer override wins over an inner one.
struct MustacheRenderer {
    let program: MustacheProgram

    init(templates: [String: [MustacheNode]]) { program = MustacheProgram(templates) }

    /// Renders `name` with `contexts` as the stack, the last innermost.
    func render(_ name: String, _ contexts: [TemplateContext]) -> String {
        String(decoding: render(name, stack: contexts.map { .object($0) }), as: UTF8.self)
    }

    /// Renders `name` with `stack` as the values names are looked up in, the last innermost, as UTF-8.
    func render(_ name: String, stack: [TemplateValue]) -> [UInt8] {
        guard let body = program.templates[name] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        var frame = Frame(stack: stack, inherited: nil, indentation: [])
        render(body, &frame, into: &output)
        return output
    }

    /// The context stack and what partials and blocks pass down.
    struct Frame {
        var stack: [TemplateValue]
        var inherited: [String: MustacheProgram.Body]?
        var indentation: [UInt8]
    }

    private func render(_ body: MustacheProgram.Body, _ frame: inout Frame, into output: inout [UInt8]) {
        guard !frame.indentation.isEmpty else {
            for index in Int(body.start)..<Int(body.end) { render(program.ops[index], &frame, into: &output) }
            return
        }
        // A partial that stands on its own line indents each line it writes.
        let start = output.count
        for index in Int(body.start)..<Int(body.end) {
            var piece: [UInt8] = []
            render(program.ops[index], &frame, into: &piece)
            if !piece.isEmpty, output.count > start, output.last == UInt8(ascii: "\n") {
                output += frame.indentation
            }
            output += piece
        }
    }

    private func append(_ text: MustacheProgram.Bytes, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: program.bytes[Int(text.start)..<Int(text.start + text.count)]))
    }

    private func render(_ op: MustacheProgram.Op, _ frame: inout Frame, into output: inout [UInt8]) {
        switch op {
        case .text(let text):
            append(text, to: &output)
        case .variable(let name, let escaped):
            switch lookup(name, in: frame.stack) {
            case .text(let text)?: escaped ? HTMLEscaper.append(text, to: &output) : Self.append(text, to: &output)
            case .utf8(let bytes)?: escaped ? bytes.withUnsafeBufferPointer { HTMLEscaper.append(bytes: $0, to: &output) } : output.append(contentsOf: bytes)
            case .number(let number)?: Self.append(String(number), to: &output)
            case .bool(let flag)?: Self.append(flag ? "true" : "false", to: &output)
            default: break
            }
        case .section(let name, let inverted, let body):
            let value = lookup(name, in: frame.stack)
            if inverted {
                if Self.isFalsey(value) { render(body, &frame, into: &output) }
                return
            }
            switch value {
            case nil, .bool(false)?: break
            case .bool(true)?: render(body, &frame, into: &output)
            case .list(let items)?:
                for item in items { renderPushing(item, body, &frame, into: &output) }
            case let value?: renderPushing(value, body, &frame, into: &output)
            }
        case .partial(let template, let indentation, let overrides):
            guard let body = program.partials[Int(template)] else { return }
            var inner = Frame(stack: frame.stack, inherited: frame.inherited, indentation: frame.indentation)
            if let indentation { append(indentation, to: &inner.indentation) }
            if overrides >= 0 {
                let blocks = program.overrides[Int(overrides)]
                inner.inherited = frame.inherited.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            }
            render(body, &inner, into: &output)
        case .block(let name, let defaultBody, let indentation):
            let saved = frame.indentation
            append(indentation, to: &frame.indentation)
            render(frame.inherited?[program.blockNames[Int(name)]] ?? defaultBody, &frame, into: &output)
            frame.indentation = saved
        }
    }

    /// Appends a string's UTF-8 bytes, in place when the string keeps them contiguous (native strings do).
    static func append(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil { output.append(contentsOf: text.utf8) }
    }

    private func renderPushing(_ value: TemplateValue, _ body: MustacheProgram.Body, _ frame: inout Frame, into output: inout [UInt8]) {
        frame.stack.append(value)
        render(body, &frame, into: &output)
        frame.stack.removeLast()
    }

    private static func isFalsey(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .bool(false)?: true
        case .list(let items)?: items.isEmpty
        default: false
        }
    }

    /// The value the `index`th name stands for, searched from the innermost value outwards.
    private func lookup(_ index: Int32, in stack: [TemplateValue]) -> TemplateValue? {
        let name = program.names.baseAddress! + Int(index)
        guard let first = name.pointee.components.first else { return stack.last }
        let field = program.fields[Int(index)]
        var value: TemplateValue
        if name.pointee.anchored {
            guard let found = stack.last?.child(named: first, field: field) else { return nil }
            value = found
        } else {
            // Read through a pointer: an element taken from the array itself was copied, and retained, at each step.
            let found: TemplateValue? = stack.withUnsafeBufferPointer { values in
                var position = values.count - 1
                while position >= 0 {
                    if let found = values[position].child(named: first, field: field) { return found }
                    position -= 1
                }
                return nil
            }
            guard let found else { return nil }
            value = found
        }
        guard name.pointee.components.count > 1 else { return value }
        for component in name.pointee.components.dropFirst() {
            guard let child = value.child(named: component) else { return nil }
            value = child
        }
        return value
    }
}
