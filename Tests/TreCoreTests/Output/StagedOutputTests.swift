import Foundation
import Testing
@testable import TreCore

@Suite("The staged output folder")
struct StagedOutputTests {
    let fm = FileManager.default

    func staged(in root: URL) throws -> StagedOutput {
        let source = root.appendingPathComponent("site")
        try fm.createDirectory(at: source, withIntermediateDirectories: true)
        return try StagedOutput(target: root.appendingPathComponent("public"), source: source)
    }

    @Test func foldersAreMadeAtAnyDepthFromManyThreadsAtOnce() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        let output = try staged(in: root)
        // Every file's folder is new and shares its parents with the others: the threads race to make them.
        let paths = (0..<400).map { "co-quan/\($0 % 7)/trang/\($0 % 13)/muc-\($0)/index.html" }
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do { try output.write(paths[index], Data("\(index)".utf8)) } catch { errors.record(error) }
        }
        #expect(errors.first == nil)
        try output.commit()
        for (index, path) in paths.enumerated() {
            #expect(try String(contentsOf: root.appendingPathComponent("public/" + path), encoding: .utf8) == "\(index)")
        }
    }

    @Test func aFileWhereAFolderMustGoIsAnErrorNamingIt() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        let output = try staged(in: root)
        defer { output.discard() }
        try output.write("lich", Data("a file".utf8))
        let error = #expect(throws: FileSystemError.self) { try output.write("lich/2025-06/index.html", Data()) }
        #expect(error?.localizedDescription.hasSuffix("/lich/2025-06: Not a directory") == true)
        // Deeper still: the path is not a folder's either.
        let deeper = #expect(throws: FileSystemError.self) { try output.write("lich/2025-06/trang/2/index.html", Data()) }
        #expect(deeper?.localizedDescription.hasSuffix("/lich/2025-06/trang/2: Not a directory") == true)
    }

    /// Files written without a digest (whole, streamed, a part at a time) are kept from the last
    /// build when their bytes are the same, however they came in parts, and made anew when not.
    @Test func filesWrittenWithoutADigestAreKeptWhenTheirBytesAreTheSame() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        let source = root.appendingPathComponent("site")
        try fm.createDirectory(at: source, withIntermediateDirectories: true)
        let target = root.appendingPathComponent("public")
        func build(previous: OutputDigests?, calendar parts: [String], agency: String) throws -> StagedOutput {
            let output = try StagedOutput(target: target, source: source, previous: previous)
            try output.write("assets/site.css", Data("body { margin: 0 }".utf8))
            try output.write("lich/han-chot.ics", streaming: { emit in for part in parts { try emit(Data(part.utf8)) } })
            try output.write("co-quan/y-te/han-chot.ics", Data("BEGIN:VCALENDAR\r\n".utf8))
            try output.append("co-quan/y-te/han-chot.ics", Data(agency.utf8))
            try output.commit()
            return output
        }
        func inode(_ path: String) throws -> UInt64 { try #require(OutputDigests.inode(of: target.appendingPathComponent(path))) }
        func digests(_ output: StagedOutput) -> OutputDigests {
            OutputDigests(generation: 1, byPath: output.takeDigests().reduce(into: [:]) { $0.merge($1) { first, _ in first } })
        }

        let first = try build(previous: nil, calendar: ["BEGIN:VEVENT\r\n", "END:VEVENT\r\n"], agency: "END:VCALENDAR\r\n")
        #expect(first.keptCount == 0)
        let before = try ["assets/site.css", "lich/han-chot.ics", "co-quan/y-te/han-chot.ics"].map(inode)

        // The same bytes in other parts: every file kept.
        let second = try build(previous: digests(first), calendar: ["BEGIN:VEV", "ENT\r\nEND:VEVENT\r\n"], agency: "END:VCALENDAR\r\n")
        #expect(second.keptCount == 3)
        #expect(try ["assets/site.css", "lich/han-chot.ics", "co-quan/y-te/han-chot.ics"].map(inode) == before)

        // One byte more in the calendar, another part for the agency: those two made anew, with their new bytes.
        let third = try build(previous: digests(second), calendar: ["BEGIN:VEVENT\r\n", "END:VEVENT\r\n\r\n"], agency: "X\r\nEND:VCALENDAR\r\n")
        #expect(third.keptCount == 1)
        #expect(try inode("assets/site.css") == before[0])
        #expect(try inode("lich/han-chot.ics") != before[1])
        #expect(try String(contentsOf: target.appendingPathComponent("lich/han-chot.ics"), encoding: .utf8) == "BEGIN:VEVENT\r\nEND:VEVENT\r\n\r\n")
        #expect(try String(contentsOf: target.appendingPathComponent("co-quan/y-te/han-chot.ics"), encoding: .utf8)
            == "BEGIN:VCALENDAR\r\nX\r\nEND:VCALENDAR\r\n")
    }
}
