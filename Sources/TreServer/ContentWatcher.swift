import Foundation

/// Notices changes to a site's sources by polling: `content/`,
/// `site-templates/` (or the chosen template folder) and `site.yml`.
/// Polling works the same on every system and costs one `stat` per file.
public struct ContentWatcher: Sendable {
    public var paths: [URL]

    public init(paths: [URL]) { self.paths = paths }

    /// Path, size and modification time of every file watched.
    public func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                result[path.path] = Self.stamp(path)
                continue
            }
            guard let enumerator = fm.enumerator(at: path, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey],
                                                 options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                result[url.path] = Self.stamp(url)
            }
        }
        return result
    }

    static func stamp(_ url: URL) -> String {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        return "\(values?.fileSize ?? -1)@\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }

    /// Calls `changed` whenever the fingerprint differs from the last one, until cancelled.
    public func run(every interval: Duration = .milliseconds(250), changed: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                // Let an editor finish writing (save = truncate + write) before rebuilding.
                try? await Task.sleep(for: .milliseconds(60))
                last = fingerprint()
                await changed()
            }
        }
    }
}
