/// One problem found while building, located in a file so an editor can jump to it.
///
/// Printed as `path:line:column: error: message` followed by what to do:
/// ```
/// content/kh-61.md:3:7: error: front matter is not valid YAML (mapping values are not allowed here)
///   fix: put a space after each colon, or quote the value
/// ```
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var fix: String?

    public init(_ severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil, message: String, fix: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// A build that stopped; it carries every problem found, not just the first.
public struct BuildFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return diagnostics.map(\.description).joined(separator: "\n") + "\nbuild failed: \(errors) error\(errors == 1 ? "" : "s")"
    }
}
