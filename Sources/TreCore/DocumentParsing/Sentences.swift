/// Splits a paragraph into sentences: at `.`, `!`, `?` (and `./.`) followed by
/// a space and a capital letter or the end. Abbreviations like "TP." are rare
/// enough in these documents to accept a wrong split now and then.
enum Sentences {
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var depth = 0  // inside ( … ) or “ … ”, never split
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == "“" { depth += 1 }
            if (character == ")" || character == "”") && depth > 0 { depth -= 1 }
            if depth == 0, character == "." || character == "!" || character == "?" {
                var end = text.index(after: index)
                while end < text.endIndex, text[end] == "/" || text[end] == "." || text[end] == "*" || text[end] == "_" { end = text.index(after: end) }
                if end == text.endIndex {
                    break
                }
                if text[end] == " ", let next = text[text.index(after: end)...].first, next.isUppercase || next == "*" {
                    result.append(text[start..<end])
                    start = text.index(after: end)
                    index = start
                    continue
                }
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result.map { $0.trimmed()[...] }.filter { !$0.isEmpty }.map { Substring($0) }
    }
}

import Foundation
