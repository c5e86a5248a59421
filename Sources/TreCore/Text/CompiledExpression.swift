import Foundation
#if canImport(_FoundationICU)
import _FoundationICU
#endif

/// A compiled regular expression and the four ways ``Pattern`` runs it, answering in `String` indexes.
///
/// On Linux it calls ICU's C API itself, through the toolchain's `_FoundationICU`: the very library
/// and engine `NSRegularExpression` runs there, with the same options, so its matches are the same
/// (the tests in `CompiledExpressionTests` hold the two side by side). What it saves is the bridge:
/// `NSRegularExpression` takes a `String` and copies the whole text to UTF-16 on every call, and
/// ``Pattern`` tries one expression at each start word of a sentence. Here a call copies the text
/// once (``UTF16Text``) for all its tries, and turns ICU's UTF-16 offsets back into indexes through
/// that copy's table instead of walking the string. Elsewhere it is `NSRegularExpression`.
///
/// An expression is shared by every thread: ICU's matcher holds the text it is given, so each call
/// takes a clone from a small pool (ICU's clones share the compiled pattern) and gives it back.
final class CompiledExpression: @unchecked Sendable {
    /// The expression as written.
    let pattern: String
    #if canImport(_FoundationICU)
    private let compiled: OpaquePointer
    /// How many capture groups the expression has.
    private let groupCount: Int
    private var idle: [OpaquePointer] = []
    private let lock = NSLock()

    /// Compiles `pattern` as `NSRegularExpression` would with `.useUnicodeWordBoundaries` (and `.caseInsensitive`).
    init(_ pattern: String, caseInsensitive: Bool) {
        var flags = UInt32(UREGEX_UWORD.rawValue)
        if caseInsensitive { flags |= UInt32(UREGEX_CASE_INSENSITIVE.rawValue) }
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        let compiled = swift_uregex_open(units, Int32(units.count), flags, nil, &status)
        // Tre's patterns are literals; a bad one is a programming error caught by the tests.
        guard let compiled, status.rawValue <= U_ZERO_ERROR.rawValue else { fatalError("bad regular expression: \(pattern)") }
        self.compiled = compiled
        groupCount = Int(swift_uregex_groupCount(compiled, &status))
        self.pattern = pattern
    }

    deinit {
        for matcher in idle { swift_uregex_close(matcher) }
        swift_uregex_close(compiled)
    }

    /// Every match in `text` from `start` on, as `NSRegularExpression.matches(in:range:)` finds them:
    /// what lies before `start` is out of sight, as it is to `NSRegularExpression`, which copies only the range.
    func matches(in text: String, from start: String.Index?, first: Bool = false) -> [Pattern.Match] {
        // Only what follows `start` is copied: ICU's region would still show word boundaries before it.
        let copy = UTF16Text(text[(start ?? text.startIndex)...])
        return withMatcher(on: copy) { matcher, status in
            var found: [Pattern.Match] = []
            while swift_uregex_findNext(matcher, &status) != 0, status.rawValue <= U_ZERO_ERROR.rawValue {
                if let match = match(matcher, in: text, copy) { found.append(match) }
                if first { break }
            }
            return found
        }
    }

    /// The match that starts exactly at `start`, with what lies before it out of sight, as
    /// `NSRegularExpression.firstMatch(in:options: .anchored, range: start..<end)` finds it.
    func match(in text: String, anchoredAt start: String.Index) -> Pattern.Match? {
        let copy = UTF16Text(text[start...])
        return withMatcher(on: copy) { matcher, status in
            swift_uregex_lookingAt(matcher, -1, &status) != 0 ? match(matcher, in: text, copy) : nil
        }
    }

