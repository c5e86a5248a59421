import Foundation

/// Understood documents kept between builds in one process (`tre serve`): a file
/// whose path and text are unchanged is not parsed and understood again.
public final class DocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (raw: String, basePath: String, unsafe: Bool, document: SiteDocument)] = [:]

    public init() {}

    func document(for file: SourceFile, basePath: String, allowUnsafeHTML: Bool) -> SiteDocument? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file.path], entry.raw == file.raw, entry.basePath == basePath, entry.unsafe == allowUnsafeHTML else { return nil }
        return entry.document
    }

    func store(_ document: SiteDocument, for file: SourceFile, basePath: String, allowUnsafeHTML: Bool) {
        lock.lock()
        entries[file.path] = (file.raw, basePath, allowUnsafeHTML, document)
        lock.unlock()
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }
}
