import ArgumentParser
import Foundation
import TreCore

/// `tre build`: writes the portal into the output folder, atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the portal from content/ into the output folder.",
        discussion: """
            The output is written beside the old one and swapped in only when the whole build succeeded: \
            a failed build leaves the previous output untouched. All problems are reported together as \
            'file:line:column: error: message' with what to do.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Folder to write the site into.", valueName: "dir"))
    var output = "public"

    @Option(help: ArgumentHelp("Date to compute deadline status against (default: today in Vietnam).", valueName: "yyyy-mm-dd"))
    var now: String?

    @Option(help: ArgumentHelp("Also write the site as one .zip for upload, paths relative to the site root.", valueName: "file.zip"))
    var archive: String?

    @Flag(help: "Rebuild even when nothing has changed since the last build.")
    var force = false

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    func run() throws {
        let today = try parseNow(now)
        var options = site.options(output: output, today: today)
        options.force = force
        let builder = SiteBuilder(options: options)
        let report: SiteBuilder.Report
        do {
            report = try builder.build { step in printError("tre: \(step)…") }
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        do {
            report.warnings.forEach { printError($0.description) }
            print("tre: \(report.summary) → \(builder.options.output.path)")
            if timings { print("tre: timings: \(builder.timings.summary)") }
            if let archive {
                let url = URL(fileURLWithPath: archive, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
                try SiteArchive.write(site: builder.options.output, to: url)
                print("tre: archive → \(url.path)")
            }
        } catch {
            printError("\(archive ?? "archive"): error: cannot write the archive (\(error.localizedDescription))\n  fix: check the folder exists and is writable")
            throw ExitCode.failure
        }
    }
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder (holding content/, site.yml, site-templates/).", valueName: "dir"))
    var source = "."

    @Option(help: ArgumentHelp("Template folder to use instead of the site's site-templates/ or the default theme.", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Where the site is published, e.g. https://example.gov.vn/tre-em/ (overrides site.yml).", valueName: "url"))
    var baseURL: String?

    func options(output: String, today: CalendarDate?) -> SiteBuilder.Options {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let sourceURL = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL
        return SiteBuilder.Options(source: sourceURL, output: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL,
                                   templates: templates.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
                                   baseURL: baseURL, today: today)
    }
}

func parseNow(_ text: String?) throws -> CalendarDate? {
    guard let text else { return nil }
    guard let date = CalendarDate(iso: text) else {
        throw ValidationError("--now must be a real date written YYYY-MM-DD, e.g. --now 2025-06-01")
    }
    return date
}