    /// The matches found by trying the expression at these UTF-8 offsets (in order), each try after
    /// the last match and seeing the whole text (transparent bounds, `^` only at the text's start), as
    /// `NSRegularExpression.firstMatch(in:options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds], range:)`
    /// finds each; the text is copied once for all the tries.
    func matches(in text: String, triedAt offsets: [Int]) -> [Pattern.Match] {
        guard !offsets.isEmpty else { return [] }
        let copy = UTF16Text(text[...])
        return withMatcher(on: copy) { matcher, status in
            // Each try sees the whole text, as ICU's defaults (opaque, anchoring bounds) would not let it; a
            // matcher left so is still right for the other calls, whose region is always the whole copy.
            swift_uregex_useTransparentBounds(matcher, 1, &status)
            swift_uregex_useAnchoringBounds(matcher, 0, &status)
            var found: [Pattern.Match] = []
            var searchFrom: Int32 = 0  // UTF-16 offset: where the last match ended
            for offset in offsets {
                let location = Int32(copy.utf16Offset(ofUTF8: offset))
                guard location >= searchFrom else { continue }
                swift_uregex_setRegion(matcher, location, Int32(copy.units.count), &status)
                guard swift_uregex_lookingAt(matcher, -1, &status) != 0 else { continue }
                searchFrom = max(swift_uregex_end(matcher, 0, &status), location + 1)
                if let match = match(matcher, in: text, copy) { found.append(match) }
            }
            return found
        }
    }

    /// `text` with every match replaced by `template` (`$1` for a group), as
    /// `NSRegularExpression.stringByReplacingMatches(in:range:withTemplate:)` replaces them.
    func replacing(in text: String, with template: String) -> String {
        let copy = UTF16Text(text[...])
        let replacement = Array(template.utf16)
        return withMatcher(on: copy) { matcher, status in
            var output = [UInt16](repeating: 0, count: copy.units.count * 2 + replacement.count + 16)
            var length = swift_uregex_replaceAll(matcher, replacement, Int32(replacement.count), &output, Int32(output.count), &status)
            if status == U_BUFFER_OVERFLOW_ERROR {
                status = U_ZERO_ERROR
                output = [UInt16](repeating: 0, count: Int(length))
                swift_uregex_reset(matcher, 0, &status)
                length = swift_uregex_replaceAll(matcher, replacement, Int32(replacement.count), &output, Int32(output.count), &status)
            }
            return String(decoding: output[..<Int(length)], as: UTF16.self)
        }
    }

    /// Runs `body` with a matcher holding `copy`'s units, taken from the pool (or cloned) and given back after.
    private func withMatcher<Result>(on copy: UTF16Text, _ body: (OpaquePointer, inout UErrorCode) -> Result) -> Result {
        lock.lock()
        let pooled = idle.popLast()
        lock.unlock()
        var status = U_ZERO_ERROR
        guard let matcher = pooled ?? swift_uregex_clone(compiled, &status) else { fatalError("ICU could not clone a regular expression") }
        // The matcher keeps a pointer to the units it was last given; every call gives it new ones first.
        defer {
            lock.lock()
            idle.append(matcher)
            lock.unlock()
        }
        var empty: UInt16 = 0
        return copy.units.withUnsafeBufferPointer { units in
            withUnsafePointer(to: &empty) { nothing in
                swift_uregex_setText(matcher, units.baseAddress ?? nothing, Int32(units.count), &status)
                return body(matcher, &status)
            }
        }
    }

