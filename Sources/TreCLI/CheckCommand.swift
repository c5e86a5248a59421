import ArgumentParser
import Foundation
import TreCore

/// `tre check`: lints the whole site; a non-zero exit gates an upload.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site before uploading: facts Tre could not find, odd deadlines, links, duplicate URLs.",
        discussion: """
            Prints one line per finding, 'file:line: severity: message', with what to do. Exits with 1 when there \
            is an error (a broken internal link, a duplicate URL, a file that does not load), 0 otherwise.
            """)

    @OptionGroup var site: SiteOptions

    @Flag(help: "Also print notes (blank numbers and dates, citations of documents not in the site).")
    var notes = false

    func run() throws {
        let findings = SiteBuilder(options: site.options(output: "public", today: nil)).check()
        let shown = findings.filter { notes || $0.severity != .note }
        shown.forEach { print($0.description) }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let noteCount = findings.filter { $0.severity == .note }.count
        print("tre check: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(noteCount) note\(noteCount == 1 ? "" : "s")\(notes || noteCount == 0 ? "" : " (--notes shows them)")")
        if errors > 0 { throw ExitCode.failure }
    }
}
