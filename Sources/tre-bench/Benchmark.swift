import CCmark
import Foundation

/// `tre-bench`: builds a synthetic corpus with `tre`, Hugo (when installed) and a bare
/// libcmark loop, and prints a table of medians and ratios. Not a test: numbers vary by machine.
@main
struct Benchmark {
    struct Options {
        var sizes = [1_000, 10_000]
        var runs = 3
        var tre = "tre"
        /// Another `tre` binary whose cold builds alternate with `tre`'s, for an A/B of a change.
        var against: String?
        var work = "/dev/shm/tre-bench"
    }

    static func main() throws {
        var options = Options()
        var arguments = Array(CommandLine.arguments.dropFirst())
        while !arguments.isEmpty {
            let flag = arguments.removeFirst()
            switch flag {
            case "--sizes": options.sizes = arguments.removeFirst().split(separator: ",").compactMap { Int($0) }
            case "--runs": options.runs = Int(arguments.removeFirst()) ?? 3
            case "--tre": options.tre = arguments.removeFirst()
            case "--against": options.against = arguments.removeFirst()
            case "--work": options.work = arguments.removeFirst()
            default:
                print("usage: tre-bench [--sizes 1000,10000,50000] [--runs 3] [--tre PATH] [--against OTHER_TRE] [--work DIR (tmpfs)]")
                exit(flag == "--help" ? 0 : 2)
            }
        }
        var rows: [[String]] = []
        for size in options.sizes {
            rows += try measure(size: size, options: options)
        }
        print("")
        print(Table.render(header: ["N", "what", "median s", "peak MB", "ratio"], rows: rows))
    }

