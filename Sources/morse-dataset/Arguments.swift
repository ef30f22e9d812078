import ArgumentParser
import Foundation
import MorseCode
import MorseDataset
import MorseDatasetFormat
import MorseSignal

extension FistKind: ExpressibleByArgument {}
extension EnvelopeShape: ExpressibleByArgument {}
extension WAVSampleFormat: ExpressibleByArgument {}
extension NeMoPaths: ExpressibleByArgument {}

/// A failure at run time whose message names the value and the fix; printed without the usage text.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The command line's spelling of each run setting that library messages name.
/// - Parameter outputFolder: how this command names its output folder (`--output-dir` or `OUT`).
func flag(for option: RunOption, outputFolder: String = "--output-dir") -> String {
    switch option {
    case .numSamples: "--num-samples"
    case .outputDirectory: outputFolder
    case .maxDuration: "--max-duration"
    case .noiseRatio: "--noise-ratio"
    case .sampleRate: "--sample-rate"
    case .shardIndex: "--shard-index"
    case .numShards: "--num-shards"
    case .overwrite: "--overwrite"
    }
}

/// Turns library errors (whose descriptions name the value and the fix) into clean CLI failures,
/// with the run settings they name spelt as this tool's options.
func userFacing<T>(naming name: (RunOption) -> String = { flag(for: $0) }, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as DatasetError {
        throw UserError(error.description(naming: name))
    } catch let error as any CustomStringConvertible & Error {
        throw UserError(error.description)
    }
}

/// The bytes of an input file the user named, or a message naming the path and the cause (not a
/// raw NSError dump).
func readInputFile(_ path: String, expecting kind: String = "a WAV file") throws -> [UInt8] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw UserError("'\(shown(path))' does not exist; give \(kind)")
    }
    guard !isFolder.boolValue else { throw UserError("'\(shown(path))' is a folder; give \(kind)") }
    do {
        return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        throw UserError("cannot read '\(shown(path))': \(error.localizedDescription)")
    }
}
