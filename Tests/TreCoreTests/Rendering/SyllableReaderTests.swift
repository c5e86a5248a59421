import Foundation
import Testing
@testable import TreCore

/// The search index's byte-level folding and syllable reading, held to the plain
/// scalar-by-scalar versions they replaced, on the seeds, the content and random text.
@Suite("Syllable reader")
struct SyllableReaderTests {
    /// Folding one scalar at a time, as it was written first.
    static func foldedByScalars(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var needsSlowPath = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
            } else if let slot = LatinLetters.slot(of: value), VietnameseFolding.table[slot] != 0 {
                bytes.append(VietnameseFolding.table[slot])
            } else if !(0x0300...0x036F).contains(value) {
                needsSlowPath = needsSlowPath || scalar.properties.changesWhenLowercased
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return needsSlowPath ? Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8) : bytes
    }

    /// Syllables cut one scalar at a time from the folded text, as they were first.
    static func syllablesByScalars(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for scalar in String(decoding: foldedByScalars(text), as: UTF8.self).unicodeScalars {
            if scalar == "'" || scalar == "’" || scalar == "‘" { continue }
            if scalar.isASCII ? (scalar.properties.isAlphabetic && scalar.value >= 0x61 || ("0"..."9").contains(scalar))
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                result.append(word)
                word = ""
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }

    static func samples() throws -> [String] {
        var texts = try DocumentAnalyzerTests.texts().map(\.text)
        let pieces = ["Tổng", " ", "đài", "111", "H’Drai", "Ia", "'", "’", "‘", "Đ", "ĐƯỜNG", "e\u{301}", "İ", "Σ", "中文", "😀", "١٢", "Ⅻ",
                      "\n", ",", "-", "ǅ", "ß", "Ω", "x’", "’y", "''", "a1b", "\u{A0}", "Ǆ"]
        var random = RobustnessTests.Generator(state: 36)
        for _ in 0..<2000 {
            texts.append((0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        return texts
    }

    @Test func foldsAsTheScalarWalkDid() throws {
        for text in try Self.samples() {
            #expect(VietnameseFolding.foldedBytes(text) == Self.foldedByScalars(text), "\(text.prefix(80).debugDescription)")
        }
    }

    @Test func cutsSyllablesAsTheScalarWalkDid() throws {
        for text in try Self.samples() {
            #expect(SearchIndexWriter.syllables(text) == Self.syllablesByScalars(text), "\(text.prefix(80).debugDescription)")
        }
    }
}