    static func measure(size: Int, options: Options) throws -> [[String]] {
        let root = URL(fileURLWithPath: options.work).appendingPathComponent("n\(size)")
        try? FileManager.default.removeItem(at: root)
        let site = root.appendingPathComponent("site")
        FileHandle.standardError.write(Data("tre-bench: generating \(size) documents…\n".utf8))
        try CorpusGenerator.write(count: size, to: site)
        let output = root.appendingPathComponent("public")
        let cache = site.appendingPathComponent(".tre-cache")
        let build = [options.tre, "build", "--source", site.path, "--output", output.path, "--now", "2025-05-01"]

        // With --against, the other binary's cold builds alternate with these, so that both see the
        // same moments of a machine whose speed drifts.
        var cold: [Run] = [], other: [Run] = []
        for _ in 0..<options.runs {
            for binary in [options.tre] + (options.against.map { [$0] } ?? []) {
                try? FileManager.default.removeItem(at: output)
                try? FileManager.default.removeItem(at: cache)
                let run = try Run.command([binary] + build.dropFirst())
                if binary == options.tre { cold.append(run) } else { other.append(run) }
            }
        }
        // The other binary's build was the last: one of `tre`'s own comes before "nothing changed".
        if options.against != nil { _ = try Run.command(build) }
        var noChange: [Run] = []
        for _ in 0..<options.runs { noChange.append(try Run.command(build)) }
        var oneChanged: [Run] = []
        let changed = site.appendingPathComponent("content/" + CorpusGenerator.document(size / 2).name)
        for run in 0..<options.runs {
            try (CorpusGenerator.document(size / 2).text + "\nSửa đổi lần \(run).\n").write(to: changed, atomically: false, encoding: .utf8)
            oneChanged.append(try Run.command(build))
        }
        // A build on each day after, nothing else changed: deadline status moves, the calendars and most pages do not.
        var nextDay: [Run] = []
        for run in 0..<options.runs {
            nextDay.append(try Run.command(build.dropLast() + [String(format: "2025-05-%02d", 2 + run)]))
        }
        let floor = (0..<options.runs).map { _ in Run.libcmarkFloor(content: site.appendingPathComponent("content"), output: root.appendingPathComponent("floor")) }
        let copy = (0..<options.runs).map { _ in Run.copyFiles(of: output, to: root.appendingPathComponent("output-copy")) }
        try? FileManager.default.removeItem(at: root.appendingPathComponent("output-copy"))
        var hugo: [Run] = []
        if let hugoPath = Run.which("hugo") {
            let hugoSite = try HugoSite.make(from: site, at: root.appendingPathComponent("hugo"))
            for _ in 0..<options.runs {
                try? FileManager.default.removeItem(at: root.appendingPathComponent("hugo-public"))
                hugo.append(try Run.command([hugoPath, "--quiet", "-s", hugoSite.path, "-d", root.appendingPathComponent("hugo-public").path]))
            }
        }
        if ProcessInfo.processInfo.environment["TRE_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: root) }

        let coldMedian = Run.median(cold)
        var rows = [
            ["\(size)", "tre full build (cold)", format(coldMedian), Run.peak(cold), ""],
            ["\(size)", "tre rebuild, nothing changed", format(Run.median(noChange)), Run.peak(noChange), ""],
            ["\(size)", "tre rebuild, one file changed", format(Run.median(oneChanged)), Run.peak(oneChanged), Run.written(oneChanged)],
            ["\(size)", "tre rebuild, the next day", format(Run.median(nextDay)), Run.peak(nextDay), Run.written(nextDay)],
            ["\(size)", "libcmark parse+render loop (floor)", format(Run.median(floor)), "", String(format: "tre/floor %.2f×", coldMedian / Run.median(floor))],
            ["\(size)", "tre's output copied, no rendering", format(Run.median(copy)), "", String(format: "copy/floor %.2f×", Run.median(copy) / Run.median(floor))],
        ]
        if let against = options.against {
            rows.insert(["\(size)", "other tre (\(against)), cold, alternating", format(Run.median(other)), Run.peak(other),
                         String(format: "tre/other %.2f×", coldMedian / Run.median(other))], at: 1)
        }
        if !hugo.isEmpty {
            rows.append(["\(size)", "hugo (minimal theme)", format(Run.median(hugo)), Run.peak(hugo), String(format: "tre/hugo %.2f×", coldMedian / Run.median(hugo))])
        }
        return rows
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}

/// One timed run: wall seconds, peak resident memory and, for a `tre build`, the files it wrote anew.
struct Run {
    var seconds: Double
    var peakKB: Int?
    /// From `tre build`'s summary ("built …, 180906 files (168888 unchanged, kept), …"): files written, of all.
    var written: (new: Int, of: Int)?

    /// The run whose time is the median (the upper one of an even count).
    static func medianRun(_ runs: [Run]) -> Run? {
        let sorted = runs.sorted { $0.seconds < $1.seconds }
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }

    static func median(_ runs: [Run]) -> Double { medianRun(runs)?.seconds ?? 0 }

    /// "12018 of 180906 files new" for the median run's build, as an upload tool that syncs by time sends it.
    static func written(_ runs: [Run]) -> String {
        guard let written = medianRun(runs)?.written else { return "" }
        return "\(written.new) of \(written.of) files new"
    }

    /// The files a `tre build` summary says it wrote: all of them, less those it kept.
    static func written(summary: String) -> (new: Int, of: Int)? {
        guard let files = summary.firstMatch(of: /(\d+) files/).flatMap({ Int($0.1) }) else { return nil }
        let kept = summary.firstMatch(of: /\((\d+) unchanged, kept\)/).flatMap { Int($0.1) } ?? 0
        return (files - kept, files)
    }

    static func peak(_ runs: [Run]) -> String {
        guard let kb = runs.compactMap(\.peakKB).max() else { return "" }
        return String(kb / 1024)
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a command under /usr/bin/time (for peak memory) when it is there.
    static func command(_ arguments: [String]) throws -> Run {
        let process = Process()
        let timeTool = "/usr/bin/time"
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("tre-bench-time-\(UUID().uuidString)")
        if FileManager.default.isExecutableFile(atPath: timeTool) {
            process.executableURL = URL(fileURLWithPath: timeTool)
            process.arguments = ["-f", "%M", "-o", report.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: which(arguments[0]) ?? arguments[0])
            process.arguments = Array(arguments.dropFirst())
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "tre-bench", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "failed: \(arguments.joined(separator: " "))"])
        }
        let peak = (try? String(contentsOf: report, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try? FileManager.default.removeItem(at: report)
        return Run(seconds: seconds, peakKB: peak, written: written(summary: printed))
    }

    /// The floor: read each file, parse and render it with libcmark, write the HTML, on all cores.
    static func libcmarkFloor(content: URL, output: URL) -> Run {
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            guard let data = FileManager.default.contents(atPath: content.appendingPathComponent(names[index]).path) else { return }
            let html: Data = data.withUnsafeBytes { bytes in
                let chars = bytes.bindMemory(to: CChar.self)
                guard let document = cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_SMART),
                      let rendered = cmark_render_html(document, CMARK_OPT_SMART) else { return Data() }
                defer { free(rendered); cmark_node_free(document) }
                return Data(bytes: rendered, count: strlen(rendered))
            }
            try? html.write(to: output.appendingPathComponent(names[index] + ".html"))
        }
        return Run(seconds: Date().timeIntervalSince(start), peakKB: nil)
    }
}

extension Run {
    /// What writing a build's output costs with no work before it: every file of `output` read and
    /// written again under `copy`, folders first, then the files on all cores.
    static func copyFiles(of output: URL, to copy: URL) -> Run {
        try? FileManager.default.removeItem(at: copy)
        let base = output.standardizedFileURL.path
        var files: [String] = [], folders: [String] = []
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { folders.append(relative) } else { files.append(relative) }
        }
        let paths = files
        let start = Date()
        for folder in [""] + folders { try? FileManager.default.createDirectory(atPath: copy.path + folder, withIntermediateDirectories: true) }
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            guard let data = FileManager.default.contents(atPath: base + paths[index]) else { return }
            // One open, write and close, as a build writes a file (not `createFile`'s temporary file and rename).
            let descriptor = open(copy.path + paths[index], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard descriptor >= 0 else { return }
            _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
        }
        return Run(seconds: Date().timeIntervalSince(start), peakKB: nil)
    }
}

