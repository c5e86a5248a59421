import ArgumentParser
import TreCLI

/// The `tre` executable: runs ``TreCommand`` and its async subcommands.
@main
struct TreMain: AsyncMainProtocol {
    typealias Command = TreCommand
}
