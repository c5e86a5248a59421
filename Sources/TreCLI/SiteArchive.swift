import Foundation
import ZIPFoundation

/// `tre build --archive site.zip`: the built site as one file for the
/// district information page's upload form, entries relative to the site root
/// (`index.html`, `van-ban/…`), written beside the target and moved in place.
enum SiteArchive {
    static func write(site: URL, to destination: URL) throws {
        let fm = FileManager.default
        let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial")
        try? fm.removeItem(at: partial)
        try fm.zipItem(at: site, to: partial, shouldKeepParent: false, compressionMethod: .deflate)
        if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
        try fm.moveItem(at: partial, to: destination)
    }
}
