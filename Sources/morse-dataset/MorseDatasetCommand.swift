import ArgumentParser
import Foundation

@main
struct MorseDatasetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "morse-dataset",
        abstract: "Generate exactly labelled synthetic Morse code (CW) audio for training speech models.",
        discussion: """
            Every clip is a pure function of (config, seed, index): the same command gives the same bytes.
            Start with `morse-dataset render --text "CQ TEST DE K1ABC <KN>"` to hear one clip.
            """,
        version: "0.1.0",
        subcommands: [
            Generate.self, Validate.self, Stats.self, Preview.self, Decode.self, Render.self, Merge.self, Stream.self,
        ])

    /// Parses, validates and runs the command, like ArgumentParser's own `main()`, but prints every
    /// error through ``Console`` so that control characters in echoed input are escaped.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if !message.isEmpty {
                Console.printError(message)
            }
            Console.flushOutput()
            Foundation.exit(code.rawValue)
        }
    }
}
