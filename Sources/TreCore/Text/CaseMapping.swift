/// Lowercasing for the extractors' hot paths: the same result as `lowercased()`,
/// but Latin letters (ASCII and Vietnamese, U+00C0–U+024F, U+1E00–U+1EFF) are
/// mapped through a table built once and written as bytes, instead of building
/// a string per scalar.
///
/// ```swift
/// "Ủy ban nhân dân HUYỆN".lowercasedFast  // "ủy ban nhân dân huyện"
/// ```
extension StringProtocol {
    var lowercasedFast: String {
        // Native text: runs of ASCII bytes are lowercased as bytes, other scalars decoded one by one.
        if let lowered = utf8.withContiguousStorageIfAvailable({ LatinLetters.lowercased($0) }) { return lowered ?? lowercased() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(LatinLetters.oneScalarLowercase(scalar)!))
            } else if let lower = LatinLetters.oneScalarLowercase(scalar) {
                bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(lower)!)!)
            } else {
                // A letter whose lowercase is more than one scalar (İ), or outside the table: the library does it.
                return lowercased()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A text's lowercase as UTF-8 bytes, for what only reads bytes (word checks, start words, the date
/// phrase scanner): the bytes of ``StringProtocol/lowercasedFast``, made without the `String`, whose
/// UTF-8 would be checked once more as it was made.
///
/// ```swift
/// let lower = LowercaseBytes("Báo cáo TRƯỚC NGÀY 15/6")
/// lower.contains("trước ngày")  // true
/// ```
struct LowercaseBytes {
    let bytes: [UInt8]

    init(_ text: some StringProtocol) {
        let lowered: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { LatinLetters.lowercasedBytes($0) }
        // A letter whose lowercase is more than one scalar (İ), or text without contiguous UTF-8: as `lowercasedFast` does it.
        bytes = (lowered ?? nil) ?? Array(text.lowercasedFast.utf8)
    }

    /// Whether `word` (lowercase) occurs, comparing bytes.
    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle in bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0) != nil } }
    }

    /// Whether the lowercase starts with `word` (lowercase).
    func hasPrefix(_ word: String) -> Bool { bytes.starts(with: word.utf8) }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer(body)
    }
}

/// The Latin letters with marks that Vietnamese uses (U+00C0–U+024F, U+1E00–U+1EFF)
/// as slots of one flat array, for per-letter tables built once (lowercase, folding).
enum LatinLetters {
    static func slot(of value: UInt32) -> Int? {
        switch value {
        case 0x00C0...0x024F: Int(value - 0x00C0)
        case 0x1E00...0x1EFF: 0x190 + Int(value - 0x1E00)
        default: nil
        }
    }

    /// A table holding `entry(letter)` in each letter's slot.
    static func table<Entry>(_ entry: (Unicode.Scalar) -> Entry) -> [Entry] {
        (0x00C0...0x024F).map { entry(Unicode.Scalar(UInt32($0))!) } + (0x1E00...0x1EFF).map { entry(Unicode.Scalar(UInt32($0))!) }
    }

    /// A scalar's lowercase when it is one scalar and known without the library: ASCII, the
    /// table's letters, and scalars lowercasing leaves alone. Nil otherwise.
    static func oneScalarLowercase(_ scalar: Unicode.Scalar) -> UInt32? {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value + 32 : value }
        if let slot = slot(of: value) {
            let lower = lowercase[slot]
            return lower == 0 ? nil : lower
        }
        return scalar.properties.changesWhenLowercased ? nil : value
    }

    /// The lowercase of valid UTF-8 when every scalar's is one scalar known without the library
    /// (``oneScalarLowercase(_:)``), else nil.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var known = true
        let lowered = String(unsafeUninitializedCapacity: capacity(lowering: bytes)) { output in
            guard let written = lower(bytes, into: output) else { known = false; return 0 }
            return written
        }
        return known ? lowered : nil
    }

    /// ``lowercased(_:)`` as bytes, not made into a `String` (which checks its UTF-8 once more).
    static func lowercasedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var known = true
        let lowered = [UInt8](unsafeUninitializedCapacity: capacity(lowering: bytes)) { output, count in
            guard let written = lower(bytes, into: output) else { known = false; count = 0; return }
            count = written
        }
        return known ? lowered : nil
    }

    /// Room for the lowercase of `bytes`: a lowercase letter is at most half as long again as its capital (Ⱥ, 2 bytes → ⱥ, 3).
    private static func capacity(lowering bytes: UnsafeBufferPointer<UInt8>) -> Int { bytes.count + bytes.count / 2 + 4 }

    /// Writes the lowercase of `bytes` into `output` (``capacity(lowering:)`` long) and returns how many bytes it
    /// wrote; nil, having written some, at the first scalar whose lowercase is not one scalar known without the library.
    private static func lower(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let table = lowercase
        var written = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                output[written] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                written += 1
                offset += 1
                continue
            }
            let (value, length) = UTF8Scalars.scalar(in: bytes, at: offset)
            let lower: UInt32
            if let slot = slot(of: value) {
                lower = table[slot]
            } else {
                lower = Unicode.Scalar(value)!.properties.changesWhenLowercased ? 0 : value
            }
            guard lower != 0 else { return nil }
            if lower == value {
                for index in 0..<length { output[written + index] = bytes[offset + index] }
                written += length
            } else {
                for unit in UTF8.encode(Unicode.Scalar(lower)!)! { output[written] = unit; written += 1 }
            }
            offset += length
        }
        return written
    }

    /// Each letter → its one-scalar lowercase (itself when it has none), 0 when longer.
    static let lowercase: [UInt32] = table { scalar in
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : 0
    }
}
