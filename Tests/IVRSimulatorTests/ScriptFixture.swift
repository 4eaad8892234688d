import AudioFiles
import Foundation
import IVRRuntime
import IVRScript
import IVRSimulator
import Testing

/// A private copy of the example scripts in a temporary folder, with every prompt the MANIFEST
/// lists recorded as one second of quiet tone (so prompts take time to play, and barge-in can
/// be told from waiting), and a folder for the messages callers leave.
final class ScriptFixture: Sendable {
    static let root = String(#filePath[..<#filePath.firstRange(of: "/Tests/")!.lowerBound])
    let directory: String
    var recordings: String { "\(directory)/recordings" }

    /// A weekday morning, in office hours.
    static let officeHours = CivilDateTime(date: CivilDate(year: 2026, month: 11, day: 23), hour: 10, minute: 0)
    /// A Sunday afternoon.
    static let closed = CivilDateTime(date: CivilDate(year: 2026, month: 11, day: 22), hour: 15, minute: 0)

    init() throws {
        let fm = FileManager.default
        directory = fm.temporaryDirectory.appendingPathComponent("offhook-sim-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: "\(directory)/prompts", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        for name in ["hotline.ivr", "fax.ivr", "data", "prompts/MANIFEST"] {
            try fm.copyItem(atPath: "\(Self.root)/IVRScripts/\(name)", toPath: "\(directory)/\(name)")
        }
        let manifest = try String(contentsOfFile: "\(directory)/prompts/MANIFEST", encoding: .utf8)
        let prompt = (0..<8000).map { Int16(300 * sin(Double($0) * 2 * .pi * 400 / 8000)) }
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count >= 2 else { continue }
            let path = "\(directory)/prompts/\(fields[0])/\(fields[1]).wav"
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try WAVWriter.write(prompt, to: path)
        }
    }

    func path(_ script: String) -> String { "\(directory)/\(script)" }

    /// A simulation of `script` for a caller from `caller` at `time`, who hangs up once out of
    /// keys unless `waitsInSilence`.
    func simulation(_ script: String = "hotline.ivr", caller: String = "13800138000", language: String? = nil,
                    at time: CivilDateTime = ScriptFixture.officeHours, keyDelay: Duration = .milliseconds(500),
                    waitsInSilence: Bool = false) async throws -> IVRSimulation {
        try await IVRSimulation(script: path(script), options: .init(
            caller: caller, language: language, recordingDirectory: recordings, localTime: { time }, keyDelay: keyDelay,
            hangsUpWhenKeysRunOut: !waitsInSilence))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

extension SimulatedCallResult {
    /// The events of the transcript without prompts, for compact expectations.
    var steps: [String] {
        transcript.events.compactMap { event in
            if case .played = event { return nil }
            return event.description
        }
    }

    var heardKeys: String {
        String(transcript.events.compactMap { if case .heard(let key) = $0 { key } else { nil } })
    }

    var played: [String] {
        transcript.events.flatMap { event -> [String] in
            if case .played(let files) = event { return files }
            return []
        }
    }
}
