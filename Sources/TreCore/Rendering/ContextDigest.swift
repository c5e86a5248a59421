/// A 64-bit hash of everything a page is made from: the template's name and
/// every value of its view model. Two renders with the same digest write the
/// same bytes (the templates and `tre` itself are checked by
/// ``OutputDigests``), so a page whose digest matches the last build's is kept
/// as it was rather than rendered again.
///
/// A view model holds strings, numbers, booleans, arrays, dictionaries and
/// ``DeadlineRow``s. Any other value makes the digest nil: that page is always
/// rendered, so a new kind of value can cost speed but never a stale page.
///
/// ```swift
/// ContextDigest.of(template: "document", context)   // 0x9c1f…, or nil
/// ```
enum ContextDigest {
    static func of(template: String, _ context: [String: Any]) -> UInt64? {
        var hasher = DigestHasher()
        hasher.add(template)
        guard add(context, to: &hasher) else { return nil }
        return hasher.state
    }

    /// A file's digest when its text is all it is made from (a document's source text, an iCalendar file).
    static func of(text: String) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(tag: 0)
        hasher.add(text)
        return hasher.state
    }

    /// Adds a value, tagged with its type; false when the value is of a kind it cannot hash.
    private static func add(_ value: Any, to hasher: inout DigestHasher) -> Bool {
        switch value {
        case let text as String:
            hasher.add(tag: 1)
            hasher.add(text)
        case let flag as Bool:
            hasher.add(tag: flag ? 2 : 3)
        case let number as Int:
            hasher.add(tag: 4)
            hasher.add(UInt64(bitPattern: Int64(number)))
        case let dictionary as [String: Any]:
            // Entries are hashed apart and summed, so the dictionary's order does not matter.
            var sum: UInt64 = 0
            for (key, value) in dictionary {
                var entry = DigestHasher()
                entry.add(key)
                guard add(value, to: &entry) else { return false }
                sum &+= entry.state
            }
            hasher.add(tag: 5)
            hasher.add(UInt64(dictionary.count))
            hasher.add(sum)
        case let array as [Any]:
            hasher.add(tag: 6)
            hasher.add(UInt64(array.count))
            for element in array {
                guard add(element, to: &hasher) else { return false }
            }
        case let row as DeadlineRow:
            guard let digest = row.digest else { return false }
            hasher.add(tag: 7)
            hasher.add(digest)
        case let optional as OptionalValue where optional.isNone:
            hasher.add(tag: 8)
        default:
            return false
        }
        return true
    }
}

/// Lets a nil stored in an `Any` be told apart from a value of an unknown kind.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}
