import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build into a staging folder beside the output and swaps it in
/// only when the whole build succeeded, so a failed build leaves the
/// previous output exactly as it was.
///
/// A file written with a digest that matches the one the last build recorded
/// for it (``OutputDigests``) is not made again: the old file is hard-linked
/// into the staging folder, so it keeps its bytes and its modification time
/// (an upload tool that syncs by time sends only what changed). A file written without
/// a digest, whole or a part at a time, is hashed as it is written, and swapped for the last
/// build's file at ``commit()`` when its bytes are the same: after an edit that leaves the
/// deadlines alone, the site's calendar (93 MB at 10,000 documents) and the agencies' keep theirs.
public final class StagedOutput: @unchecked Sendable {
    public let target: URL
    public let staging: URL
    private let stagingPath: String
    private let targetPath: String
    private let previous: [String: UInt64]
    /// What the writes record, in shards chosen by a file's folder, each behind its own lock: with
    /// one lock, two cores writing 180,000 small files waited for each other in the kernel.
    private let shards = (0..<16).map { _ in Shard() }

    /// The files written without a digest, and their bytes' digests so far; and the digests
    /// recorded for some of them from what they were made of (``record(_:digest:)``).
    private let streamLock = NSLock()
    private var streams: [String: StreamDigest] = [:]
    private var recorded: [String: UInt64] = [:]

    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var createdDirectories: Set<Substring> = []
        var fileCount = 0
        var keptCount = 0
        var digests: [String: UInt64] = [:]
    }

    public var fileCount: Int { shards.reduce(0) { total, shard in shard.lock.withLock { total + shard.fileCount } } }
    /// Files kept from the previous output rather than made again.
    public var keptCount: Int { shards.reduce(0) { total, shard in shard.lock.withLock { total + shard.keptCount } } }
    /// The digest of each file written with one, for the next build, taken once the writing is
    /// done: one table per shard (no path is in two), each let go by its shard as it is taken.
    func takeDigests() -> [[String: UInt64]] {
        shards.map { shard in
            shard.lock.withLock {
                defer { shard.digests = [:] }
                return shard.digests
            }
        }
    }

    /// - Parameter previous: what the files of the output now at `target` were made from.
    init(target: URL, source: URL, previous: OutputDigests? = nil) throws(BuildFailure) {
        let target = target.standardizedFileURL
        self.target = target
        self.previous = previous?.byPath ?? [:]
        self.targetPath = target.path
        let parent = target.deletingLastPathComponent()
        self.staging = parent.appendingPathComponent(".\(target.lastPathComponent).tre-staging-\(ProcessInfo.processInfo.processIdentifier)")
        self.stagingPath = staging.path
        try Self.checkSafe(target: target, source: source.standardizedFileURL)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(file: target.path, message: "cannot create the output folder (\(error.localizedDescription))",
                                           fix: "check that the parent folder exists and is writable, or choose another --output")])
        }
    }

    /// Refuses to replace a folder that is not build output: the site itself, or a folder with content in it.
    static func checkSafe(target: URL, source: URL) throws(BuildFailure) {
        let fm = FileManager.default
        let unsafe = target.path == source.path || source.path.hasPrefix(target.path + "/") || target.path == "/"
            || target.path == fm.homeDirectoryForCurrentUser.standardizedFileURL.path
            || ["content", "site.yml", ".git", "Package.swift"].contains { fm.fileExists(atPath: target.appendingPathComponent($0).path) }
        if unsafe {
            throw BuildFailure([Diagnostic(file: target.path, message: "refusing to replace this folder: it holds a site or other files, not build output",
                                           fix: "choose an output folder of its own, e.g. --output public")])
        }
    }

    public func write(_ relativePath: String, _ data: Data) throws {
        let path = try prepare(relativePath)
        try data.withUnsafeBytes { try FileBytes.write($0, to: path) }
        var stream = StreamDigest()
        stream.add(data)
        noteStream(relativePath, stream)
    }

    private func noteStream(_ relativePath: String, _ stream: StreamDigest) {
        streamLock.lock()
        streams[relativePath] = stream
        streamLock.unlock()
    }

    public func write(_ relativePath: String, digest: UInt64, text make: () throws -> String) throws {
        try write(relativePath, digest: digest) { path in
            var text = try make()
            try text.withUTF8 { try FileBytes.write(UnsafeRawBufferPointer($0), to: path) }
        }
    }

    public func write(_ relativePath: String, digest: UInt64, utf8 make: () throws -> [UInt8]) throws {
        try write(relativePath, digest: digest) { path in try make().withUnsafeBytes { try FileBytes.write($0, to: path) } }
    }

    /// Keeps the last build's file when its digest matches (a hard link), else has `write` write it at the staging path.
    private func write(_ relativePath: String, digest: UInt64, by write: (_ path: String) throws -> Void) throws {
        let (path, shard) = try prepareInShard(relativePath)
        if previous[relativePath] == digest, link(targetPath + "/" + relativePath, path) == 0 {
            record(relativePath, digest, kept: true, in: shard)
            return
        }
        try write(path)
        record(relativePath, digest, kept: false, in: shard)
    }

    public var keepsFiles: Bool { !previous.isEmpty }

    public func keep(_ relativePath: String, digest: UInt64) throws -> Bool {
        guard previous[relativePath] == digest else { return false }
        let (path, shard) = try prepareInShard(relativePath, counting: false)
        guard link(targetPath + "/" + relativePath, path) == 0 else { return false }
        shard.lock.withLock { shard.fileCount += 1 }
        record(relativePath, digest, kept: true, in: shard)
        return true
    }

    public func record(_ relativePath: String, digest: UInt64) {
        streamLock.withLock { recorded[relativePath] = digest }
    }

    private func record(_ relativePath: String, _ digest: UInt64, kept: Bool, in shard: Shard) {
        shard.lock.lock()
        shard.digests[relativePath] = digest
        if kept { shard.keptCount += 1 }
        shard.lock.unlock()
    }

    /// The shard of a file: that of its folder, so that each folder is made under one lock.
    private func shard(ofFile relativePath: String) -> Shard {
        let directory = relativePath.utf8[..<(relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? relativePath.utf8.startIndex)]
        var hash: UInt32 = 2166136261
        for byte in directory { hash = (hash ^ UInt32(byte)) &* 16777619 }
        return shards[Int(hash % UInt32(shards.count))]
    }

    public func write(_ relativePath: String, streaming produce: ((Data) throws -> Void) throws -> Void) throws {
        let path = try prepare(relativePath)
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var stream = StreamDigest()
        try produce { part in
            try handle.write(contentsOf: part)
            stream.add(part)
        }
        noteStream(relativePath, stream)
    }

    /// Adds to a file this build wrote whole (``write(_:_:)``); a file's parts come one at a time.
    public func append(_ relativePath: String, _ data: Data) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: stagingPath + "/" + relativePath))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
        streamLock.lock()
        streams[relativePath]?.add(data)
        streamLock.unlock()
    }

    /// Records the digest of each file written without one (its bytes', or the one ``record(_:digest:)``
    /// gave it), and puts the last build's file in place of each whose bytes are the same (linked beside
    /// it, then renamed over it: a failed link leaves the new file). Returns how many were kept.
    @discardableResult
    func settleStreams() -> Int {
        streamLock.lock()
        let written = streams, madeFrom = recorded
        streams = [:]
        recorded = [:]
        streamLock.unlock()
        var kept = 0
        for (relativePath, stream) in written {
            let shard = shard(ofFile: relativePath)
            if let digest = madeFrom[relativePath] {
                record(relativePath, digest, kept: false, in: shard)
                continue
            }
            let digest = stream.digest
            let staged = stagingPath + "/" + relativePath
            var same = previous[relativePath] == digest && link(targetPath + "/" + relativePath, staged + ".tre-kept") == 0
            if same, rename(staged + ".tre-kept", staged) != 0 {
                unlink(staged + ".tre-kept")
                same = false
            }
            record(relativePath, digest, kept: same, in: shard)
            if same { kept += 1 }
        }
        return kept
    }

    /// The file's path in the staging folder, its folder made. Paths are joined as
    /// strings: at 180,000 files, `URL` arithmetic alone cost a second.
    private func prepare(_ relativePath: String) throws -> String { try prepareInShard(relativePath).path }

    /// ``prepare(_:)``, and the shard that records the file.
    private func prepareInShard(_ relativePath: String, counting: Bool = true) throws -> (path: String, shard: Shard) {
        let path = stagingPath + "/" + relativePath
        // "/" looked for as a byte: a path's folders end at its last one, whatever follows it.
        let directory = path[..<(path.utf8.lastIndex(of: UInt8(ascii: "/")) ?? path.endIndex)]
        let shard = shard(ofFile: relativePath)
        // The folder is made under its shard's lock, so a file written from another thread never finds it missing.
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if counting { shard.fileCount += 1 }
        if !shard.createdDirectories.contains(directory) {
            try Self.makeDirectory(String(directory))
            shard.createdDirectories.insert(directory)
        }
        return (path, shard)
    }

    /// Makes a folder and its parents with `mkdir` alone: the staging folder is there, so most folders
    /// need one call (`FileManager` asked for each parent's state first). Two shards may make a shared
    /// parent at the same moment: the one that finds it made goes on.
    private static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let failure = errno
        if failure == ENOENT, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash > path.startIndex {
            try makeDirectory(String(path[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST && isDirectory(path) { return }
            throw FileSystemError(path: path, code: errno)
        }
        if failure == EEXIST && isDirectory(path) { return }
        throw FileSystemError(path: path, code: failure)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Copies every file below `directory` to `relativePath` in the output.
    public func copyTree(from directory: URL, to relativePath: String) throws {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return }
        let base = directory.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            try write(relativePath + relative, try Data(contentsOf: url))
        }
    }

    /// Swaps the staged build in place of the target, the files written without a digest settled first (``settleStreams()``).
    public func commit() throws {
        settleStreams()
        let fm = FileManager.default
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tre-old-\(ProcessInfo.processInfo.processIdentifier)")
        if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
        let hadTarget = fm.fileExists(atPath: target.path)
        if hadTarget { try fm.moveItem(at: target, to: old) }
        do {
            try fm.moveItem(at: staging, to: target)
        } catch {
            if hadTarget { try? fm.moveItem(at: old, to: target) }
            throw error
        }
        if hadTarget { TreeRemoval.remove(old.path) }
    }

    public func discard() {
        TreeRemoval.remove(stagingPath)
    }
}
