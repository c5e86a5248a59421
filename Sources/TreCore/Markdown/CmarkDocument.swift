import CCmark
import Foundation

/// A parsed CommonMark document that owns libcmark's memory.
///
/// The tree is freed when the document is released, so nodes must not
/// outlive it. Nodes are read through ``CmarkNode``.
///
/// ```swift
/// let doc = CmarkDocument(markdown: "# Kế hoạch\n\nNội dung", options: .smart)
/// doc.root.firstChild?.type == .heading
/// ```
public final class CmarkDocument {
    /// Parser and renderer switches, as libcmark defines them.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Curly quotes, dashes and ellipses.
        public static let smart = Options(rawValue: CMARK_OPT_SMART)
        /// Keep raw HTML and dangerous links. Off by default: the safe mode drops them.
        public static let unsafe = Options(rawValue: CMARK_OPT_UNSAFE)
        /// Replace invalid UTF-8 with U+FFFD.
        public static let validateUTF8 = Options(rawValue: CMARK_OPT_VALIDATE_UTF8)
    }

    let rootPointer: OpaquePointer
    public let options: Options

    public init(markdown: String, options: Options = [.smart]) {
        var text = markdown
        let pointer = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options.rawValue)
            }
        }
        // cmark only returns nil when it cannot allocate memory.
        guard let pointer else { fatalError("libcmark could not allocate a document") }
        self.rootPointer = pointer
        self.options = options
    }

    deinit { cmark_node_free(rootPointer) }

    /// The document node.
    public var root: CmarkNode { CmarkNode(pointer: rootPointer, owner: self) }

    /// libcmark's own HTML rendering: the floor Tre's renderer is measured against.
    public func renderHTML() -> String {
        guard let html = cmark_render_html(rootPointer, options.rawValue) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Visits every node in document order, with an enter and (for containers) an exit event.
    /// Iterative, so deeply nested input cannot overflow the stack.
    public func walk(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
        root.forEachDescendant(visit)
    }
}

/// A node inside a ``CmarkDocument``; valid while the document is alive.
public struct CmarkNode {
    public enum Kind: Equatable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock
        case paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline
        case emphasis, strong, link, image, unknown
    }

    let pointer: OpaquePointer
    let owner: CmarkDocument

    public var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .unknown
        }
    }

    /// Identity of the node within its document, for maps from node to anchor.
    public var id: Int { Int(bitPattern: UnsafeRawPointer(pointer)) }

    public var firstChild: CmarkNode? { cmark_node_first_child(pointer).map { CmarkNode(pointer: $0, owner: owner) } }
    public var next: CmarkNode? { cmark_node_next(pointer).map { CmarkNode(pointer: $0, owner: owner) } }
    public var parent: CmarkNode? { cmark_node_parent(pointer).map { CmarkNode(pointer: $0, owner: owner) } }

    public var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// Text of a text, code, code block or HTML node.
    public var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    public var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    public var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    public var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    public var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    public var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    public var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    /// 1-based line in the Markdown source where the node starts.
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    /// Appends the node's literal (``literal``) as the UTF-8 bytes cmark holds, without making a `String`.
    func appendLiteral(to bytes: inout [UInt8]) {
        guard let literal = cmark_node_get_literal(pointer) else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(literal)))
        }
    }

    /// The node's inline text with soft breaks as spaces and markup dropped: the literals'
    /// bytes gathered and made one `String` (cmark cuts a paragraph's text into many nodes).
    public var plainText: String {
        var bytes: [UInt8] = []
        forEachDescendant { node, entering in
            guard entering else { return }
            switch node.kind {
            case .text, .code: node.appendLiteral(to: &bytes)
            case .softBreak: bytes.append(UInt8(ascii: " "))
            case .lineBreak: bytes.append(UInt8(ascii: "\n"))
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Visits this node and everything below it, iteratively.
    public func forEachDescendant(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CmarkNode(pointer: node, owner: owner), event == CMARK_EVENT_ENTER)
        }
    }
}
