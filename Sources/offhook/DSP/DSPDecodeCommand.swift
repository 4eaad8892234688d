import ArgumentParser
import Foundation

/// `offhook dsp decode FILE [--json]`: what the DSP hears in a recording from the field.
struct DSPDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print the DTMF digits, tones and caller ID heard in a recording.",
        discussion: """
            FILE is .wav (PCM 16-bit, µ-law or A-law; mono, 8 kHz), .ul (raw µ-law), .al (raw \
            A-law) or .raw/.s16 (raw signed 16-bit little-endian, 8 kHz). Times are when each \
            detector declared the event, in ms from the first sample. Tones: CNG, CED, ANS_PR, \
            ANSAM, ANSAM_PR, V21, and the China and US call-progress tones (CN_BUSY, US_RINGBACK…). \
            Caller ID: FSK (Bell 202, V.23; SDMF and MDMF) and DTMF (A…C).
            """
    )

    @Argument(help: "The recording.")
    var file: String

    @Flag(help: "Print one JSON array of events, each with type (dtmf, tone, callerid), ms and its fields.")
    var json = false

    func validate() throws {
        guard fileExists(file) else { throw ValidationError("\(file): no such file") }
    }

    func run() throws {
        let samples: [Int16]
        do {
            samples = try AudioInput.samples(path: file)
        } catch {
            throw ValidationError("\(error)")
        }
        let events = samples.withUnsafeBufferPointer { RecordingDecoder.decode($0) }
        if json {
            print("[" + events.map { "\n  " + $0.json }.joined(separator: ",") + (events.isEmpty ? "]" : "\n]"))
        } else {
            print("\(file): \(samples.count) samples (\(String(format: "%.1f", Double(samples.count) / 8000)) s), \(events.count) events")
            for e in events { print(e.text) }
        }
    }
}
