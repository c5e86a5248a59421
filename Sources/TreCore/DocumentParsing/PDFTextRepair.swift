/// Turns text pasted from a PDF into Markdown a person would have typed:
/// lines broken mid-sentence are rejoined, the header block that PDF
/// extraction drops mid-page is moved to the top, footnotes at page ends are
/// lifted out as `[^N]:` definitions and the markers glued to words
/// (`trẻ em2.`, `năm 20201`) become `[^N]` references.
///
/// Text that does not look like PDF extraction is returned unchanged, so
/// Markdown written by hand is never touched.
public enum PDFTextRepair {
    /// Whether `text` looks like PDF extraction: short lines, most ending in a space.
    public static func looksExtracted(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(looksExtracted(bytes:))
    }

    /// Lines ending in a space are counted first, and most texts are told apart by that alone; only
    /// a text with enough of them has its lines' lengths in characters (bytes that start one) counted.
    /// White space here is ASCII's, a no-break space (C2 A0), and any C2 byte.
    private static func looksExtracted(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = 0, trailing = 0
        forEachLineNotBlank(in: bytes) { line in
            lines += 1
            let last = line[line.count - 1], beforeLast = line.count >= 2 ? line[line.count - 2] : 0
            if last == 0x20 || (beforeLast == 0xC2 && last == 0xA0) { trailing += 1 }
        }
        guard lines >= 5, trailing * 10 >= lines * 4 else { return false }
        var totalLength = 0
        forEachLineNotBlank(in: bytes) { line in
            var continuation = 0
            for byte in line where byte & 0xC0 == 0x80 { continuation += 1 }
            totalLength += line.count - continuation
        }
        return totalLength / lines < 110
    }

    /// Each line of `bytes` that is not blank, without its line break: `memchr` finds its end, and only
    /// its first bytes are read to see it is not blank.
    private static func forEachLineNotBlank(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start <= bytes.count {
            let end = memchr(base + start, 0x0A, bytes.count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !isBlank(line) { body(line) }
            start = end + 1
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in line {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C || (previous == 0xC2 && byte == 0xA0) || byte == 0xC2
            if !space { return false }
            previous = byte
        }
        return true
    }

    public static func repair(_ text: String) -> String {
        guard looksExtracted(text) else { return text }
        let lines = text.replacingBytes("\u{A0}", with: " ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var body: [String] = []  // lines of running text, page furniture removed
        var header: [String] = []
        var notes: [(label: Int, text: String)] = []
        var index = 0

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.collapsingWhitespace
            if trimmed.isEmpty {
                if line.exceeds(characters: 14), let next = nextNonEmpty(lines, after: index), footnoteStart(lines[next].collapsingWhitespace, expected: notes.count + 1) != nil {
                    // Footnote separator: read notes until the page resumes.
                    index = next
                    while index < lines.count {
                        let current = lines[index]
                        let text = current.collapsingWhitespace
                        if text.isEmpty { index += 1; continue }
                        if let note = footnoteStart(text, expected: notes.count + 1) {
                            notes.append((notes.count + 1, note))
                        } else if current.first == " " || HeaderLines.isHeaderStart(text) || notes.isEmpty {
                            break
                        } else {
                            notes[notes.count - 1].text = join(notes[notes.count - 1].text, text)
                        }
                        index += 1
                    }
                    continue
                }
                index += 1
                continue
            }
            if HeaderLines.isHeaderStart(trimmed) {
                let (block, next) = HeaderLines.readBlock(lines, from: index)
                header += block
                index = next
                continue
            }
            body.append(line)
            index += 1
        }

        var paragraphs = Paragraphs.join(body)
        if !notes.isEmpty { paragraphs = FootnoteMarkers.link(paragraphs, labels: notes.map(\.label)) }
        var output = header.map { $0 + "\n" }.joined(separator: "\n")
        if !output.isEmpty { output += "\n" }
        output += paragraphs.joined(separator: "\n\n")
        output += "\n"
        for note in notes {
            output += "\n[^\(note.label)]: " + FootnoteMarkers.stripInner(note.text) + "\n"
        }
        return output
    }

    static func nextNonEmpty(_ lines: [String], after index: Int) -> Int? {
        var next = index + 1
        while next < lines.count {
            if lines[next].contains(where: { !$0.isWhitespace }) { return next }
            next += 1
        }
        return nil
    }

    /// `1Văn bản số…`, `2 Theo Quyết định…` → the note text, when the number is the one expected.
    static func footnoteStart(_ text: String, expected: Int) -> String? {
        let label = String(expected)
        guard text.hasPrefix(label) else { return nil }
        var rest = text.dropFirst(label.count)
        if rest.first == " " { rest = rest.dropFirst() }
        guard let first = rest.first, first.isLetter else { return nil }
        return String(rest)
    }

    static func join(_ a: String, _ b: String) -> String {
        if a.hasSuffix("-"), let before = a.dropLast().last, before.isNumber { return a + b }
        return a + " " + b
    }
}

/// The header block of an administrative document (issuer, national motto,
/// number, place and date, V/v subject) wherever PDF extraction put it.
enum HeaderLines {
    static let starts = Pattern(#"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*-\s*Tự do|Số\s*:|V/v\s)"#, caseInsensitive: false)

    static let numberRowGap = Pattern(#"\S\s{3,}(?=\p{Lu}[\p{L} ’']*,\s*ngày)"#, caseInsensitive: false)

    static func isHeaderStart(_ text: String) -> Bool { starts.contains(in: text) }

    /// Reads header lines from `start`: returns them cleaned (the number and the
    /// place-date that share a row are split) and the index after the block.
    static func readBlock(_ lines: [String], from start: Int) -> ([String], Int) {
        var result: [String] = []
        var index = start
        var inSubject = false
        while index < lines.count {
            let raw = lines[index]
            let text = raw.collapsingWhitespace
            if text.isEmpty { index += 1; continue }
            if isHeaderStart(text) {
                inSubject = text.hasPrefix("V/v")
                if text.hasPrefix("Số"), let split = splitNumberRow(raw) {
                    result += split
                } else {
                    result.append(text)
                }
            } else if isUpperCaseLine(text) && !inSubject {
                // The second issuer line (HUYỆN KON RẪY) or the motto's continuation.
                if let last = result.last, isUpperCaseLine(last) { result[result.count - 1] = last + "  \n" + text } else { result.append(text) }
            } else if inSubject && !raw.hasPrefix(" ") && text.fits(characters: 45) {
                result[result.count - 1] += " " + text
            } else {
                break
            }
            index += 1
        }
        return (result.map { $0.replacingBytes("năm2", with: "năm 2") }, index)
    }

    /// `Số:   /UBND-VX     Kon Rẫy, ngày   tháng   năm 2025` → two lines.
    static func splitNumberRow(_ raw: String) -> [String]? {
        guard let match = numberRowGap.firstMatch(in: raw) else { return nil }
        let cut = raw.index(after: match.range.lowerBound)
        return [raw[..<cut].collapsingWhitespace, raw[cut...].collapsingWhitespace]
    }

    /// At least three letters, all capitals. Stops at the first small letter, which most paragraphs have in their first word.
    static func isUpperCaseLine(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            guard character.isUppercase else { return false }
            letters += 1
        }
        return letters >= 3
    }
}

import Foundation
