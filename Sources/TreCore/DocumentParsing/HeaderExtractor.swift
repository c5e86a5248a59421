/// Reads a document's identity from its header and closing: kind, number
/// and symbol, issuer and its level, place and date, subject, recipients
/// (Kính gửi), distribution (Nơi nhận) and signer. Pure: outline in, facts out.
public enum HeaderExtractor {
    static let numberRow = Pattern(#"\bSố\s*:?\s*(\d{1,6}[a-z]?)?\s*([-/])\s*((?:[\p{L}\d&.]+)(?:[-/][\p{L}\d&.]+)*)"#, caseInsensitive: false, requires: ["Số"])
    static let placeDate = Pattern(#"((?:\p{Lu}[\p{L}’'\-]*\s?){1,4}),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*((?:19|20)\d\d)"#, caseInsensitive: false, requires: ["tháng"])
    static let issuerCaps = Pattern(#"^((?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|SỞ|BỘ|BAN CHỈ ĐẠO|PHÒNG|VĂN PHÒNG)\s+(.+)$"#, caseInsensitive: false)
    static let bodyIssuer = Pattern(#"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+(?:ban hành|có ý kiến|yêu cầu|đề nghị|chỉ đạo|giao)"#, caseInsensitive: false,
                                requires: ["Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND"])
    static let levels = ["thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường"]
    /// "huyện Ia H’Drai": a level followed by a proper name, per level.
    static let placeNamed: [String: Pattern] = Dictionary(uniqueKeysWithValues: levels.map {
        ($0, Pattern("\\b" + $0 + #"\s+((?:\p{Lu}(?:\p{Ll}|’\p{Lu})[\p{L}’']*\s?){1,3})"#, caseInsensitive: false, requires: [$0]))
    })
    static let gluedWords = Pattern(#"(\p{Ll})(\p{Lu})"#, caseInsensitive: false)

    public static func extract(_ blocks: [DocumentOutline.Block], into facts: inout DocumentFacts) {
        let head = blocks.prefix(20)
        for block in head {
            let text = block.text
            if facts.symbol == nil, let match = numberRow.firstMatch(in: text), let symbolText = match[3] {
                let separator = match[2] ?? "/"
                if let digits = match[1] {
                    facts.number = "\(digits)\(separator)\(symbolText)"
                }
                facts.symbol = String(symbolText)
            }
            if facts.place == nil, let match = placeDate.firstMatch(in: text), let year = match[4].flatMap({ Int($0) }) {
                facts.place = match[1].map { $0.collapsingWhitespace }
                if let day = match[2].flatMap({ Int($0) }), let month = match[3].flatMap({ Int($0) }),
                   let date = CalendarDate(year: year, month: month, day: day) {
                    facts.date = date
                } else {
                    facts.partialDate = .init(month: match[3].flatMap { Int($0) }, year: year)
                }
            }
            if facts.issuer == nil, let issuer = issuerName(fromCaps: text) {
                facts.issuer = issuer
            }
            if facts.subject == nil, let range = text.byteRange(of: "V/v") {
                var subject = String(text[range.lowerBound...])
                if let date = placeDate.firstMatch(in: subject) { subject = String(subject[..<date.range.lowerBound]) }
                facts.subject = subject.replacingBytes("năm2", with: "năm 2").collapsingWhitespace
                facts.kind = facts.kind ?? "Công văn"
            }
        }
        // The kind in capitals, and the plan's subject right under it.
        if let index = head.firstIndex(where: { DocumentKinds.kind(ofTitle: $0.text) != nil }) {
            facts.kind = DocumentKinds.kind(ofTitle: blocks[index].text)
            if facts.subject == nil, index + 1 < blocks.count, !blocks[index + 1].text.hasPrefix("Căn cứ"),
               blocks[index + 1].text.fits(characters: 299) {
                facts.subject = blocks[index + 1].text.trimmed(" *_")
            }
        }
        if facts.kind == nil, let symbol = facts.symbol { facts.kind = DocumentKinds.kind(ofSymbol: symbol) }
        let recipients = listAfter(label: "Kính gửi", in: blocks)
        // Only a công văn is addressed "Kính gửi" without a kind title.
        if facts.kind == nil, !recipients.isEmpty { facts.kind = "Công văn" }
        if facts.issuer == nil { facts.issuer = issuerFromBody(blocks, place: facts.place) }
        facts.issuerLevel = facts.issuer.flatMap(level(of:))
        facts.recipients = recipients
        facts.distribution = listAfter(label: "Nơi nhận", in: blocks)
        facts.signer = signer(in: blocks)
    }

    /// "ỦY BAN NHÂN DÂN HUYỆN KON RẪY" → "Ủy ban nhân dân huyện Kon Rẫy".
    static func issuerName(fromCaps text: String) -> String? {
        guard HeaderLines.isUpperCaseLine(text), let match = issuerCaps.firstMatch(in: text),
              let body = match[1], let rest = match[2] else { return nil }
        let bodyName: String
        switch body {
        case "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN": bodyName = "Ủy ban nhân dân"
        case "HỘI ĐỒNG NHÂN DÂN": bodyName = "Hội đồng nhân dân"
        default: bodyName = sentenceCase(String(body))
        }
        let restLower = rest.lowercasedFast
        if let level = levels.first(where: { restLower.hasPrefix($0 + " ") }) {
            let place = rest.dropFirst(level.count + 1)
            return "\(bodyName) \(level) \(titleCase(String(place)))"
        }
        if rest.contains("CỘNG HÒA") || rest.contains("CỘNG HOÀ") { return nil }
        return "\(bodyName) \(sentenceCase(String(rest)))"
    }

    /// "Ủy ban nhân dân huyện ban hành …" plus the place ("huyện Ia H’Drai") named in the text.
    static func issuerFromBody(_ blocks: [DocumentOutline.Block], place: String?) -> String? {
        for block in blocks.prefix(40) {
            guard let match = bodyIssuer.firstMatch(in: block.text), let level = match[1] else { continue }
            if let place { return "Ủy ban nhân dân \(level) \(place)" }
            guard let named = placeNamed[String(level)] else { continue }
            for other in blocks.prefix(60) where other.listDepth == 0 {
                if let name = named.firstMatch(in: other.text)?[1] {
                    return "Ủy ban nhân dân \(level) \(name.collapsingWhitespace)"
                }
            }
            return "Ủy ban nhân dân \(level)"
        }
        return nil
    }

    /// bộ, tỉnh, sở, huyện, xã … from an issuer's name.
    public static func level(of issuer: String) -> String? {
        let lower = issuer.lowercasedFast
        if lower.hasPrefix("bộ ") || lower.hasPrefix("thủ tướng") || lower.hasPrefix("chính phủ") { return "trung ương" }
        if lower.hasPrefix("sở ") { return "sở" }
        for level in ["tỉnh", "huyện", "quận", "thị xã", "thị trấn", "phường", "xã"] where lower.containsBytes(" \(level) ") {
            return ["thị trấn", "phường"].contains(level) ? "xã" : (["quận", "thị xã"].contains(level) ? "huyện" : level)
        }
        if lower.contains(" thành phố ") { return "tỉnh" }
        return nil
    }

    /// The "- …" lines after a label ("Kính gửi:"), or the text after the label on its own line.
    static func listAfter(label: String, in blocks: [DocumentOutline.Block]) -> [String] {
        // Only " *_" (one byte each) may come before the label: its first byte is among the text's first five.
        let first = label.utf8.first
        guard let index = blocks.firstIndex(where: { $0.text.utf8.prefix(5).contains { $0 == first } && $0.text.prefix(label.count + 4).trimmed(" *_").hasPrefix(label) })
        else { return [] }
        let labelBlock = blocks[index]
        var items: [String] = []
        let inline = labelBlock.text.drop { $0 != ":" }.dropFirst().trimmed(" *_")
        if !inline.isEmpty { items.append(inline) }
        var next = index + 1
        while next < blocks.count, blocks[next].listDepth > 0, blocks[next].itemNumber == nil {
            items.append(blocks[next].text)
            next += 1
        }
        return items.map { $0.trimmed(" ;.,").collapsingWhitespace }.filter { !$0.isEmpty }
    }

    static let authority = Pattern(#"^(TM|KT|TL|TUQ|Q)\.\s*(.+)$"#, caseInsensitive: false, startsWith: ["tm", "kt", "tl", "tuq", "q"])

    /// TM./KT. lines, the position in capitals under them and the name last.
    static func signer(in blocks: [DocumentOutline.Block]) -> DocumentFacts.Signer? {
        let start = blocks.lastIndex { $0.text.hasPrefix("Nơi nhận") } ?? max(0, blocks.count - 8)
        let lines = blocks[start...].filter { $0.listDepth == 0 && !$0.text.hasPrefix("Nơi nhận") }
            .flatMap { $0.text.split(separator: "\n") }.map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
        guard let first = lines.firstIndex(where: { authority.contains(in: $0) }) else { return nil }
        var authorities: [String] = []
        var position: String?
        var name: String?
        for line in lines[first...] {
            if let match = authority.firstMatch(in: line), let kind = match[1], let rest = match[2], name == nil, position == nil {
                var held = String(rest)
                // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" on one line: the position starts at "PHÓ".
                if let deputy = held.byteRange(of: " PHÓ ") {
                    position = positionCase(String(held[deputy.lowerBound...]).collapsingWhitespace)
                    held = String(held[..<deputy.lowerBound])
                }
                authorities.append("\(kind). " + sentenceCase(held))
            } else if HeaderLines.isUpperCaseLine(line), position == nil {
                position = positionCase(line)
            } else if name == nil, line.fits(characters: 40), line.first?.isUppercase == true {
                name = gluedWords.replacing(in: line, with: "$1 $2")
            }
        }
        if position == nil, let last = authorities.last { position = String(last.drop { $0 != " " }.dropFirst()) }
        return DocumentFacts.Signer(authority: authorities.joined(separator: ", "), position: position, name: name)
    }

    /// "PHÓ CHỦ TỊCH" → "Phó Chủ tịch", as titles are written in running text.
    static func positionCase(_ text: String) -> String {
        let lower = text.lowercasedFast
        if lower.hasPrefix("phó ") { return "Phó " + sentenceCase(String(lower.dropFirst(4))) }
        return sentenceCase(lower)
    }

    static func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { word in word.prefix(1).uppercased() + word.dropFirst().lowercasedFast }.joined(separator: " ")
    }

    static func sentenceCase(_ text: String) -> String {
        let lower = text.lowercasedFast
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}

import Foundation
