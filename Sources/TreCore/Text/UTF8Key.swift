/// A text compared and hashed by its UTF-8 bytes, as a dictionary key. `String` hashes a
/// non-ASCII text by its normalised form, several times slower, and compares it by canonical
/// equivalence; Tre's texts are NFC already (``ContentLoader``), so equal texts have equal bytes.
///
/// ```swift
/// var keys: [UTF8Key: String] = [UTF8Key("Phòng Y tế"): "phong-y-te"]
/// keys[UTF8Key("Phòng Y tế")]  // "phong-y-te", found without normalising either text
/// ```
struct UTF8Key: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var (x, y) = (a.text, b.text)
        guard x.utf8.count == y.utf8.count else { return false }
        return x.withUTF8 { left in y.withUTF8 { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    /// The bytes' ``DigestHasher`` digest, eight bytes a step, is what `Hasher` is given: equal bytes, equal
    /// digests. Fed the bytes themselves, `Hasher` took them a few at a time, and names are hashed by the million.
    func hash(into hasher: inout Hasher) {
        var text = text
        var digest = DigestHasher()
        text.withUTF8 { digest.add(bytes: $0) }
        hasher.combine(digest.state)
    }
}

import Foundation
