/// Parsed templates (``MustacheNode`` trees) flattened for rendering: one array of
/// operations whose payloads are plain numbers, every body a range of it, and every
/// literal text a range of one byte buffer.
///
/// Both cores render from the same templates. Walking the trees copied each node,
/// and each copy retained the strings and arrays inside it: atomic counts on memory
/// both cores touch (retains and releases were 15 % of a build's CPU, the template
/// engine's first among them). Walking this program copies numbers.
///
/// ```swift
/// let program = MustacheProgram(["row": try MustacheParser.parse("<li>{{#done}}✓{{/done}}{{what}}</li>")])
/// program.templates["row"]  // Body(start: 1, end: 5): text "<li>", section (its body: ops 0..<1), variable, text "</li>"
/// ```
final class MustacheProgram: @unchecked Sendable {
    /// A run of ``ops``.
    struct Body: Sendable {
        var start: Int32
        var end: Int32
    }

    /// A run of ``bytes``.
    struct Bytes: Sendable {
        var start: Int32
        var count: Int32
    }

    enum Op {
        case text(Bytes)
        /// `name` indexes ``names``.
        case variable(name: Int32, escaped: Bool)
        case section(name: Int32, inverted: Bool, body: Body)
        /// `template` indexes ``partials``; `overrides` indexes ``overrides`` (-1: none).
        case partial(template: Int32, indentation: Bytes?, overrides: Int32)
        /// `name` indexes ``blockNames``.
        case block(name: Int32, defaultBody: Body, indentation: Bytes)
    }

    /// Each template's top body, by name.
    let templates: [String: Body]
    let ops: UnsafeMutableBufferPointer<Op>
    /// Every literal text, back to back.
    let bytes: UnsafeMutableBufferPointer<UInt8>
    /// The names tags look up: the first component and the rest, as ``MustacheName`` has them.
    let names: UnsafeMutableBufferPointer<MustacheName>
    /// For each of ``names``, the ``TemplateField`` its first component is, if any.
    let fields: UnsafeMutableBufferPointer<TemplateField?>
    /// The body of each template a partial tag names, nil for a missing one.
    let partials: [Body?]
    let blockNames: [String]
    /// The blocks each `{{< layout}}` overrides.
    let overrides: [[String: Body]]

    init(_ trees: [String: [MustacheNode]]) {
        var compiler = Compiler(templateNames: trees.keys.sorted())
        var templates: [String: Body] = [:]
        for name in compiler.templateNames { templates[name] = compiler.compile(trees[name]!) }
        self.templates = templates
        partials = compiler.partialNames.map { templates[$0] }
        blockNames = compiler.blockNames
        overrides = compiler.overrides
        ops = Self.copy(compiler.ops)
        bytes = Self.copy(compiler.bytes)
        names = Self.copy(compiler.names)
        fields = Self.copy(compiler.names.map { $0.components.first.flatMap(TemplateField.init(rawValue:)) })
    }

    deinit {
        ops.deallocate()
        bytes.deallocate()
        names.deinitialize().deallocate()
        fields.deinitialize().deallocate()
    }

    /// The first component of every name `template` may look up, through its sections, partials, the
    /// blocks it overrides and their defaults: a key of the context outside this set is never read while
    /// it renders, at any depth, so it cannot change the page.
    func namesRead(from template: String) -> Set<String> {
        var read: Set<String> = []
        var walked: Set<Int32> = []
        func walk(_ body: Body) {
            guard body.start < body.end, walked.insert(body.start).inserted else { return }
            for index in Int(body.start)..<Int(body.end) {
                switch ops[index] {
                case .text: break
                case .variable(let name, _): read.formUnion(names[Int(name)].components.prefix(1))
                case .section(let name, _, let inner):
                    read.formUnion(names[Int(name)].components.prefix(1))
                    walk(inner)
                case .partial(let partial, _, let overrides):
                    if let body = partials[Int(partial)] { walk(body) }
                    if overrides >= 0 { for body in self.overrides[Int(overrides)].values { walk(body) } }
                case .block(_, let defaultBody, _): walk(defaultBody)
                }
            }
        }
        if let body = templates[template] { walk(body) }
        return read
    }

    private static func copy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, elements.count))
        _ = buffer.initialize(from: elements)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<elements.count])
    }

    /// Builds the arrays: a node's bodies are laid down before the node's own run, so every run is contiguous.
    private struct Compiler {
        let templateNames: [String]
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [MustacheName] = []
        var partialNames: [String] = []
        var blockNames: [String] = []
        var overrides: [[String: Body]] = []

        init(templateNames: [String]) { self.templateNames = templateNames }

        mutating func compile(_ nodes: [MustacheNode]) -> Body {
            var run: [Op] = []
            for node in nodes {
                if let op = compile(node) { run.append(op) }
            }
            let start = Int32(ops.count)
            ops += run
            return Body(start: start, end: Int32(ops.count))
        }

        private mutating func compile(_ node: MustacheNode) -> Op? {
            switch node {
            case .text(let text):
                return .text(store(text))
            case .variable(let name, let escaped):
                return .variable(name: index(of: name), escaped: escaped)
            case .section(let name, let inverted, let body):
                return .section(name: index(of: name), inverted: inverted, body: compile(body))
            case .partial(let name, let indentation, let blocks):
                var table: Int32 = -1
                if let blocks {
                    overrides.append(blocks.mapValues { compile($0) })
                    table = Int32(overrides.count - 1)
                }
                partialNames.append(name)
                return .partial(template: Int32(partialNames.count - 1), indentation: indentation.map { store($0) }, overrides: table)
            case .block(let name, let defaultBody, let indentation):
                blockNames.append(name)
                return .block(name: Int32(blockNames.count - 1), defaultBody: compile(defaultBody), indentation: store(indentation))
            case .blockDefinition:
                return nil
            }
        }

        private mutating func store(_ text: String) -> Bytes {
            let start = Int32(bytes.count)
            bytes += text.utf8
            return Bytes(start: start, count: Int32(bytes.count) - start)
        }

        private mutating func index(of name: MustacheName) -> Int32 {
            names.append(name)
            return Int32(names.count - 1)
        }
    }
}
