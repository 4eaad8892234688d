import ArgumentParser
import Foundation
import TelephonyDSP

/// `offhook dsp detect --corpus DIR --out DIR`: runs fresh detectors over every file of the DSP
/// corpus kit and writes `dtmf.tsv` and `tones.tsv` in the kit's format, for its `score.py`.
struct DSPDetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Detect DTMF and tones in every file of a DSP corpus (the kit's files.tsv).",
        discussion: """
            For each row of DIR/files.tsv, reads DIR/<file>.s16 (or DIR/<file>.ul), runs a fresh \
            DTMF receiver, fax-tone detector and China/US call-progress detectors in 160-sample \
            frames, and writes OUT/dtmf.tsv (file, digit, on_ms, off_ms) and OUT/tones.tsv \
            (file, event, ms, off_ms). Times are when each detector declared the event.
            """
    )

    @Option(help: "The corpus directory (holding files.tsv).")
    var corpus: String

    @Option(help: "Where to write dtmf.tsv and tones.tsv.")
    var out: String

    @Flag(help: "Write only dtmf.tsv (skip the tone detectors).")
    var dtmfOnly = false

    func validate() throws {
        guard fileExists(corpus + "/files.tsv") else {
            throw ValidationError("\(corpus)/files.tsv not found: --corpus must be the kit's corpus directory")
        }
    }

    func run() throws {
        let audio: CorpusAudio
        do { audio = try CorpusAudio(directory: corpus) } catch { throw ValidationError("\(error)") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var dtmf = "file\tdigit\ton_ms\toff_ms\n"
        var tones = "file\tevent\tms\toff_ms\n"
        var digits = 0, toneCount = 0
        for file in audio.files {
            let samples: [Int16]
            do { samples = try audio.samples(file) } catch { throw ValidationError("\(error)") }
            samples.withUnsafeBufferPointer { buffer in
                for d in detectDigits(samples: buffer) {
                    dtmf += "\(file)\t\(d.digit)\t\(Self.ms(d.ms))" + (d.offMs.map { "\t" + Self.ms($0) } ?? "") + "\n"
                    digits += 1
                }
                guard !dtmfOnly else { return }
                for t in detectTones(samples: buffer) {
                    tones += "\(file)\t\(t.label)\t\(Self.ms(t.ms))" + (t.offMs.map { "\t" + Self.ms($0) } ?? "") + "\n"
                    toneCount += 1
                }
            }
        }
        try dtmf.write(toFile: out + "/dtmf.tsv", atomically: true, encoding: .utf8)
        if !dtmfOnly { try tones.write(toFile: out + "/tones.tsv", atomically: true, encoding: .utf8) }
        print("\(audio.files.count) files: \(digits) digits -> \(out)/dtmf.tsv" + (dtmfOnly ? "" : ", \(toneCount) tones -> \(out)/tones.tsv"))
    }

    static func ms(_ value: Double) -> String { String(format: "%.3f", value) }
}
