import Foundation
import Testing
@testable import TreCore

/// Whether a text looks like PDF extraction is decided a line at a time; it is held to the
/// byte-by-byte walk it replaced, written here as it was, on the seeds, every line of them
/// cut short, and random mixes of the bytes the decision turns on.
@Suite("PDF text repair")
struct PDFTextRepairTests {
    static func looksExtractedAsBefore(_ text: String) -> Bool {
        var lines = 0, trailing = 0, totalLength = 0
        var length = 0, blank = true, last: UInt8 = 0, beforeLast: UInt8 = 0
        func endLine() {
            if !blank {
                lines += 1
                totalLength += length
                if last == 0x20 || (beforeLast == 0xC2 && last == 0xA0) { trailing += 1 }
            }
            length = 0; blank = true; last = 0; beforeLast = 0
        }
        for byte in text.utf8 {
            if byte == 0x0A { endLine(); continue }
            if byte & 0xC0 != 0x80 { length += 1 }
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C || (last == 0xC2 && byte == 0xA0) || byte == 0xC2
            if !space { blank = false }
            beforeLast = last
            last = byte
        }
        endLine()
        guard lines >= 5 else { return false }
        return trailing * 10 >= lines * 4 && totalLength / lines < 110
    }

    @Test func theSeedsAreToldApartAsBefore() throws {
        var extracted = 0
        for prefix in ["000", "001", "002", "003", "004"] {
            let text = try Fixtures.seed(prefix)
            #expect(PDFTextRepair.looksExtracted(text) == Self.looksExtractedAsBefore(text), "\(prefix)")
            if PDFTextRepair.looksExtracted(text) { extracted += 1 }
            // Each line cut to its first 60 bytes' worth of characters: lines shorter on average, the same ends.
            let short = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.prefix(60)) }.joined(separator: "\n")
            #expect(PDFTextRepair.looksExtracted(short) == Self.looksExtractedAsBefore(short), "\(prefix), lines cut short")
        }
        #expect(extracted > 0 && extracted < 5)
    }

    /// Short and long lines, trailing spaces and no-break spaces, blank lines of every kind of white space,
    /// a lone C2 byte's character, CR LF, letters beyond ASCII, a text ending with and without a line break.
    @Test func randomTextsAreToldApartAsBefore() {
        let pieces = ["Kế hoạch ", "số 83", " ", "\u{A0}", "\t", "\r", "\n", "\n", "\n", "\u{B5}", "©", "trẻ em", "x",
                      String(repeating: "dài ", count: 40), "\u{0B}", "\u{0C}", "  \n", "\u{A0}\n"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        var agreed = (yes: 0, no: 0)
        for _ in 0..<4000 {
            let text = (0..<(1 + next(60))).map { _ in pieces[next(pieces.count)] }.joined()
            let found = PDFTextRepair.looksExtracted(text)
            #expect(found == Self.looksExtractedAsBefore(text), "\(text.debugDescription)")
            if found { agreed.yes += 1 } else { agreed.no += 1 }
        }
        #expect(agreed.yes > 100 && agreed.no > 100)
    }
}
