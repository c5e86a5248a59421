import ArgumentParser
import Foundation
import TreCore

/// `tre inspect FILE…`: prints what Tre understood of documents, field by field.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Tre reads from documents: kind, number, issuer, date, tasks, deadlines, citations.")

    @Argument(help: "Markdown or text files to inspect.")
    var files: [String]

    @Flag(help: "Print JSON in the shape of /data/van-ban.json.")
    var json = false

    @Flag(help: "Print the Markdown Tre parsed (after repairing PDF text) instead of the facts.")
    var markdown = false

    func run() throws {
        var documents: [DocumentFacts] = []
        var failed = false
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("\(path): error: cannot read the file")
                failed = true
                continue
            }
            let text: String
            switch ContentLoader.decodeUTF8(data, path: path) {
            case .success(let decoded): text = decoded
            case .failure(let problem): printError(problem.description); failed = true; continue
            }
            let (file, problems) = SourceFile.parse(text: text, path: path)
            problems.forEach { printError($0.description) }
            guard let file else { failed = true; continue }
            let analyzed = DocumentAnalyzer().analyze(markdown: file.body, frontMatter: file.frontMatter)
            if markdown { print(analyzed.markdown); continue }
            let facts = analyzed.facts
            if json { documents.append(facts) } else { print(FactsReport.text(for: facts, path: path)) }
        }
        if json {
            let records = zip(files, documents).map { OpenData.Record(source: $0, url: nil, facts: $1) }
            print(String(decoding: OpenData(documents: records).encoded(), as: UTF8.self))
        }
        if failed { throw ExitCode.failure }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