    /// The matcher's current match and groups, as indexes of `text`. As `Range(_:in:)` turns an `NSRange`
    /// into indexes, a range must start and end between characters: a group that does not, or took no
    /// part, is nil, and a match that does not is no match.
    private func match(_ matcher: OpaquePointer, in text: String, _ copy: UTF16Text) -> Pattern.Match? {
        func range(_ group: Int) -> Range<String.Index>? {
            var status = U_ZERO_ERROR
            let start = swift_uregex_start(matcher, Int32(group), &status), end = swift_uregex_end(matcher, Int32(group), &status)
            guard status.rawValue <= U_ZERO_ERROR.rawValue, start >= 0, end >= start,
                  let lower = String.Index(copy.index(ofUTF16: Int(start), in: text), within: text),
                  let upper = String.Index(copy.index(ofUTF16: Int(end), in: text), within: text) else { return nil }
            return lower..<upper
        }
        guard let whole = range(0) else { return nil }
        var groups: [Substring?] = [text[whole]]
        groups.reserveCapacity(groupCount + 1)
        for group in stride(from: 1, through: groupCount, by: 1) { groups.append(range(group).map { text[$0] }) }
        return Pattern.Match(range: whole, groups: groups)
    }
    #else
    private let regex: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool) {
        var options: NSRegularExpression.Options = [.useUnicodeWordBoundaries]
        if caseInsensitive { options.insert(.caseInsensitive) }
        // Tre's patterns are literals; a bad one is a programming error caught by the tests.
        regex = try! NSRegularExpression(pattern: pattern, options: options)
        self.pattern = pattern
    }

    func matches(in text: String, from start: String.Index?, first: Bool = false) -> [Pattern.Match] {
        let range = NSRange((start ?? text.startIndex)..<text.endIndex, in: text)
        if first { return regex.firstMatch(in: text, range: range).flatMap { Self.convert($0, in: text) }.map { [$0] } ?? [] }
        return regex.matches(in: text, range: range).compactMap { Self.convert($0, in: text) }
    }

    func match(in text: String, anchoredAt start: String.Index) -> Pattern.Match? {
        regex.firstMatch(in: text, options: [.anchored], range: NSRange(start..<text.endIndex, in: text)).flatMap { Self.convert($0, in: text) }
    }

    func matches(in text: String, triedAt offsets: [Int]) -> [Pattern.Match] {
        var found: [Pattern.Match] = []
        var searchFrom = 0  // UTF-16 offset: where the last match ended
        for offset in offsets {
            let range = NSRange(text.utf8.index(text.startIndex, offsetBy: offset)..<text.endIndex, in: text)
            guard range.location >= searchFrom,
                  let result = regex.firstMatch(in: text, options: [.anchored, .withTransparentBounds, .withoutAnchoringBounds], range: range) else { continue }
            searchFrom = max(result.range.upperBound, range.location + 1)
            if let match = Self.convert(result, in: text) { found.append(match) }
        }
        return found
    }

    func replacing(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text), withTemplate: template)
    }

    private static func convert(_ result: NSTextCheckingResult, in text: String) -> Pattern.Match? {
        guard let range = Range(result.range, in: text) else { return nil }
        let groups = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text).map { text[$0] } }
        return Pattern.Match(range: range, groups: groups)
    }
    #endif
}

/// A text's UTF-16 code units, made once for every try of an expression on it, and where each unit's
/// character starts in the text's UTF-8, so that ICU's offsets become indexes without a walk.
struct UTF16Text {
    private(set) var units: [UInt16] = []
    /// The UTF-8 offset of each unit, and the text's UTF-8 length last; a surrogate pair's second
    /// unit has its character's offset.
    private(set) var utf8Offsets: [Int32] = []
    /// Where the copied text starts in the string it is part of, in UTF-8.
    let base: Int

    init(_ text: Substring) {
        base = text.base.utf8.distance(from: text.base.startIndex, to: text.startIndex)
        var text = text
        text.withUTF8 { bytes in
            // At most one unit per byte; a four-byte character's two units still fit.
            var count = 0
            units = [UInt16](unsafeUninitializedCapacity: bytes.count) { units, filled in
                utf8Offsets = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { offsets, made in
                    var index = 0
                    while index < bytes.count {
                        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: index)
                        offsets[count] = Int32(index)
                        if scalar < 0x10000 {
                            units[count] = UInt16(scalar)
                        } else {
                            units[count] = UInt16(0xD800 + ((scalar - 0x10000) >> 10))
                            count += 1
                            units[count] = UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF))
                            offsets[count] = Int32(index)
                        }
                        index += length
                        count += 1
                    }
                    offsets[count] = Int32(bytes.count)
                    made = count + 1
                }
                filled = count
            }
        }
    }

    /// The index, in `text` (the string this copy was made of), of the copy's UTF-16 offset `offset`.
    func index(ofUTF16 offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.startIndex, offsetBy: base + Int(utf8Offsets[offset]))
    }

    /// The copy's UTF-16 offset of the character that starts at UTF-8 offset `offset` of the string: the
    /// first unit whose offset is not below it.
    func utf16Offset(ofUTF8 offset: Int) -> Int {
        let offset = offset - base
        var low = 0, high = utf8Offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Int(utf8Offsets[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
