import Foundation

/// What a build's output depends on, as one hash: every content file's path and
/// bytes, the templates, site.yml and the options. When it matches the last
/// successful build's and the output is still there, the build has nothing to do.
///
/// Stored in `<site>/.tre-cache/` (keep it out of git), one file per output folder.
struct BuildFingerprint: Equatable {
    var value: UInt64

    /// FNV-1a, 64 bits: fast, and collisions only cost an unneeded rebuild.
    struct Hasher {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
            state = (state ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        mutating func add(_ data: Data) {
            for byte in data { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            state = (state ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
    }

    static func compute(files: [SourceFile], config: SiteConfig, templates: URL, options: SiteBuilder.Options, today: CalendarDate) -> BuildFingerprint {
        var hasher = Hasher()
        hasher.add("tre-build-1")
        for file in files { hasher.add(file.path); hasher.add(file.raw) }
        hasher.add("\(config)")
        hasher.add(options.baseURL ?? "")
        hasher.add(options.output.path)
        hasher.add(today.iso)
        let fm = FileManager.default
        if let enumerator = fm.enumerator(at: templates, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
            var paths: [String] = []
            for case let url as URL in enumerator { paths.append(url.path) }
            for path in paths.sorted() {
                hasher.add(path)
                if let data = fm.contents(atPath: path) { hasher.add(data) }
            }
        }
        return BuildFingerprint(value: hasher.state)
    }

    static func location(source: URL, output: URL) -> URL {
        source.appendingPathComponent(".tre-cache").appendingPathComponent("build-" + Slug.make(output.path, maxLength: 120))
    }

    static func load(source: URL, output: URL) -> BuildFingerprint? {
        guard let text = try? String(contentsOf: location(source: source, output: output), encoding: .utf8),
              let value = UInt64(text.trimmed(), radix: 16) else { return nil }
        return BuildFingerprint(value: value)
    }

    func save(source: URL, output: URL) {
        let url = Self.location(source: source, output: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? String(value, radix: 16).write(to: url, atomically: true, encoding: .utf8)
    }
}
