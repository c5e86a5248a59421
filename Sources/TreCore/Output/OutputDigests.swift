import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each file of the last build's output was made from, as one hash per
/// file: the template and every value of its view model (see ``ContextDigest``).
/// A build that makes a page from the same inputs links the old file into the
/// new output instead of rendering and writing it again.
///
/// Kept in `<site>/.tre-cache/pages-<output>`, never in the output itself (it
/// would be uploaded). It is trusted only when it was written for the output
/// folder that is there now (same inode: a folder replaced by hand or by
/// another tool is not trusted) and by the same `tre` binary and templates.
///
/// The file is text: a first line `tre-pages-1 <generation> <inode>`, then
/// one `<hash> <path>` line per file, hashes in hex.
struct OutputDigests: Sendable {
    /// The `tre` binary and the templates, hashed: a change to either invalidates every digest.
    var generation: UInt64
    var byPath: [String: UInt64]

    init(generation: UInt64, byPath: [String: UInt64] = [:]) {
        self.generation = generation
        self.byPath = byPath
    }

    static func location(source: URL, output: URL) -> URL {
        source.appendingPathComponent(".tre-cache").appendingPathComponent("pages-" + Slug.make(output.path, maxLength: 120))
    }

    /// The templates' files and the binary, hashed.
    static func generation(templates: URL) -> UInt64 {
        var hasher = BuildFingerprint.Hasher()
        hasher.add("tre-pages-1")
        hasher.addBinary()
        hasher.addFiles(below: templates)
        return hasher.state
    }

    /// The digests of the output now at `output`, when they were written for it and for `generation`.
    static func load(source: URL, output: URL, generation: UInt64) -> OutputDigests? {
        guard let inode = inode(of: output),
              let data = FileManager.default.contents(atPath: location(source: source, output: output).path) else { return nil }
        let header = Array("tre-pages-1 \(String(generation, radix: 16)) \(inode)\n".utf8)
        guard var byPath = data.withUnsafeBytes({ parse($0.assumingMemoryBound(to: UInt8.self), header: header) }) else { return nil }
        if let changed = FileManager.default.contents(atPath: changedLocation(source: source, output: output).path) {
            let prefixes = String(decoding: changed, as: UTF8.self).split(separator: "\n")
            byPath = byPath.filter { path, _ in !prefixes.contains { path.hasPrefix($0) } }
        }
        return OutputDigests(generation: generation, byPath: byPath)
    }

    /// The `<hash> <path>` lines after `header`, read as bytes (split into `Substring`s, the
    /// 180,000 lines of a 10,000-document site took 0.4 s before anything else could start).
    /// Nil when the header differs or a line is not such a line.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, header: [UInt8]) -> [String: UInt64]? {
        guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return nil }
        var byPath: [String: UInt64] = [:]
        // Room for the lines there are: a guess from the file's size doubled the table's buckets (6 MB).
        byPath.reserveCapacity(bytes[header.count...].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
        var start = header.count
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { start = end + 1 }
            if end == start { continue }
            var digest: UInt64 = 0
            var position = start
            while position < end, bytes[position] != UInt8(ascii: " ") {
                guard position - start < 16, let value = hexValue(bytes[position]) else { return nil }
                digest = digest << 4 | UInt64(value)
                position += 1
            }
            guard position > start, position < end else { return nil }
            byPath[String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]), as: UTF8.self)] = digest
        }
        return byPath
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Records the digests of the output just committed at `output`, given as tables that share no path
    /// (``StagedOutput/takeDigests()``), each sorted and turned into lines on its own core: one sort of
    /// 180,000 paths took a fifth of a second after everything else was done. A failure only costs a full render next time.
    static func save(_ tables: [[String: UInt64]], generation: UInt64, source: URL, output: URL) {
        let url = location(source: source, output: output)
        guard let inode = inode(of: output) else { return }
        let lines = ResultSlots<[UInt8]>(count: tables.count)
        DispatchQueue.concurrentPerform(iterations: tables.count) { index in lines.set(index, self.lines(tables[index])) }
        // Bytes, written part by part: at 180,000 files a text and its `Data` copy held 25 MB at the build's end.
        let parts = [Array("tre-pages-1 \(String(generation, radix: 16)) \(inode)\n".utf8)] + lines.values
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = url.path + ".part-\(getpid())"
        let written: Void? = try? FileBytes.write(parts: parts, to: partial)
        if written == nil || rename(partial, url.path) != 0 { unlink(partial) }
    }

    /// One `<hash> <path>` line per path, in the order of the paths.
    static func lines(_ table: [String: UInt64]) -> [UInt8] {
        let entries = table.sorted { $0.key < $1.key }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.key.utf8.count + 18 })
        for (path, digest) in entries {
            bytes += String(digest, radix: 16).utf8
            bytes.append(UInt8(ascii: " "))
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Forgets the digests of an output about to be replaced.
    static func forget(source: URL, output: URL) {
        try? FileManager.default.removeItem(at: location(source: source, output: output))
        try? FileManager.default.removeItem(at: changedLocation(source: source, output: output))
    }

    /// Notes, before `tre serve`'s quick path rewrites them in place, that the files
    /// below these folders (`van-ban/<slug>/`) no longer are what their digests say.
    /// One appended line each, so the quick path stays quick.
    static func markChanged(_ prefixes: [String], source: URL, output: URL) {
        let url = changedLocation(source: source, output: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lines = Data(prefixes.map { $0 + "\n" }.joined().utf8)
        if let handle = try? FileHandle(forWritingTo: url) {
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: lines)
            try? handle.close()
        } else {
            try? lines.write(to: url)
        }
    }

    static func changedLocation(source: URL, output: URL) -> URL {
        location(source: source, output: output).appendingPathExtension("changed")
    }

    static func inode(of url: URL) -> UInt64? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }
}
