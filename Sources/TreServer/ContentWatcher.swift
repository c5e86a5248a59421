import Foundation
import TreCore

/// Notices changes to a site's sources by polling: `content/`,
/// `site-templates/` (or the chosen template folder) and `site.yml`.
/// Polling works the same on every system and costs one `stat` per file.
public struct ContentWatcher: Sendable {
    public var paths: [URL]

    public init(paths: [URL]) { self.paths = paths }

    /// Path, size and modification time of every file watched.
    public func fingerprint() -> [String: String] { SourceStamps.of(paths) }

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
