/// Footnotes written as `[^1]` in the text and `[^1]: text` lines, the form
/// pandoc and GitHub use. libcmark knows neither, so Tre lifts the
/// definitions out before parsing (keeping line numbers) and the renderer
/// turns references into links.
public struct Footnotes: Equatable, Sendable {
    public struct Note: Equatable, Sendable {
        public var label: String
        public var markdown: String
        public var line: Int
    }

    public var notes: [Note]
    public var labels: Set<String> { Set(notes.map(\.label)) }

    /// Splits `markdown` into the body (definition lines blanked) and its notes.
    public static func extract(from markdown: String) -> (body: String, footnotes: Footnotes) {
        guard markdown.containsBytes("[^") else { return (markdown, Footnotes(notes: [])) }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var notes: [Note] = []
        var index = 0
        while index < lines.count {
            if let (label, text) = definition(lines[index]) {
                var note = Note(label: label, markdown: text, line: index + 1)
                lines[index] = ""
                var next = index + 1
                // Continuation lines are indented.
                while next < lines.count, lines[next].hasPrefix("    ") || lines[next].hasPrefix("\t") {
                    note.markdown += " " + lines[next].trimmed()
                    lines[next] = ""
                    next += 1
                }
                notes.append(note)
                index = next
            } else {
                index += 1
            }
        }
        return (lines.joined(separator: "\n"), Footnotes(notes: notes))
    }

    static func definition(_ line: String) -> (String, String)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let label = line[line.index(line.startIndex, offsetBy: 2)..<close]
        let after = line[line.index(after: close)...]
        guard !label.isEmpty, label.count <= 20, !label.contains(" "), after.hasPrefix(":") else { return nil }
        return (String(label), after.dropFirst().trimmed())
    }
}

import Foundation
