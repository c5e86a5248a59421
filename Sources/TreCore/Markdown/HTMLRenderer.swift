/// Renders a ``CmarkDocument`` to HTML the way libcmark does, plus what a
/// portal page needs: an `id` on every heading, item and paragraph (from the
/// ``DocumentOutline``), site-root links under the base path, footnote links,
/// and headings shifted below the page's h1.
///
/// Safe by default like libcmark: raw HTML becomes a comment and
/// `javascript:`/`vbscript:`/`file:`/non-image `data:` links are emptied.
public struct HTMLRenderer {
    public var basePath: String
    public var allowUnsafe: Bool
    public var footnoteLabels: Set<String>
    /// The level the document's top headings get: 2 under the page's h1, 3 under a section's h2.
    public var headingBase = 2

    /// - Parameter basePath: the site's path, `/` or `/tre-em/`; links starting with `/` are put under it.
    public init(basePath: String = "/", allowUnsafe: Bool = false, footnoteLabels: Set<String> = []) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
        self.allowUnsafe = allowUnsafe
        self.footnoteLabels = footnoteLabels
    }

    /// - Parameter skipping: ids of top-level blocks to leave out (the header shown in the page's card).
    public func render(_ document: CmarkDocument, outline: DocumentOutline? = nil, skipping: Set<Int> = []) -> String {
        String(decoding: renderUTF8(document, outline: outline, skipping: skipping), as: UTF8.self)
    }

    /// ``render(_:outline:skipping:)`` as UTF-8 bytes. A run of text nodes (cmark cuts text at every
    /// bracket, quote and entity) is gathered as the bytes cmark holds and escaped once, no `String` made.
    public func renderUTF8(_ document: CmarkDocument, outline: DocumentOutline? = nil, skipping: Set<Int> = []) -> [UInt8] {
        var html: [UInt8] = []
        var skipped: Int?
        var headingLevel = headingBase
        var referenced: Set<String> = []  // a footnote cited twice gets its back-link id once
        var lastHeading = headingBase - 1
        var pendingText: [UInt8] = []
        var tightStack: [Bool] = []
        var imageDepth = 0
        let anchors = outline?.anchors ?? [:]
        let levels = outline?.headingLevels ?? [:]

        func flush() {
            guard !pendingText.isEmpty else { return }
            appendText(pendingText, to: &html, footnotes: imageDepth == 0, referenced: &referenced)
            pendingText.removeAll(keepingCapacity: true)
        }
        func idAttribute(_ node: CmarkNode) -> String {
            anchors[node.id].map { " id=\"\($0)\"" } ?? ""
        }

        document.walk { node, entering in
            if let id = skipped {
                if !entering && node.id == id { skipped = nil }
                return
            }
            if entering && skipping.contains(node.id) && node.parent?.kind == .document {
                if node.kind == .paragraph || node.kind == .heading { skipped = node.id }
                return
            }
            if node.kind == .text {
                node.appendLiteral(to: &pendingText)
                return
            }
            flush()
            switch node.kind {
            case .document: break
            case .blockQuote: html += entering ? "<blockquote>\n" : "</blockquote>\n"
            case .list:
                if entering {
                    tightStack.append(node.isTightList)
                    if node.isOrderedList {
                        html += node.listStart == 1 ? "<ol>\n" : "<ol start=\"\(node.listStart)\">\n"
                    } else {
                        html += "<ul>\n"
                    }
                } else {
                    tightStack.removeLast()
                    html += node.isOrderedList ? "</ol>\n" : "</ul>\n"
                }
            case .item: html += entering ? "<li\(idAttribute(node))>" : "</li>\n"
            case .paragraph:
                let tight = node.parent?.kind == .item && (tightStack.last ?? false)
                if !tight { html += entering ? "<p\(idAttribute(node))>" : "</p>\n" }
            case .heading:
                // Never skip a level below the previous heading (a #### after a ## becomes h3 + 1).
                if entering { headingLevel = min(6, (levels[node.headingLevel] ?? max(2, node.headingLevel)) + headingBase - 2, lastHeading + 1) }
                let level = headingLevel
                if !entering { lastHeading = level }
                html += entering ? "<h\(level)\(idAttribute(node))>" : "</h\(level)>\n"
            case .codeBlock:
                let info = node.fenceInfo.split(separator: " ").first.map(String.init) ?? ""
                html += info.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaper.escape(info))\">"
                html += HTMLEscaper.escape(node.literal ?? "") + "</code></pre>\n"
            case .htmlBlock:
                html += allowUnsafe ? (node.literal ?? "") : "<!-- raw HTML omitted -->\n"
            case .htmlInline:
                html += allowUnsafe ? (node.literal ?? "") : "<!-- raw HTML omitted -->"
            case .thematicBreak: html += "<hr>\n"
            case .softBreak: html += "\n"
            case .lineBreak: html += "<br>\n"
            case .code: html += "<code>" + HTMLEscaper.escape(node.literal ?? "") + "</code>"
            case .emphasis: html += entering ? "<em>" : "</em>"
            case .strong: html += entering ? "<strong>" : "</strong>"
            case .link:
                if entering {
                    html += "<a href=\"" + HTMLEscaper.escape(resolve(node.url)) + "\""
                    if !node.title.isEmpty { html += " title=\"" + HTMLEscaper.escape(node.title) + "\"" }
                    html += ">"
                } else {
                    html += "</a>"
                }
            case .image:
                if entering {
                    html += "<img src=\"" + HTMLEscaper.escape(resolve(node.url)) + "\" alt=\""
                    imageDepth += 1
                } else {
                    imageDepth -= 1
                    html += "\""
                    if !node.title.isEmpty { html += " title=\"" + HTMLEscaper.escape(node.title) + "\"" }
                    html += ">"
                }
            case .customBlock, .customInline, .unknown: break
            case .text: break
            }
        }
        flush()
        return html
    }

    /// A URL as it should appear on the page: unsafe schemes dropped, site-root paths under the base path.
    public func resolve(_ url: String) -> String {
        if !allowUnsafe && Self.isDangerous(url) { return "" }
        if url.hasPrefix("/") && !url.hasPrefix("//") {
            return basePath + url.dropFirst()
        }
        return url
    }

    static func isDangerous(_ url: String) -> Bool {
        let lower = url.trimmed().lowercased()
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }

    private func appendText(_ bytes: [UInt8], to html: inout [UInt8], footnotes: Bool, referenced: inout Set<String>) {
        guard footnotes, !footnoteLabels.isEmpty, Self.holdsFootnoteMark(bytes) else {
            bytes.withUnsafeBufferPointer { HTMLEscaper.append(bytes: $0, to: &html) }
            return
        }
        var rest = Substring(String(decoding: bytes, as: UTF8.self))
        while let open = rest.range(of: "[^") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = String(rest[open.upperBound..<close])
            html += HTMLEscaper.escape(String(rest[..<open.lowerBound]))
            if footnoteLabels.contains(label) {
                let id = Slug.make(label)
                let anchor = referenced.insert(id).inserted ? " id=\"tham-chieu-\(id)\"" : ""
                html += "<sup class=\"tham-chieu\"><a href=\"#chu-thich-\(id)\"\(anchor) aria-label=\"Chú thích \(HTMLEscaper.escape(label))\">\(HTMLEscaper.escape(label))</a></sup>"
            } else {
                html += HTMLEscaper.escape(String(rest[open.lowerBound...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        html += HTMLEscaper.escape(String(rest))
    }

    /// Whether the bytes hold `[^`, where a footnote reference may be.
    private static func holdsFootnoteMark(_ bytes: [UInt8]) -> Bool {
        bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "[") && bytes[$0 + 1] == UInt8(ascii: "^") }
    }
}

/// The renderer writes its markup as UTF-8 bytes: `html += "<p>"`.
private func += (html: inout [UInt8], text: String) {
    html.append(contentsOf: text.utf8)
}

import Foundation
