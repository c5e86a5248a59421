import Foundation

/// Where rendered files go: a ``StagedOutput`` for a whole build, or a
/// ``LiveOutput`` when `tre serve` re-renders one page in place.
public protocol OutputWriting: Sendable {
    /// Writes bytes at a path relative to the output folder.
    func write(_ relativePath: String, _ data: Data) throws
    /// Writes, as one file, the parts `produce` hands to the closure it is given, one after
    /// another: for files too big to hold in memory whole (the open data at 10,000 documents).
    func write(_ relativePath: String, streaming produce: ((Data) throws -> Void) throws -> Void) throws
}

extension OutputWriting {
    public func write(_ relativePath: String, streaming produce: ((Data) throws -> Void) throws -> Void) throws {
        var whole = Data()
        try produce { whole.append($0) }
        try write(relativePath, whole)
    }

    /// Writes `text` as UTF-8.
    public func write(_ relativePath: String, text: String) throws { try write(relativePath, Data(text.utf8)) }
}

extension StagedOutput: OutputWriting {}

/// Writes files into an output folder that is already being served, each
/// replaced atomically (written beside it, then renamed), so a reader never
/// sees half a page. For `tre serve`'s quick re-render of a saved document.
public struct LiveOutput: OutputWriting {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
