import ArgumentParser
import Foundation
import TreCore

/// `tre new site DIR` and `tre new plan|directive|page "Tiêu đề"`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a site folder, or a content file with the skeleton of a plan, a directive or a page.",
        discussion: """
            tre new site DIR                 a site with site.yml, a sample plan, the hotline page and the default templates
            tre new plan "Tiêu đề"           content/YYYY-kh-tieu-de.md, the skeleton of a Kế hoạch
            tre new directive "Tiêu đề"      content/YYYY-cv-tieu-de.md, the skeleton of a Công văn (V/v …)
            tre new page "Tiêu đề"           content/tieu-de.md, a page with its own layout
            New documents start as drafts: remove 'draft: true' to publish.
            """)

    @Argument(help: "site, plan, directive or page.")
    var kind: String

    @Argument(help: "The folder for 'site'; the title for the others.")
    var name: String

    @Option(help: ArgumentHelp("The site folder a new content file goes into.", valueName: "dir"))
    var source = "."

    func run() throws {
        let today = SiteBuilder.systemToday()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if kind == "site" {
            let directory = URL(fileURLWithPath: name, relativeTo: cwd).standardizedFileURL
            do { try SiteScaffold.create(at: directory, today: today) } catch let problem as Diagnostic {
                printError(problem.description)
                throw ExitCode.failure
            }
            print("tre: created \(directory.path) – build it with: tre build --source \(name)")
            return
        }
        guard let contentKind = ContentTemplates.Kind(rawValue: kind) else {
            throw ValidationError("'\(kind)' is not something tre can create: use site, plan, directive or page")
        }
        let content = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let file = content.appendingPathComponent(ContentTemplates.fileName(kind: contentKind, title: name, date: today))
        guard !FileManager.default.fileExists(atPath: file.path) else {
            printError("\(file.path): error: the file exists already\n  fix: choose another title, or edit that file")
            throw ExitCode.failure
        }
        try ContentTemplates.text(kind: contentKind, title: name, date: today).write(to: file, atomically: true, encoding: .utf8)
        print("tre: created \(file.path)")
    }
}
