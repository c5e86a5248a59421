import Foundation
import Testing
@testable import TreCore

@Suite("Removing a replaced output folder")
struct TreeRemovalTests {
    let fm = FileManager.default

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func removesEveryLevelAndFollowsNoLink() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        let tree = root.appendingPathComponent("old")
        let outside = root.appendingPathComponent("outside")
        try write("kept", "note.txt", in: outside)
        try write("top", "index.html", in: tree)
        for slug in 0..<40 {
            try write("page \(slug)", "van-ban/\(slug)/index.html", in: tree)
            try write("event", "van-ban/\(slug)/han-chot-1.ics", in: tree)
        }
        try write("deep", "a/b/c/d/e.txt", in: tree)
        try fm.createDirectory(at: tree.appendingPathComponent("empty/inner"), withIntermediateDirectories: true)
        // Links at the second level (removed as pieces of work) and below it, to a folder and to a file outside.
        try fm.createSymbolicLink(at: tree.appendingPathComponent("van-ban/link-to-folder"), withDestinationURL: outside)
        try fm.createSymbolicLink(at: tree.appendingPathComponent("a/b/link-to-file"), withDestinationURL: outside.appendingPathComponent("note.txt"))
        try fm.createSymbolicLink(at: tree.appendingPathComponent("top-link"), withDestinationURL: outside)

        #expect(TreeRemoval.remove(tree.path))
        #expect(!fm.fileExists(atPath: tree.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("note.txt"), encoding: .utf8) == "kept")
    }

    @Test func aLinkGivenItselfIsRemovedAndItsTargetKept() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside")
        try write("kept", "sub/note.txt", in: outside)
        let link = root.appendingPathComponent("link")
        try fm.createSymbolicLink(at: link, withDestinationURL: outside)

        #expect(TreeRemoval.remove(link.path))
        #expect(fm.fileExists(atPath: outside.appendingPathComponent("sub/note.txt").path))
    }

    @Test func aMissingPathIsNothingToDo() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: root) }
        #expect(TreeRemoval.remove(root.appendingPathComponent("never-made").path))
    }
}
