import AudioFiles
import Foundation
import IVRRuntime
import IVRSimulator
import TelephonyDSP
import Testing

/// A caller of the hotline script waiting for an agent hears the ACD's announcements, composed
/// from the script's prompt folder in the caller's language, through the whole stack
/// `offhook run` uses (the transcript notes each one).
@Suite struct QueueAnnouncementSimulationTests {
    /// One agent who lets the phone ring 9 s, so the caller waits through two announcements
    /// (every 4 s), then talks 3 s.
    func simulation(_ fixture: ScriptFixture) async throws -> IVRSimulation {
        try await IVRSimulation(script: fixture.path("hotline.ivr"), options: .init(
            recordingDirectory: fixture.recordings, localTime: { ScriptFixture.officeHours },
            agents: 1, agentAnswerDelay: .seconds(9), agentTalkTime: .seconds(3), announceEvery: .seconds(4)))
    }

    func announcements(_ result: SimulatedCallResult) -> [String] {
        result.transcript.events.compactMap { if case .announced(let files) = $0 { files.joined(separator: " ") } else { nil } }
    }

    @Test func theCallerHearsTheirPlaceInTheirLanguageAndLaterAnEstimate() async throws {
        let fixture = try ScriptFixture()
        let simulation = try await simulation(fixture)
        // 2: English, 0: an agent, then 1 in the survey.
        let first = await simulation.call(keys: try KeyScript(parsing: "2 0 1"))
        #expect(announcements(first) == Array(repeating: "en/queue/you-are-caller en/digits/1 en/queue/thanks-for-holding", count: 2),
                "\(first.text)")
        // The announcements come while the caller waits: after joining, before the agent answers.
        let steps = first.steps
        let queued = try #require(steps.firstIndex(of: "queue service"))
        let answered = try #require(steps.firstIndex { $0.hasPrefix("queue result: answered") })
        let announced = steps.indices.filter { steps[$0].hasPrefix("announce ") }
        #expect(announced.allSatisfy { queued < $0 && $0 < answered }, "\(first.text)")

        // One call completed (3 s talk + 2 s wrap-up): the next caller is told the wait.
        let second = await simulation.call(keys: try KeyScript(parsing: "1 0 1"))
        #expect(announcements(second).first == "zh/queue/you-are-caller zh/digits/1 zh/queue/position-end zh/queue/less-than-a-minute zh/queue/thanks-for-holding",
                "\(second.text)")
    }

    /// The prompt files themselves reach the caller's ear: with the English announcement
    /// prompts recorded as DTMF keys, the caller's end of the line hears those keys, in order,
    /// once per announcement, decoded by the real DTMF receiver.
    @Test func theAnnouncementsRecordingsAreWhatTheCallerHears() async throws {
        let fixture = try ScriptFixture()
        for (name, key) in [("queue/you-are-caller", "A"), ("digits/1", "1"), ("queue/thanks-for-holding", "B")] {
            try WAVWriter.write(try DTMFGenerator.samples(for: key, onMS: 100, offMS: 100), to: fixture.path("prompts/en/\(name).wav"))
        }
        let simulation = try await simulation(fixture)
        let result = await simulation.call(keys: try KeyScript(parsing: "2 0 1"))
        #expect(announcements(result).count == 2, "\(result.text)")
        // The whole call (under a minute): menus, queue, agent, survey.
        #expect(Self.keys(in: simulation.heardAudio) == "A1BA1B", "each announcement is its three recordings, one after another")
    }

    /// The DTMF keys in `samples`, in order.
    static func keys(in samples: [Int16]) -> String {
        var receiver = DTMFReceiver()
        var out = ""
        samples.withUnsafeBufferPointer { all in
            for start in stride(from: 0, to: all.count, by: 160) {
                let frame = UnsafeBufferPointer(rebasing: all[start..<min(start + 160, all.count)])
                if let event = receiver.process(frame), event.isDown { out.append(event.digit.character) }
            }
        }
        return out
    }

    @Test func withoutPromptsInTheCallersLanguageTheScriptsFirstLanguageIsUsed() async throws {
        let fixture = try ScriptFixture()
        try FileManager.default.removeItem(atPath: fixture.path("prompts/en/queue"))
        let simulation = try await simulation(fixture)
        let result = await simulation.call(keys: try KeyScript(parsing: "2 0 1"))
        #expect(announcements(result).first == "zh/queue/you-are-caller zh/digits/1 zh/queue/position-end zh/queue/thanks-for-holding",
                "\(result.text)")
    }

    @Test func withoutAnyAnnouncementPromptsTheCallerHearsHoldMusicOnly() async throws {
        let fixture = try ScriptFixture()
        for language in ["en", "zh"] {
            try FileManager.default.removeItem(atPath: fixture.path("prompts/\(language)/queue/thanks-for-holding.wav"))
        }
        // A corrupt recording is no recording: it is skipped, never played or crashed on.
        try Data("RIFF garbage".utf8).write(to: URL(fileURLWithPath: fixture.path("prompts/en/queue/you-are-caller.wav")))
        let simulation = try await simulation(fixture)
        let result = await simulation.call(keys: try KeyScript(parsing: "2 0 1"))
        #expect(announcements(result).isEmpty, "\(result.text)")
        #expect(result.steps.contains { $0.hasPrefix("queue result: answered") }, "the call goes on: \(result.text)")
        #expect(result.steps.contains("log survey = 1"))
    }
}
