/// Rejoins the hard-wrapped lines of PDF text into Markdown paragraphs.
///
/// A line starts a new paragraph when it starts a list item or numbered
/// section, when it is a heading in capitals, when the line before it ended a
/// sentence and it starts with a capital, or when it is indented and starts
/// with a capital (a PDF first-line indent). Anything else continues the
/// paragraph: that is how a page break in mid-sentence heals.
enum Paragraphs {
    static let marker = Pattern(#"^(?:[-+•]\s|\d{1,2}\.\s|[a-zđ]\)\s|[IVX]{1,5}\.\s)"#, caseInsensitive: false)
    static let romanHeading = Pattern(#"^[IVX]{1,5}\.\s+[^\p{Ll}]+$"#, caseInsensitive: false)

    static func join(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var currentIsHeading = false
        var kindTitleOpen = false

        func flush() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
            currentIsHeading = false
        }

        for raw in lines {
            let text = raw.collapsingWhitespace
            guard !text.isEmpty else { continue }
            let indented = raw.first == " " || raw.first == "\t"
            let startsUpper = text.first.map { $0.isUppercase || $0.isNumber } ?? false
            let isMarker = marker.contains(in: text)
            let isCaps = HeaderLines.isUpperCaseLine(text) && text.fits(characters: 80)
            let endedSentence = current.last.map { ".:;!?".contains($0) } ?? true

            let shortItem = marker.contains(in: current) && current.fits(characters: 70) && (text.first?.isUppercase ?? false) && !endedSentence
            let startsNew = current.isEmpty || isMarker || isCaps || currentIsHeading || shortItem
                || (endedSentence && startsUpper) || (indented && startsUpper)
                || text.hasPrefix("Nơi nhận") || text.hasPrefix("Kính gửi")
            if startsNew {
                let wasKindTitle = kindTitleOpen
                flush()
                kindTitleOpen = false
                if isCaps && DocumentKinds.kind(ofTitle: text) != nil && paragraphs.allSatisfy({ !$0.hasPrefix("## ") }) {
                    current = "## " + text
                    currentIsHeading = true
                    kindTitleOpen = true
                } else if wasKindTitle && !isMarker {
                    current = "### " + text  // the plan's subject under its kind
                } else if romanHeading.contains(in: text) {
                    current = "## " + text
                    currentIsHeading = true
                } else if isCaps {
                    current = text  // issuer, signature and position lines stand alone
                    currentIsHeading = true
                } else {
                    current = text
                }
            } else {
                current = PDFTextRepair.join(current, text)
            }
        }
        flush()
        return paragraphs.map { $0.replacingBytes("năm2", with: "năm 2").replacingBytes("số1", with: "số 1") }
    }
}

/// Footnote markers glued to the text by PDF extraction.
enum FootnoteMarkers {
    /// After a letter or closing punctuation ("trẻ em2.", "Rẫy3;"), after a four-digit year ("năm 20201"),
    /// or standing alone between words ("Bộ Y tế 1 và").
    static let marker = Pattern(#"(?<=[\p{L}\)”"])(\d{1,2})(?=[\s.,;:)]|$)|(?<=\b(?:19|20)\d\d)(\d{1,2})(?=[\s.,;:)]|$)|(?<=\p{L} )(\d{1,2})(?= \p{Ll})"#, caseInsensitive: false)
    static let yearWithMarker = Pattern(#"(\b\d{1,2}/\d{1,2}/(?:19|20)\d\d)\d\b"#, caseInsensitive: false)
    /// Replaces the markers of `labels` (in order: marker 2 is searched after marker 1) with `[^N]`.
    static func link(_ paragraphs: [String], labels: [Int]) -> [String] {
        var text = paragraphs.joined(separator: "\n\n")
        var from = text.startIndex
        for label in labels {
            let n = String(label)
            guard let match = marker.matches(in: text, from: from).first(where: { ($0[1] ?? $0[2] ?? $0[3]).map(String.init) == n }) else { continue }
            let lower = match.range.lowerBound
            text.replaceSubrange(match.range, with: "[^\(n)]")
            from = text.index(lower, offsetBy: n.count + 3, limitedBy: text.endIndex) ?? text.endIndex
            if text[text.index(before: lower)] == " " { text.remove(at: text.index(before: lower)) ; from = text.index(before: from) }
        }
        return text.components(separatedBy: "\n\n")
    }

    /// Drops a stray marker glued to a year inside a note: "14/3/20251" → "14/3/2025".
    static func stripInner(_ note: String) -> String {
        yearWithMarker.replacing(in: note, with: "$1")
    }
}

import Foundation
