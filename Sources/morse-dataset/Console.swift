import Foundation

/// What the tool writes to the terminal: messages on standard error, numbers as people write
/// them, and user input with its control characters made visible.
enum Console {
    /// Whether `descriptor` (e.g. `STDERR_FILENO`) is a terminal, where a redrawn bar makes sense.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// Writes one line to standard error, control characters escaped.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((escaped(message, keepingNewlines: true) + "\n").utf8))
    }

    /// Flushes standard output so our lines stay in order with the progress lines on stderr.
    static func flushOutput() {
        fflush(nil)
    }

    /// `value` without a trailing `.0` when it is whole (28, 0.05); any double, inf and nan included.
    static func formatted(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `text` with every control character written as an escape (`\u{1B}` as `\e`, others as
    /// `\u{…}`), so input echoed in a message cannot move the cursor, recolour or clear the terminal.
    /// - Parameter keepingNewlines: leave line feeds as they are (multi-line messages of our own).
    static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if keepingNewlines && scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{1B}" {
                result += "\\e"
            } else if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Writes one line to standard error, control characters escaped.
func printError(_ message: String) { Console.printError(message) }

/// A path or other user input as it may be shown in a line: control characters escaped.
func shown(_ input: String) -> String { Console.escaped(input) }
