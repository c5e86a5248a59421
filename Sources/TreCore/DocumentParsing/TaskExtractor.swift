/// The tasks of a plan: a numbered item followed by `- Cơ quan chủ trì: …`,
/// `- Cơ quan, đơn vị phối hợp thực hiện: …`, `- Thời gian thực hiện: …`;
/// or an item that names its lead ("2. Phòng Y tế chủ trì, phối hợp với …").
public enum TaskExtractor {
    static let numberedHeading = Pattern(#"^(\d{1,2})\.\s+(.+)$"#)
    static let namesLead = Pattern(#"^(.{4,120}?)\s+chủ trì(?:,\s*phối hợp (?:với\s+)?(.+?))?(?:[.:;]|$)"#, requiresWords: ["chủ trì"])

    /// "các sở, ban ngành và địa phương tổng hợp, thẩm định …" → "các sở, ban ngành và địa phương".
    static func cutAtVerb(_ text: String) -> String {
        var end = text.endIndex
        for verb in ["tổng hợp", "triển khai", "hướng dẫn", "tham mưu", "thực hiện", "tổ chức", "xây dựng", "theo dõi", "đôn đốc", "kiểm tra"] {
            if let range = text.byteRange(of: " " + verb), range.lowerBound < end { end = range.lowerBound }
        }
        return String(text[..<end])
    }

    public static func extract(blocks: [DocumentOutline.Block]) -> [DocumentFacts.Task] {
        var tasks: [DocumentFacts.Task] = []
        var current: DocumentFacts.Task?
        func finish() {
            if let task = current, !task.lead.isEmpty { tasks.append(task) }
            current = nil
        }
        for block in blocks {
            let text = block.text.trimmed(" *_")
            if case .heading = block.kind {
                finish()
                // "### 1. Phòng Lao động - Thương binh và Xã hội": a section that is one agency's task.
                // Most headings start with a letter: only one that starts with a digit can match.
                if text.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true,
                   let match = numberedHeading.firstMatch(in: text), let number = match[1], let name = match[2],
                   AgencyNames.startsWithHead(name), name.fits(characters: 80) {
                    current = DocumentFacts.Task(number: String(number), text: text, lead: [AgencyNames.normalize(String(name))],
                                                 cooperating: [], timeframe: nil, anchor: block.anchor)
                }
                continue
            }
            if block.startsItem, let number = block.itemNumber, block.listDepth == 1 {
                finish()
                current = DocumentFacts.Task(number: number, text: text, lead: [], cooperating: [], timeframe: nil, anchor: block.anchor)
                if let match = namesLead.firstMatch(in: text), let agency = match[1],
                   AgencyNames.startsWithHead(Substring(agency)) {
                    current?.lead = AgencyNames.split(String(agency))
                    current?.cooperating = match[2].map { AgencyNames.split(cutAtVerb(String($0))) } ?? []
                } else if AgencyNames.startsWithHead(Substring(text)), text.fits(characters: 80) || text.hasSuffix(":"),
                          let agency = DeadlineExtractor.leadingAgency(of: text) {
                    // "1. Phòng Lao động - Thương binh và Xã hội" or "1. Các đơn vị, địa phương …:"
                    current?.lead = [AgencyNames.normalize(agency)]
                }
                continue
            }
            guard current != nil else { continue }
            // "- Trung tâm Y tế: Tiếp tục …" under an item assigns a duty to one agency.
            let label = text.containsBytes(":") ? TaskLabelLine(text) : nil
            if block.startsItem, block.itemNumber == nil || block.listDepth > 1, label == nil, let colon = text.firstIndex(of: ":"),
               let agency = DeadlineExtractor.leadingAgency(of: String(text[..<colon])), agency.count == text.distance(from: text.startIndex, to: colon) - (text.hasPrefix("- ") ? 2 : 0) {
                let parent = current!
                finish()
                let duty = text[text.index(after: colon)...].trimmed()
                tasks.append(DocumentFacts.Task(number: "\(parent.number).\(tasks.filter { $0.number.hasPrefix(parent.number + ".") }.count + 1)",
                                                text: duty, lead: [AgencyNames.normalize(agency)], cooperating: [], timeframe: nil, anchor: block.anchor))
                current = DocumentFacts.Task(number: parent.number, text: parent.text, lead: [], cooperating: [], timeframe: nil, anchor: parent.anchor)
                continue
            }
            guard let label else { continue }
            switch label.kind {
            case .lead: current?.lead = AgencyNames.split(String(label.value))
            case .cooperating: current?.cooperating = AgencyNames.split(String(label.value))
            case .timeframe: current?.timeframe = label.value.trimmed(" .")
            }
        }
        finish()
        return tasks
    }
}

import Foundation
