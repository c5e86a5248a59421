import Foundation
import Testing
@testable import TreCore

@Suite struct ContentReadingTests {
    /// A file's bytes come back whole, whatever its size (empty, one byte, a page, many pages).
    @Test func aFileIsReadWhole() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for size in [0, 1, 4095, 4096, 4097, 200_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = directory.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try FileBytes.read(path) == bytes, "\(size) bytes")
        }
        #if os(Linux)
        // A file whose size the system gives as 0 is read to its end all the same.
        let command = try FileBytes.read("/proc/self/cmdline")
        let expected = Array(try #require(FileManager.default.contents(atPath: "/proc/self/cmdline")))
        #expect(!command.isEmpty && command == expected)
        #endif
        let missing = directory.appendingPathComponent("khong-co.md").path
        #expect(throws: FileSystemError.self) { try FileBytes.read(missing) }
        do { _ = try FileBytes.read(missing) } catch {
            #expect(error.code == ENOENT && error.path == missing)
        }
    }

    /// Content is decoded as Foundation decoded it: a byte order mark at the start left out, every other
    /// byte kept (marks not composed, CR LF, NUL), and invalid UTF-8 and a missing file named.
    @Test func contentIsDecodedAsFoundationDecodedIt() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var texts: [[UInt8]] = [[0xEF, 0xBB, 0xBF] + Array("# Kế hoạch\r\nNội dung".utf8), Array("e\u{301} \u{0} x".utf8), [],
                                [0xEF, 0xBB, 0xBF], [0xEF, 0xBB], Array("a\u{FEFF}b".utf8), [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61]]
        for prefix in ["000", "001", "002", "003", "004"] { texts.append(Array(try Fixtures.seed(prefix).utf8)) }
        for (index, bytes) in texts.enumerated() {
            let path = directory.appendingPathComponent("\(index).md").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let before = String(data: Data(bytes), encoding: .utf8)
            switch ContentLoader.readText(atPath: path, path: "content/\(index).md") {
            case .success(let text): #expect(before.map { Array($0.utf8) } == Array(text.utf8), "\(bytes)")
            case .failure(let problem): #expect(before == nil, "\(bytes): \(problem.message)")
            }
        }
        let invalid = directory.appendingPathComponent("sai.md").path
        try Data(Array("dòng một\ndòng \u{FF}".utf8).dropLast(2) + [0xC3]).write(to: URL(fileURLWithPath: invalid))
        guard case .failure(let problem) = ContentLoader.readText(atPath: invalid, path: "content/sai.md") else {
            Issue.record("invalid UTF-8 was accepted"); return
        }
        #expect(problem.file == "content/sai.md" && problem.line == 2)
        guard case .failure(let missing) = ContentLoader.readText(atPath: directory.appendingPathComponent("khong-co.md").path, path: "content/khong-co.md") else {
            Issue.record("a missing file was read"); return
        }
        #expect(missing.message == "cannot read the file (No such file or directory)")
    }
}
