import Foundation
import TreCore
#if canImport(Glibc)
import Glibc
#endif

/// Notices changes to a site's sources: `content/`, `site-templates/` (or
/// the chosen template folder) and `site.yml`.
///
/// On Linux the kernel says at once which file was written (inotify), so a
/// save is seen within milliseconds and only that file is looked at. Every
/// second (every 250 ms without inotify) all files are also compared by one
/// `stat` each, which catches what inotify cannot see, such as an edit to a
/// file that a link in `content/` points to.
public struct ContentWatcher: Sendable {
    public var paths: [URL]
    /// How long to wait after a change for the editor to finish writing (save = truncate + write).
    public var settle: Duration = .milliseconds(15)

    public init(paths: [URL]) { self.paths = paths }

    /// Path, size and modification time of every file watched.
    public func fingerprint() -> [String: String] { SourceStamps.of(paths) }

    /// The files whose stamps differ between two fingerprints: edited, added or removed.
    public static func changes(from old: [String: String], to new: [String: String]) -> Set<String> {
        var changed = Set(new.compactMap { old[$0.key] == $0.value ? nil : $0.key })
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }

    /// Calls `changed` with the absolute paths of the files that changed, until cancelled.
    public func run(changed: @Sendable (Set<String>) async -> Void) async {
        var last = fingerprint()
        let events = KernelEvents(watching: paths)
        let poll: Duration = events == nil ? .milliseconds(250) : .seconds(1)
        var sincePoll: Duration = .zero
        let tick: Duration = .milliseconds(10)
        while !Task.isCancelled {
            try? await Task.sleep(for: events == nil ? poll : tick)
            sincePoll += events == nil ? poll : tick
            var candidates = events?.drain() ?? []
            if !candidates.isEmpty {
                try? await Task.sleep(for: settle)
                candidates.formUnion(events?.drain() ?? [])
                var now: [String: String] = [:]
                var then: [String: String] = [:]
                for path in candidates {
                    now[path] = SourceStamps.of([URL(fileURLWithPath: path)])[path]
                    then[path] = last[path]
                }
                let found = Self.changes(from: then, to: now)
                guard !found.isEmpty else { continue }
                for path in found { last[path] = now[path] }
                await changed(found)
            } else if sincePoll >= poll {
                sincePoll = .zero
                let now = fingerprint()
                let found = Self.changes(from: last, to: now)
                guard !found.isEmpty else { continue }
                try? await Task.sleep(for: settle)
                last = fingerprint()
                await changed(Self.changes(from: now, to: last).union(found))
            }
        }
    }
}

/// The kernel's file events (inotify) for the folders watched, read without
/// blocking: each `drain()` returns the paths written, created, moved or
/// removed since the last one. Nil where inotify is not available.
final class KernelEvents: @unchecked Sendable {
    #if os(Linux)
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    /// Files watched through their folder: folder → the names that count.
    private var files: [String: Set<String>] = [:]

    init?(watching paths: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for url in paths {
            let path = url.standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                watchTree(path)
            } else {
                let folder = url.deletingLastPathComponent().standardizedFileURL.path
                files[folder, default: []].insert(url.lastPathComponent)
                watch(folder)
            }
        }
    }

    deinit { close(descriptor) }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)

    private func watch(_ folder: String) {
        let handle = inotify_add_watch(descriptor, folder, Self.mask)
        if handle >= 0 { folders[handle] = folder }
    }

    private func watchTree(_ folder: String) {
        watch(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { watchTree(path) }
        }
    }

    func drain() -> Set<String> {
        var paths = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (handle, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let folder = folders[handle], !name.isEmpty, !name.hasPrefix(".") else { continue }
                if let only = files[folder], !only.contains(name) { continue }
                let path = folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                    continue
                }
                paths.insert(path)
            }
        }
        return paths
    }
    #else
    init?(watching paths: [URL]) { return nil }
    func drain() -> Set<String> { [] }
    #endif
}
