import Foundation
import Testing

/// Scores the DSP detectors on the shared corpus kit with the kit's own scorer and fails when any
/// of issue 3's targets is no longer met (`scripts/dsp-targets.py` holds them; `make dsp-score`
/// prints the same verdicts).
///
/// Sample loops are many times slower in a debug build, so this runs the *release* binary
/// (`.build/release/offhook`, which `make dsp-score` and `make bench` build) and is skipped, with
/// the reason, when that binary, python3, or the kit (`../shared/dsp-corpus`, or
/// `$OFFHOOK_SHARED/dsp-corpus`) is missing. Rebuild the release binary after changing a detector.
@Suite struct DSPCorpusRegressionTests {
    static let root = OffhookProcess.root
    static let kit: String = {
        if let shared = ProcessInfo.processInfo.environment["OFFHOOK_SHARED"] { return shared + "/dsp-corpus" }
        return URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/dsp-corpus").path
    }()
    static let release = root + "/.build/release/offhook"
    static var hasKit: Bool { FileManager.default.fileExists(atPath: kit + "/corpus/files.tsv") }
    static var hasRelease: Bool { FileManager.default.isExecutableFile(atPath: release) }
    static var hasPython: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test("corpus score meets the targets (release binary, the kit's score.py)",
          .enabled(if: hasKit, "skipped: the DSP corpus kit (../shared/dsp-corpus) is missing"),
          .enabled(if: hasRelease, "skipped: no release binary; run `make dsp-score` (or swift build -c release) first"),
          .enabled(if: hasPython, "skipped: python3 is needed for the kit's scorer"))
    func corpusTargets() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-dsp-score-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let corpus = Self.kit + "/corpus"
        let detect = try Self.run(Self.release, ["dsp", "detect", "--corpus", corpus, "--out", out])
        try #require(detect.status == 0, "\(detect.output)")
        let score = try Self.run("/usr/bin/python3", [Self.kit + "/score.py", "--corpus", corpus, "--dtmf", out + "/dtmf.tsv",
                                                       "--tones", out + "/tones.tsv", "--name", "offhook", "--json", out + "/score.json"])
        try #require(score.status == 0, "\(score.output)")
        let targets = try Self.run("/usr/bin/python3", [Self.root + "/scripts/dsp-targets.py", out + "/score.json",
                                                         Self.kit + "/results/spandsp/score.json"])
        #expect(targets.status == 0, "\(targets.output)")
        #expect(targets.output.contains("targets: all met"))
    }
}
