import Foundation

/// The site's Mustache templates, parsed once, escaping with ``HTMLEscaper``.
///
/// A theme is a folder of `NAME.mustache` files (layouts and partials share
/// one namespace) and an optional `assets/` folder copied to `/assets/`.
/// Every `{{> partial}}` and `{{< parent}}` a template names must exist:
/// a missing one is an error at load time, not an empty string on the page.
public struct TemplateLibrary: Sendable {
    public let directory: URL
    let renderer: MustacheRenderer
    public let names: Set<String>
    /// Each template's ``MustacheProgram/namesRead(from:)``.
    private let namesRead: [String: Set<String>]

    /// The theme compiled into `tre`, used when a site has no `site-templates/`.
    public static var defaultThemeDirectory: URL? {
        Bundle.module.url(forResource: "Theme", withExtension: nil)
    }

    public init(directory: URL, displayPath: String) throws(BuildFailure) {
        self.directory = directory
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var parsed: [String: [MustacheNode]] = [:]
        var references: [(template: String, partial: String, line: Int)] = []
        var problems: [Diagnostic] = []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = displayPath + "/" + file
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                  let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(file: path, message: "cannot read the template as UTF-8 text", fix: "save it as UTF-8"))
                continue
            }
            do {
                var partials: [(name: String, offset: Int)] = []
                parsed[name] = try MustacheParser.parse(text, partials: &partials)
                references += partials.map { (name, $0.name, Self.lineAndColumn(of: $0.offset, in: text).line) }
            } catch {
                let (line, column) = Self.lineAndColumn(of: error.offset, in: text)
                problems.append(Diagnostic(file: path, line: line, column: column,
                                           message: "template does not parse: \(error.message)",
                                           fix: "check that every {{#section}} has its {{/section}} and tags are closed with }}"))
            }
        }
        for reference in references where parsed[reference.partial] == nil {
            problems.append(Diagnostic(file: displayPath + "/" + reference.template + ".mustache", line: reference.line,
                                       message: "template uses the partial '\(reference.partial)', which does not exist",
                                       fix: "create \(displayPath)/\(reference.partial).mustache or remove the reference"))
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        self.renderer = MustacheRenderer(templates: parsed)
        self.names = Set(parsed.keys)
        namesRead = Dictionary(uniqueKeysWithValues: parsed.keys.map { [renderer] in ($0, renderer.program.namesRead(from: $0)) })
    }

    /// The keys of a context that `template` may read, at any depth: a key outside them cannot change what it renders.
    func namesRead(by template: String) -> Set<String> { namesRead[template] ?? [] }

    static func lineAndColumn(of offset: Int, in text: String) -> (line: Int, column: Int) {
        let before = text.utf8.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        return (line, String(decoding: before[lineStart...], as: UTF8.self).count + 1)
    }

    /// Fails with a diagnostic when a layout the build needs is missing.
    public func require(_ names: [String]) throws(BuildFailure) {
        let missing = names.filter { !self.names.contains($0) }
        guard !missing.isEmpty else { return }
        throw BuildFailure(missing.map {
            Diagnostic(file: directory.lastPathComponent + "/" + $0 + ".mustache",
                       message: "the template '\($0)' is missing", fix: "copy it from the default theme ('tre new site DIR' writes one)")
        })
    }

    public func render(_ name: String, _ context: TemplateContext) -> String {
        renderer.render(name, [context])
    }

    /// Renders `name` with `context` as UTF-8, the bytes a page is written as.
    func renderUTF8(_ name: String, _ context: TemplateContext) -> [UInt8] {
        renderer.render(name, stack: [.object(context)])
    }

    /// Renders with `outer` below `context`: a name not in `context` is looked up in `outer`.
    public func render(_ name: String, _ context: TemplateContext, below outer: TemplateContext) -> String {
        renderer.render(name, [outer, context])
    }

    /// Renders `object` (a deadline's fields) with `outer` below it, as UTF-8.
    func renderUTF8(_ name: String, _ object: some TemplateObject, below outer: TemplateContext) -> [UInt8] {
        renderer.render(name, stack: [.object(outer), .lazy(object)])
    }
}
