import Foundation
import MorseDatasetFormat
import MorseFileSystem
import MorseSignal

/// Checks one clip's audio file against what its manifest row says: the header, then (when the row
/// states one) the checksum of the whole file.
struct AudioCheck: Sendable {
    /// The sample rate every clip must have, in Hz.
    let sampleRate: Int
    /// The longest a clip may be, in seconds; nil = no limit.
    let maxDuration: Double?
    /// How far a stated duration may be from the audio's, in seconds.
    var tolerance: Double { max(1e-4, 1.5 / Double(sampleRate)) }

    /// The outcome for one file: its duration when readable, and any findings.
    struct Outcome: Sendable {
        var duration: Double?
        var findings: [ValidationFinding]
    }

    /// One file to check: its path and the row that lists it.
    struct Job: Sendable {
        var path: String
        var audioFile: String
        /// The shard member that holds the clip when the dataset keeps no loose WAVs (then `path`
        /// is unused): the store to read it from, the shard and the member.
        var member: (store: ClipAudioStore, shard: String, member: TarReader.Member)? = nil
        /// How messages name the audio (`audio/train/morse_000042.wav`, or the shard and member).
        var shown: String { member.map { "\($0.shard) member \($0.member.name)" } ?? "audio/" + audioFile }
        var statedDuration: Double
        var location: String
        /// The row's CRC-32C of the file (8 hex digits), if it states one.
        var checksum: String? = nil
    }

    func check(_ job: Job) -> Outcome {
        let header: WAVHeader
        do {
            if let member = job.member {
                header = try memberHeader(member)
            } else {
                // A dataset's clips are regular files we wrote, never links: refuse a planted one.
                header = try WAVHeader.read(path: job.path, followSymlinks: false)
            }
        } catch .missing {
            return Outcome(
                duration: nil,
                findings: [
                    ValidationFinding(.missingAudio, job.location, "audio file \(job.shown) does not exist")
                ])
        } catch {
            return Outcome(
                duration: nil,
                findings: [
                    ValidationFinding(.unreadableAudio, job.location, "audio file \(job.shown) \(error)")
                ])
        }
        var findings: [ValidationFinding] = []
        if header.isTruncated {
            findings.append(
                ValidationFinding(
                    .unreadableAudio, job.location,
                    "audio file \(job.shown) is truncated: its header declares \(header.dataSize) bytes of samples from byte \(header.dataOffset), but the file has only \(header.fileSize) bytes"
                ))
            return Outcome(duration: nil, findings: findings)
        }
        let encodingOK =
            (header.formatTag == 1 && header.bitsPerSample == 16)
            || (header.formatTag == 3 && header.bitsPerSample == 32)
        if header.channels != 1 || header.sampleRate != sampleRate || !encodingOK {
            findings.append(
                ValidationFinding(
                    .wrongFormat, job.location,
                    "audio file \(job.shown) is \(header.sampleRate) Hz, \(header.channels) channel\(header.channels == 1 ? "" : "s"), format \(header.formatTag) with \(header.bitsPerSample) bits; expected \(sampleRate) Hz mono 16-bit PCM or 32-bit float"
                ))
            return Outcome(duration: nil, findings: findings)
        }
        if let stated = job.checksum {
            let actual =
                if let member = job.member {
                    (try? member.store.bytes(shard: member.shard, member: member.member)).map {
                        CRC32C.hex(CRC32C.checksum($0))
                    }
                } else {
                    CRC32C.ofFile(job.path).map(CRC32C.hex)
                }
            if actual != stated.lowercased() {
                findings.append(
                    ValidationFinding(
                        .checksumMismatch, job.location,
                        "\(job.shown) has checksum \(actual ?? "(unreadable)") but the manifest states \(stated): the file changed after it was written; regenerate it (run the generate command again) or restore it"
                    ))
            }
        }
        let duration = header.duration
        if abs(duration - job.statedDuration) > tolerance {
            findings.append(
                ValidationFinding(
                    .durationMismatch, job.location,
                    "duration is stated as \(seconds(job.statedDuration)) but \(job.shown) holds \(seconds(duration)) (\(header.frames) samples at \(sampleRate) Hz)"
                ))
        }
        if let maxDuration, duration > maxDuration + tolerance {
            findings.append(
                ValidationFinding(
                    .overMaxDuration, job.location,
                    "\(job.shown) lasts \(seconds(duration)), longer than the dataset's maximum of \(seconds(maxDuration))"
                ))
        }
        return Outcome(duration: duration, findings: findings)
    }
}

extension AudioCheck {
    /// The WAV header of a shard member, from its first bytes (the member's size is the file size).
    func memberHeader(_ member: (store: ClipAudioStore, shard: String, member: TarReader.Member)) throws(WAVHeader
        .Problem)
        -> WAVHeader
    {
        let bytes: [UInt8]
        do {
            bytes = try member.store.bytes(shard: member.shard, member: member.member, count: WAVLimits.headerBytes)
        } catch {
            if case let .system(_, _, code) = error { throw .unreadable(errno: code) }
            throw .unreadable(errno: EIO)
        }
        return try WAVHeader.parse(bytes, fileSize: member.member.size)
    }
}

/// `7.573625 s`: seconds with up to six decimals, trailing zeros dropped.
func seconds(_ value: Double) -> String {
    NumberFormat.decimal(value, places: 6) + " s"
}
