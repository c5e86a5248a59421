/// Where the site is published, e.g. `https://example.gov.vn/tre-em/`.
/// Pages link with root-relative paths under ``path`` (`/tre-em/van-ban/…`);
/// feeds, calendars and the sitemap need ``absolute(_:)`` URLs.
public struct BaseURL: Equatable, Sendable {
    /// `https://example.gov.vn` (no trailing slash), or nil when only a path is known.
    public var origin: String?
    /// Always starts and ends with `/`.
    public var path: String

    public init(_ text: String) {
        var rest = text.trimmed()
        if let scheme = rest.range(of: "://") {
            let afterScheme = rest[scheme.upperBound...]
            let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            origin = String(rest[..<slash])
            rest = String(rest[slash...])
        } else {
            origin = nil
        }
        if !rest.hasPrefix("/") { rest = "/" + rest }
        if !rest.hasSuffix("/") { rest += "/" }
        path = rest
    }

    /// Root-relative link to a site path (`van-ban/x/` → `/tre-em/van-ban/x/`).
    public func link(_ sitePath: String) -> String { path + sitePath }

    /// Absolute URL; without a known origin, `http://localhost` stands in.
    public func absolute(_ sitePath: String) -> String { (origin ?? "http://localhost") + path + sitePath }

    public var isValid: Bool { origin.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? true }
}

import Foundation
