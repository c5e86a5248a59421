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
    let templates: [String: [MustacheNode]]

    /// Renders `name` with `contexts` as the stack, the last innermost.
    func render(_ name: String, _ contexts: [TemplateContext]) -> String {
        render(name, stack: contexts.map { .object($0) })
    }

    /// Renders `name` with `stack` as the values names are looked up in, the last innermost.
    func render(_ name: String, stack: [TemplateValue]) -> String {
        guard let nodes = templates[name] else { return "" }
        var output = ""
        var frame = Frame(stack: stack, inherited: nil, indentation: "")
        render(nodes, &frame, into: &output)
        return output
    }

    /// The context stack and what partials and blocks pass down.
    struct Frame {
        var stack: [TemplateValue]
        var inherited: [String: [MustacheNode]]?
        var indentation: String
    }

    private func render(_ nodes: [MustacheNode], _ frame: inout Frame, into output: inout String) {
        guard !frame.indentation.isEmpty else {
            for node in nodes { render(node, &frame, into: &output) }
            return
        }
        // A partial that stands on its own line indents each line it writes.
        let start = output.utf8.count
        for node in nodes {
            var piece = ""
            render(node, &frame, into: &piece)
            if !piece.isEmpty, output.utf8.count > start, output.utf8.last == UInt8(ascii: "\n") {
                output += frame.indentation
            }
            output += piece
        }
    }

    private func render(_ node: MustacheNode, _ frame: inout Frame, into output: inout String) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            switch lookup(name, in: frame.stack) {
            case .text(let text)?: escaped ? HTMLEscaper.append(text, to: &output) : output.append(text)
            case .number(let number)?: output += String(number)
            case .bool(let flag)?: output += flag ? "true" : "false"
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
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            var inner = Frame(stack: frame.stack, inherited: frame.inherited, indentation: frame.indentation + (indentation ?? ""))
            if let overrides {
                inner.inherited = frame.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(nodes, &inner, into: &output)
        case .block(let name, let defaultBody, let indentation):
            let saved = frame.indentation
            frame.indentation += indentation
            render(frame.inherited?[name] ?? defaultBody, &frame, into: &output)
            frame.indentation = saved
        case .blockDefinition:
            break
        }
    }

    private func renderPushing(_ value: TemplateValue, _ body: [MustacheNode], _ frame: inout Frame, into output: inout String) {
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

    /// The value `name` stands for, searched from the innermost value outwards.
    private func lookup(_ name: MustacheName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.components.first else { return stack.last }
        var value: TemplateValue
        if name.anchored {
            guard let found = stack.last?.child(named: first) else { return nil }
            value = found
        } else {
            var found: TemplateValue?
            var index = stack.count - 1
            while found == nil, index >= 0 {
                found = stack[index].child(named: first)
                index -= 1
            }
            guard let found else { return nil }
            value = found
        }
        for component in name.components.dropFirst() {
            guard let child = value.child(named: component) else { return nil }
            value = child
        }
        return value
    }
}