/// The same corpus as a Hugo site with a minimal theme.
enum HugoSite {
    static func make(from site: URL, at root: URL) throws -> URL {
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("content/van-ban"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
        try "baseURL = 'https://example.gov.vn/tre-em/'\nlanguageCode = 'vi'\ntitle = 'Bench'\ndisableKinds = ['taxonomy', 'term']\n"
            .write(to: root.appendingPathComponent("hugo.toml"), atomically: false, encoding: .utf8)
        let shell = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>%@</body></html>\n"
        try String(format: shell, "<h1>{{ .Title }}</h1>{{ .Content }}").write(to: root.appendingPathComponent("layouts/_default/single.html"), atomically: false, encoding: .utf8)
        try String(format: shell, "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>")
            .write(to: root.appendingPathComponent("layouts/_default/list.html"), atomically: false, encoding: .utf8)
        try String(format: shell, "<ul>{{ range first 20 .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>")
            .write(to: root.appendingPathComponent("layouts/index.html"), atomically: false, encoding: .utf8)
        let content = site.appendingPathComponent("content")
        for name in try fm.contentsOfDirectory(atPath: content.path) {
            let text = try String(contentsOf: content.appendingPathComponent(name), encoding: .utf8)
            try ("---\ntitle: \"\(name)\"\n---\n" + text).write(to: root.appendingPathComponent("content/van-ban/" + name), atomically: false, encoding: .utf8)
        }
        return root
    }
}

/// A plain-text table.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
        }
        return ([line(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"] + rows.map(line)).joined(separator: "\n")
    }
}
