import Foundation

/// Maps request paths to files inside the output folder, and nothing else:
/// `..`, `%2e%2e`, encoded slashes, NUL bytes and symlinks that lead out
/// are refused. Pure apart from looking at the file system.
public struct StaticFiles: Sendable {
    /// The output folder, with symlinks resolved.
    public let root: URL
    /// The site's path, `/` or `/tre-em/`.
    public let basePath: String

    public init(root: URL, basePath: String) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its slash: redirect to this path.
        case redirect(String)
        case notFound
        /// Outside the base path, or a path that tries to leave the output.
        case forbidden
    }

    /// Resolves the raw (still percent-encoded) path of a request.
    public func resolve(_ rawPath: String) -> Resolution {
        var path = rawPath
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return .notFound }
        let relative = path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : ""
        var segments: [String] = []
        for raw in relative.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = raw.removingPercentEncoding else { return .forbidden }
            if segment == ".." || segment == "." || segment.contains("/") || segment.contains("\\") || segment.contains("\0") {
                return .forbidden
            }
            segments.append(segment)
        }
        var url = root
        for segment in segments { url.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            if !relative.isEmpty && !relative.hasSuffix("/") { return .redirect(path + "/") }
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return .notFound }
        }
        // A symlink inside the output must not lead outside it.
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(root.path + "/") else { return .forbidden }
        return .file(URL(fileURLWithPath: real))
    }

    /// The Content-Type for a file name, with `charset=utf-8` for text.
    public static func contentType(for url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": url.lastPathComponent == "feed.xml" ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "zip": "application/zip"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
