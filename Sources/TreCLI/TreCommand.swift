import ArgumentParser

/// `tre`: the command-line entry point. Each subcommand lives in its own file.
@available(macOS 10.15, *)
public struct TreCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tre",
        abstract: "Builds a public-information portal about children from Vietnamese plans and directives.",
        discussion: """
            A site folder holds content/*.md (one document or page per file), an optional site.yml \
            and an optional site-templates/ folder. 'tre build' writes the portal to public/.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, NewCommand.self, CheckCommand.self, InspectCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    public init() {}
}
