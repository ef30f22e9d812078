import Foundation
import ArgumentParser
import MorseCode
import MorseSignal

extension FistKind: ExpressibleByArgument {}
extension EnvelopeShape: ExpressibleByArgument {}
extension WAVSampleFormat: ExpressibleByArgument {}

/// A failure at run time whose message names the value and the fix; printed without the usage text.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Turns library errors (whose descriptions name the value and the fix) into clean CLI failures.
func userFacing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as any CustomStringConvertible & Error {
        throw UserError(error.description)
    }
}

/// A seed for this run: the one given, or a fresh one to print so the run can be repeated.
func resolveSeed(_ seed: UInt64?) -> UInt64 {
    seed ?? UInt64.random(in: 0...UInt64(UInt32.max))
}

/// Flushes standard output so our lines stay in order with the progress lines on stderr.
func flushOutput() {
    fflush(nil)
}
