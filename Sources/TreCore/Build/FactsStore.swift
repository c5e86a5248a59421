import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What earlier builds understood of each content file, kept on disk so that
/// `tre build` after one edit extracts the facts of that file alone.
///
/// Facts depend on nothing but a file's text (front matter included) and the
/// `tre` binary, so each is stored under the hash of its file's text, in
/// `<site>/.tre-cache/facts-<binary>/<hash>`, in the binary form of
/// ``FactsCodable``: a renamed file still hits, and a new `tre` starts a new
/// folder (the old one is removed). With the facts go the header blocks and
/// whether the text was repaired PDF text (``StoredDocument``): all a one-shot
/// build needs of a known file before its page is written, so such a file is
/// neither repaired nor parsed while the site is understood.
///
/// Beside the facts go the bodies a one-shot build rendered while it understood each file,
/// `<bodyDigest>.body` (``DocumentTexts/bodyDigest``: the text, its header blocks, the layout,
/// the base path, raw HTML or not): the page's body and the search entry's plain text are read
/// from there when the page is written, so the file is not parsed a second time.
///
/// ```swift
/// let store = FactsStore(site: siteURL)
/// let key = FactsStore.key(forText: file.raw)
/// store.document(forKey: key)       // nil the first time
/// store.store(StoredDocument(facts: analyzed.facts, header: analyzed.header, repaired: analyzed.wasRepaired), forKey: key)
/// store.finish()                    // drops the entries no file asked for
/// ```
final class FactsStore: @unchecked Sendable {
    let directory: URL
    /// ``directory``'s path: entries' paths are joined as strings, not `URL`s (a cost of 1 % of a build).
    private let directoryPath: String
    /// False makes every file's facts extracted anew (`tre build --force`); they are still written.
    let reading: Bool
    private let lock = NSLock()
    private var madeDirectory = false
    private var live: Set<String> = []
    /// The entries in the folder when the store was made: one not among them is not opened. A first
    /// build asks for every file's entry, and opening 10,000 files that are not there cost 1 % of it.
    /// (An entry another file of this build writes is not looked for: its text is understood again.)
    private let present: Set<String>
    private let partialSuffix = ".part-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))-"
    private var partials = 0

    init(site: URL, reading: Bool = true) {
        self.reading = reading
        var hasher = BuildFingerprint.Hasher()
        hasher.addBinary()
        directory = site.appendingPathComponent(".tre-cache").appendingPathComponent("facts-" + String(hasher.state, radix: 16))
        directoryPath = directory.path
        present = reading ? Set((try? FileManager.default.contentsOfDirectory(atPath: directoryPath)) ?? []) : []
    }

    /// Room for `count` entries kept this build, made at once.
    func expect(_ count: Int) {
        lock.lock()
        live.reserveCapacity(count)
        lock.unlock()
    }

    /// The file name of a text's entry: its 64-bit hash and its length, in hex.
    static func key(forText text: String) -> String {
        var hasher = DigestHasher()
        hasher.add(text)
        return String(hasher.state, radix: 16) + "-" + String(text.utf8.count, radix: 16)
    }

    /// What is stored for a file whose text has this ``key(forText:)``, if anything.
    /// The entry is kept by ``finish()``.
    func document(forKey key: String) -> StoredDocument? {
        keep(key)
        guard reading, present.contains(key), let bytes = try? FileBytes.read(directoryPath + "/" + key) else { return nil }
        return StoredDocument(encoded: bytes)
    }

    /// Marks an entry as still used by a file, so ``finish()`` keeps it.
    func keep(_ key: String) {
        lock.lock()
        live.insert(key)
        lock.unlock()
    }

    /// Writes `document` as the entry for `key`.
    func store(_ document: StoredDocument, forKey key: String) {
        write(document.encoded, to: key)
    }

    /// The body rendered from what has this ``DocumentTexts/bodyDigest``, kept by this build or an
    /// earlier one: a page written now reads it instead of parsing its file again, and a page kept as it
    /// was reads its plain text for the search entry. The entry is kept by ``finish()``.
    /// Read even when the facts are not (`--force`): a body's digest covers all it is rendered from, and
    /// the store's folder is the binary's own.
    func body(forDigest digest: UInt64) -> DocumentAnalyzer.Body? {
        guard let bytes = try? FileBytes.read(directoryPath + "/" + Self.bodyName(digest)) else { return nil }
        return DocumentAnalyzer.Body(encoded: bytes)
    }

    /// Writes a body as the entry for its digest.
    func store(body: DocumentAnalyzer.Body, forDigest digest: UInt64) {
        write(body.encoded, to: Self.bodyName(digest))
    }

    /// Marks a body's entry as still used by a page, so ``finish()`` keeps it.
    func keep(bodyDigest digest: UInt64) { keep(Self.bodyName(digest)) }

    static func bodyName(_ digest: UInt64) -> String { String(digest, radix: 16) + ".body" }

    /// Writes a file of the store: under a name of its own first, then renamed, so a build
    /// reading at the same time never sees half of it.
    /// Each partial file's name is the entry's, this store's own suffix and a count: no system call
    /// (`getpid`, `getrandom`) per entry, and no two writers, in this process or another, share one.
    private func write(_ bytes: [UInt8], to name: String) {
        lock.lock()
        if !madeDirectory {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            madeDirectory = true
        }
        partials += 1
        let number = partials
        lock.unlock()
        let path = directoryPath + "/" + name
        let partial = path + partialSuffix + String(number, radix: 36)
        let written: Void? = try? bytes.withUnsafeBytes { try FileBytes.write($0, to: partial) }
        if written == nil || rename(partial, path) != 0 { unlink(partial) }
    }

    /// Removes the entries no file asked for this build, and the folders of other
    /// `tre` binaries. Failures only cost a slower next build, so they are ignored.
    func finish() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
            where !live.contains(name) {
            try? fm.removeItem(at: directory.appendingPathComponent(name))
        }
        let parent = directory.deletingLastPathComponent()
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix("facts-") && name != directory.lastPathComponent {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// A body as a ``FactsStore`` entry: the plain text, the HTML's bytes, the footnotes.
extension DocumentAnalyzer.Body: FactsCodable {
    func write(to writer: inout FactsWriter) {
        writer.write(plainText)
        writer.write(bytes: htmlUTF8)
        writer.write(footnotes.count)
        for note in footnotes {
            writer.write(note.label)
            writer.write(note.html)
        }
    }

    init(reading reader: inout FactsReader) throws(FactsReader.Truncated) {
        plainText = try reader.readString()
        htmlUTF8 = try reader.readBytes()
        let count = try reader.readInt()
        guard count >= 0 else { throw FactsReader.Truncated() }
        footnotes = []
        for _ in 0..<count { footnotes.append((try reader.readString(), try reader.readString())) }
    }
}

/// One ``FactsStore`` entry: what Tre understood of a file's text, and what rendering its
/// body later needs from the analysis (which blocks are the header, whether it was repaired).
struct StoredDocument: Equatable {
    var facts: DocumentFacts
    /// ``DocumentAnalyzer/Result/header``.
    var header: [Int]
    /// ``DocumentAnalyzer/Result/wasRepaired``.
    var repaired: Bool
}
