import ArgumentParser
import Foundation
import Testing
@testable import TreCLI
@testable import TreCore

/// The commands as a publisher types them, run in-process.
@Suite("Commands")
struct CommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tre-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func run(_ arguments: [String]) throws {
        var command = try TreCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func newSiteThenNewDocumentsThenBuildAndCheck() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("xa-tan-phu")
        try run(["new", "site", site.path])
        for file in ["site.yml", "site-templates/base.mustache", "site-templates/assets/site.css", "content/tong-dai-111.md"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file) missing")
        }
        try run(["new", "plan", "Phòng, chống đuối nước trẻ em", "--source", site.path])
        try run(["new", "directive", "Tăng cường bảo vệ trẻ em", "--source", site.path])
        try run(["new", "page", "Liên hệ", "--source", site.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content").path)
        #expect(files.contains { $0.hasSuffix("-kh-phong-chong-duoi-nuoc-tre-em.md") })
        #expect(files.contains { $0.hasSuffix("-cv-tang-cuong-bao-ve-tre-em.md") })
        #expect(files.contains("lien-he.md"))
        // A second file with the same title is refused, not overwritten.
        #expect(throws: ExitCode.self) { try run(["new", "page", "Liên hệ", "--source", site.path]) }
        try run(["build", "--source", site.path, "--output", site.appendingPathComponent("public").path])
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/tong-dai-111/index.html").path))
        try run(["check", "--source", site.path])
    }

    @Test func aBrokenFileMakesBuildAndCheckFail() throws {
        let site = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "---\ntitle: [\n---\nx\n".write(to: site.appendingPathComponent("content/hong.md"), atomically: true, encoding: .utf8)
        #expect(throws: ExitCode.self) { try run(["build", "--source", site.path, "--output", site.appendingPathComponent("public").path]) }
        #expect(throws: ExitCode.self) { try run(["check", "--source", site.path]) }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func optionsAreValidated() {
        #expect(throws: (any Error).self) { try run(["build", "--now", "2025-13-01", "--source", "/nonexistent-tre-site"]) }
        #expect(throws: (any Error).self) { try run(["new", "bao-cao", "x", "--source", "/nonexistent-tre-site"]) }
        #expect(TreCommand.helpMessage(for: BuildCommand.self).contains("--base-url"))
        #expect(TreCommand.helpMessage(for: ServeCommand.self).contains("127.0.0.1"))
    }
}
