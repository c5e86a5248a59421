import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and modification time of every file a build reads, from one `stat`
/// per file and no reading: how `tre build` tells in milliseconds that nothing
/// changed, and how `tre serve` notices an edit.
///
/// ```swift
/// SourceStamps.of([siteURL.appendingPathComponent("content")])
/// // ["/site/content/a.md": "8213@1732406400.123456789", …]
/// ```
public enum SourceStamps {
    /// Path → "size@seconds.nanoseconds" for each regular file at or below `paths`, hidden files skipped.
    public static func of(_ paths: [URL]) -> [String: String] {
        var result: [String: String] = [:]
        var seen = Set<[UInt64]>()
        for path in paths { collect(path.standardizedFileURL.path, into: &result, seen: &seen) }
        return result
    }

    /// Follows symbolic links (a linked file's own edits count), entering each folder once.
    private static func collect(_ path: String, into result: inout [String: String], seen: inout Set<[UInt64]>) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFREG {
            result[path] = stamp(info)
            return
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR, seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") { collect(path + "/" + name, into: &result, seen: &seen) }
    }

    private static func stamp(_ info: stat) -> String {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return "\(info.st_size)@\(time.tv_sec).\(time.tv_nsec)"
    }
}
