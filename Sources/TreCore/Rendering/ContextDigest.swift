/// A 64-bit hash of everything a page is made from: the template's name and
/// every value of its view model. Two renders with the same digest write the
/// same bytes (the templates and `tre` itself are checked by
/// ``OutputDigests``), so a page whose digest matches the last build's is kept
/// as it was rather than rendered again.
///
/// A ``TemplateObject`` (a deadline row) brings its own digest.
///
/// ```swift
/// ContextDigest.of(template: "document", context)   // 0x9c1f…
/// ```
enum ContextDigest {
    /// - Parameters:
    ///   - outer: the digest of the context this one is seen above, if any (a deadline row's shared keys).
    ///   - read: the keys the template may read (``TemplateLibrary/namesRead(by:)``), when known: the
    ///     others are left out, so that a page whose template never shows the build's day ("today") keeps
    ///     its digest from one day to the next.
    static func of(template: String, _ context: TemplateContext, within outer: UInt64? = nil, reading read: Set<String>? = nil) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(template)
        if let outer { hasher.add(outer) }
        add(fields: context, to: &hasher, reading: read)
        return hasher.state
    }

    /// The digest of `template` rendered with `object` above a context whose digest is `outer`.
    static func of(template: String, _ object: some TemplateObject, within outer: UInt64) -> UInt64 {
        of(template: template, digest: object.digest, within: outer)
    }

    /// The digest of `template` rendered with an object whose own digest is `digest` above a context whose digest is `outer`.
    static func of(template: String, digest: UInt64, within outer: UInt64) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(template)
        hasher.add(outer)
        hasher.add(tag: 7)
        hasher.add(digest)
        return hasher.state
    }

    /// A file's digest when its text is all it is made from (a document's source text, an iCalendar file).
    static func of(text: String) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(tag: 0)
        hasher.add(text)
        return hasher.state
    }

    /// ``of(text:)`` of a text's UTF-8 bytes: the same digest.
    static func of(utf8 bytes: [UInt8]) -> UInt64 {
        var hasher = DigestHasher()
        hasher.add(tag: 0)
        bytes.withUnsafeBufferPointer { hasher.add(bytes: $0) }
        return hasher.state
    }

    /// Adds a value, tagged with its kind.
    private static func add(_ value: TemplateValue, to hasher: inout DigestHasher) {
        switch value {
        case .text(let text):
            hasher.add(tag: 1)
            hasher.add(text)
        case .utf8(let bytes):
            hasher.add(tag: 1)
            hasher.add(String(decoding: bytes, as: UTF8.self))
        case .bool(let flag):
            hasher.add(tag: flag ? 2 : 3)
        case .number(let number):
            hasher.add(tag: 4)
            hasher.add(UInt64(bitPattern: Int64(number)))
        case .object(let fields):
            add(fields: fields, to: &hasher)
        case .list(let items):
            hasher.add(tag: 6)
            hasher.add(UInt64(items.count))
            for item in items { add(item, to: &hasher) }
        case .lazy(let object):
            hasher.add(tag: 7)
            hasher.add(object.digest)
        }
    }

    /// Entries are hashed apart and summed, so the dictionary's order does not matter.
    private static func add(fields: TemplateContext, to hasher: inout DigestHasher, reading read: Set<String>? = nil) {
        var sum: UInt64 = 0
        var count: UInt64 = 0
        for (key, value) in fields where read?.contains(key) ?? true {
            count += 1
            var entry = DigestHasher()
            entry.add(key)
            add(value, to: &entry)
            sum &+= entry.state
        }
        hasher.add(tag: 5)
        hasher.add(count)
        hasher.add(sum)
    }
}
