import Foundation

/// Where rendered files go: a ``StagedOutput`` for a whole build, or a
/// ``LiveOutput`` when `tre serve` re-renders one page in place.
public protocol OutputWriting: Sendable {
    /// Writes bytes at a path relative to the output folder.
    func write(_ relativePath: String, _ data: Data) throws
    /// Writes, as one file, the parts `produce` hands to the closure it is given, one after
    /// another: for files too big to hold in memory whole (the open data at 10,000 documents).
    func write(_ relativePath: String, streaming produce: ((Data) throws -> Void) throws -> Void) throws
    /// Writes the text `make` returns, or, when the last build wrote this file from the same
    /// `digest` (a ``ContextDigest``), may keep that file instead without calling `make`.
    func write(_ relativePath: String, digest: UInt64, text make: () throws -> String) throws
    /// Writes the UTF-8 bytes `make` returns (a rendered page), or may keep the last build's file, as above.
    func write(_ relativePath: String, digest: UInt64, utf8 make: () throws -> [UInt8]) throws
    /// Adds bytes at the end of a file this build wrote: for files made a part at a time side
    /// by side (each agency's calendar, as the site's is written).
    func append(_ relativePath: String, _ data: Data) throws
    /// Whether there is a last build's output whose files ``keep(_:digest:)`` may keep.
    var keepsFiles: Bool { get }
    /// Keeps the last build's file at this path, and returns true, when it was made from `digest`
    /// (``record(_:digest:)``); false when it must be written.
    func keep(_ relativePath: String, digest: UInt64) throws -> Bool
    /// Records what a file written whole, streamed or in parts was made from, for the next build's ``keep(_:digest:)``.
    func record(_ relativePath: String, digest: UInt64)
}

extension OutputWriting {
    public var keepsFiles: Bool { false }
    public func keep(_ relativePath: String, digest: UInt64) throws -> Bool { false }
    public func record(_ relativePath: String, digest: UInt64) {}

    public func write(_ relativePath: String, streaming produce: ((Data) throws -> Void) throws -> Void) throws {
        var whole = Data()
        try produce { whole.append($0) }
        try write(relativePath, whole)
    }

    public func write(_ relativePath: String, digest: UInt64, text make: () throws -> String) throws {
        try write(relativePath, text: make())
    }

    public func write(_ relativePath: String, digest: UInt64, utf8 make: () throws -> [UInt8]) throws {
        try write(relativePath, Data(make()))
    }

    /// Writes `text` as UTF-8.
    public func write(_ relativePath: String, text: String) throws { try write(relativePath, Data(text.utf8)) }

    /// Writes `text` as UTF-8, or keeps the last build's file when it holds the same text.
    public func write(_ relativePath: String, keepingSame text: String) throws {
        try write(relativePath, digest: ContextDigest.of(text: text), text: { text })
    }

    /// Writes UTF-8 `bytes`, or keeps the last build's file when it holds the same text.
    public func write(_ relativePath: String, keepingSame bytes: [UInt8]) throws {
        try write(relativePath, digest: ContextDigest.of(utf8: bytes), utf8: { bytes })
    }

    /// Renders `template` with `context` and writes it, unless the last build rendered this file from the same inputs.
    func write(_ relativePath: String, rendering template: String, _ context: TemplateContext, with templates: TemplateLibrary) throws {
        try write(relativePath, digest: ContextDigest.of(template: template, context, reading: templates.namesRead(by: template)),
                  utf8: { templates.renderUTF8(template, context) })
    }
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

    /// The file written again whole, with `data` at its end, so a reader never sees half of it.
    public func append(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try write(relativePath, (try Data(contentsOf: url)) + data)
    }
}
