/// The blocks of a parsed document in reading order, each with the anchor
/// (`id`) it gets on the page. Extraction reads ``blocks``; the HTML renderer
/// reads ``anchors``, so a deadline found in a sentence links to the exact
/// paragraph that shows it.
public struct DocumentOutline: Sendable {
    public struct Block: Equatable, Sendable {
        public enum Kind: Sendable, Equatable { case heading(level: Int), paragraph }
        public var kind: Kind
        /// Plain text, soft breaks as spaces.
        public var text: String
        /// The id of the nearest anchored element on the page.
        public var anchor: String
        /// 1-based line in the Markdown body.
        public var line: Int
        /// The number of the enclosing ordered-list item, if any ("3" for "3. …").
        public var itemNumber: String?
        /// Nesting depth in lists (0 = not in a list).
        public var listDepth: Int
        /// True for a paragraph that starts a list item.
        public var startsItem: Bool
        /// The cmark node, for the renderer to leave out header blocks.
        public var nodeID: Int = 0
    }

    public var blocks: [Block]
    /// Link destinations written in the Markdown, with their lines, for `tre check`.
    public var links: [(url: String, line: Int)]
    /// Node id → anchor, for the renderer.
    public var anchors: [Int: String]
    /// Source heading level → page heading level (the page title is the only h1).
    public var headingLevels: [Int: Int]

    /// Block text for extraction: footnote references out.
    static func clean(_ text: String) -> String {
        guard text.containsBytes("[^") else { return text }
        return footnoteReference.replacing(in: text, with: "")
    }
    static let footnoteReference = Pattern(#"\[\^[^\]\s]{1,20}\]"#)

    public init(document: CmarkDocument) {
        var blocks: [Block] = []
        var anchors: [Int: String] = [:]
        // Room for a long document's anchors: the set is let go when the outline is made, and grown from empty it is hashed anew at each doubling.
        var used = Set<String>(minimumCapacity: 128)
        var counter = 0
        var section: String?
        var levelsSeen: Set<Int> = []
        var links: [(String, Int)] = []
        var lastLine = 1
        // Stack of (item anchor, item number, is tight) for the items we are inside.
        var items: [(anchor: String, number: String?, tight: Bool, first: Bool)] = []
        var ordinals: [Int] = []  // next item number per open list

        func unique(_ base: String) -> String {
            var id = base.isEmpty ? "muc" : base
            var n = 2
            while !used.insert(id).inserted { id = "\(base)-\(n)"; n += 1 }
            return id
        }

        document.walk { node, entering in
            if entering, node.startLine > 0 { lastLine = node.startLine }
            switch node.kind {
            case .link where entering, .image where entering:
                links.append((node.url, lastLine))
            case .list:
                if entering { ordinals.append(node.isOrderedList ? node.listStart : -1) } else { ordinals.removeLast() }
            case .item:
                if entering {
                    let parent = node.parent
                    let tight = parent?.isTightList ?? false
                    var number: String?
                    let anchor: String
                    if let ordinal = ordinals.last, ordinal >= 0 {
                        number = String(ordinal)
                        ordinals[ordinals.count - 1] = ordinal + 1
                        let prefix = items.last.map { $0.anchor + "-" } ?? "muc-" + (section.map { $0 + "-" } ?? "")
                        anchor = unique(prefix + String(ordinal))
                    } else {
                        counter += 1
                        anchor = unique("doan-\(counter)")
                    }
                    anchors[node.id] = anchor
                    items.append((anchor, number ?? items.last?.number, tight, true))
                } else {
                    items.removeLast()
                }
            case .heading where entering:
                let text = node.plainText
                levelsSeen.insert(node.headingLevel)
                let anchor = unique(Slug.make(text, maxLength: 60))
                anchors[node.id] = anchor
                if let roman = RomanNumeral.leading(in: text) { section = roman.lowercased() }
                blocks.append(Block(kind: .heading(level: node.headingLevel), text: text, anchor: anchor,
                                    line: node.startLine, itemNumber: nil, listDepth: items.count, startsItem: false, nodeID: node.id))
            case .paragraph where entering:
                let text = DocumentOutline.clean(node.plainText)
                if items.isEmpty, let roman = RomanNumeral.leading(in: text), text.fits(characters: 119) { section = roman.lowercased() }
                var anchor: String
                var startsItem = false
                if let item = items.last {
                    startsItem = item.first
                    items[items.count - 1].first = false
                    if item.tight {
                        anchor = item.anchor
                    } else {
                        counter += 1
                        anchor = unique("doan-\(counter)")
                        anchors[node.id] = anchor
                    }
                } else {
                    counter += 1
                    anchor = unique("doan-\(counter)")
                    anchors[node.id] = anchor
                }
                blocks.append(Block(kind: .paragraph, text: text, anchor: anchor, line: node.startLine,
                                    itemNumber: items.last?.number, listDepth: items.count, startsItem: startsItem, nodeID: node.id))
            default: break
            }
        }
        self.blocks = blocks
        self.links = links
        self.anchors = anchors
        var levels: [Int: Int] = [:]
        for (index, level) in levelsSeen.sorted().enumerated() { levels[level] = min(6, index + 2) }
        self.headingLevels = levels
    }
}

/// Roman section numbers as documents write them: "II. NHIỆM VỤ".
enum RomanNumeral {
    /// The numeral at the start of `text` when followed by "." and a space ("IV." → "IV").
    static func leading(in text: String) -> String? {
        // Most blocks start with another letter: no need to split the text into characters.
        guard let first = text.utf8.first, first == UInt8(ascii: "I") || first == UInt8(ascii: "V") || first == UInt8(ascii: "X")
                || first == UInt8(ascii: "L") else { return nil }
        var numeral = ""
        for character in text {
            if "IVXL".contains(character) { numeral.append(character); continue }
            if character == "." && !numeral.isEmpty && numeral.count <= 5 { return numeral }
            return nil
        }
        return nil
    }
}
