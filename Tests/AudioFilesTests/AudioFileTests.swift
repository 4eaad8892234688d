import AudioFiles
import Foundation
import Testing

@Suite struct AudioFileTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "offhook-audio-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func sine(_ frequency: Double, rate: Int, count: Int, amplitude: Double = 10000) -> [Int16] {
        (0..<count).map { Int16(amplitude * sin(2 * .pi * frequency * Double($0) / Double(rate))) }
    }

    /// Zero crossings per second, twice the frequency of a pure tone.
    func frequency(of samples: [Int16], rate: Int) -> Double {
        let crossings = zip(samples, samples.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
        return Double(crossings) / 2 / (Double(samples.count) / Double(rate))
    }

    @Test func eightKilohertzWAVRoundTripsExactly() throws {
        let path = folder + "/tone.wav"
        let tone = sine(1000, rate: 8000, count: 8000)
        try WAVWriter.write(tone, to: path)
        #expect(try AudioFileReader.read(path) == tone)
    }

    @Test(arguments: [16000, 44100, 48000])
    func otherRatesAreResampledTo8kHz(rate: Int) throws {
        let path = folder + "/tone-\(rate).wav"
        try WAVWriter.write(sine(697, rate: rate, count: rate), to: path, sampleRate: rate)
        let samples = try AudioFileReader.read(path)
        #expect(abs(samples.count - 8000) <= 20, "one second at 8 kHz, got \(samples.count) samples")
        let measured = frequency(of: Array(samples[400..<7600]), rate: 8000)
        #expect(abs(measured - 697) < 5, "697 Hz stays 697 Hz, measured \(measured)")
    }

    @Test func headerlessMuLawIsReadByItsExtension() throws {
        let path = folder + "/prompt.ul"
        // µ-law 0xFF is +0, 0x80 is the largest positive value, 0x00 the largest negative.
        try Data([0xFF, 0x80, 0x00, 0x7F]).write(to: URL(fileURLWithPath: path))
        #expect(try AudioFileReader.read(path) == [0, 32124, -32124, 0])
    }

    /// GSM 6.10, bare (`.gsm`, as Asterisk keeps prompts) and inside WAV, made by sox.
    @Test(arguments: [("gsm", ["-t", "gsm"]), ("wav", ["-e", "gsm-full-rate"])])
    func gsmPromptsAreDecoded(ext: String, soxOptions: [String]) throws {
        guard let sox = ["/usr/bin/sox", "/usr/local/bin/sox"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return  // sox (make prompts installs it) makes the GSM file; without it there is nothing to decode
        }
        let source = folder + "/tone-for-gsm.wav", path = folder + "/tone-gsm.\(ext)"
        try WAVWriter.write(sine(1000, rate: 8000, count: 8000), to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sox)
        process.arguments = [source] + soxOptions + [path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let samples = try AudioFileReader.read(path)
        #expect(abs(samples.count - 8000) <= 320, "GSM in WAV packs frames in pairs of 320 samples")
        let measured = frequency(of: Array(samples[400..<7600]), rate: 8000)
        #expect(abs(measured - 1000) < 10, "GSM keeps a 1 kHz tone at 1 kHz, measured \(measured)")
    }

    @Test func aCorruptFileIsAClearError() throws {
        let path = folder + "/broken.wav"
        try Data("RIFF....WAVEjunk that is not a header".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AudioFileReader.read(path)
            Issue.record("a corrupt WAV was read")
        } catch {
            #expect(error.path == path && !error.reason.isEmpty)
        }
        #expect(throws: AudioFileError.self) { try AudioFileReader.read(folder + "/missing.wav") }
    }
}
