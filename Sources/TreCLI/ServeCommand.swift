import ArgumentParser
import Foundation
import TreCore
import TreServer

/// `tre serve`: build, serve, rebuild on change, reload the browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it, serve it, rebuild and reload open pages when a file changes.",
        discussion: """
            Watches content/, site-templates/ and site.yml. A failed build shows an overlay in the browser \
            naming the file and line, and the last good site stays served. Listens on 127.0.0.1 unless told otherwise.
            """)

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("Folder to build into and serve.", valueName: "dir"))
    var output = "public"

    @Option(help: "Address to listen on. Only 127.0.0.1 (the default) keeps the preview to this computer.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    func run() async throws {
        if host == "0.0.0.0" || host == "::" || host == "[::]" {
            printError("tre: warning: listening on \(host) lets every computer on the network see this preview and your drafts")
        }
        var options = site.options(output: output, today: nil)
        // Links, feeds and calendars point at this preview, under the site's path.
        let path = BaseURL(site.baseURL ?? Self.configuredBaseURL(in: options.source) ?? "/").path
        options.baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)\(path)"
        try await PreviewServer(options: options, host: host, port: port).run { printError($0) }
    }

    static func configuredBaseURL(in source: URL) -> String? {
        guard let text = try? String(contentsOf: source.appendingPathComponent("site.yml"), encoding: .utf8) else { return nil }
        return SiteConfig.parse(text, file: "site.yml").0.baseURL
    }
}
