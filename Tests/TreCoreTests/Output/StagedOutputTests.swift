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
}
