import Foundation
import Media
import SimulatedCard
import Testing
import TelephonyCore

/// The media engine on the simulated card: one pass per tick, as in the daemon.
@Suite struct MediaEngineTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 2))
    let engine = MediaEngine()

    init() {
        let engine = self.engine
        card.onTick { _ in engine.runPass() }
    }

    @Test func lineEventsReachTheOwner() async throws {
        let leg = try engine.attach(try card.openChannel(1))
        card.phone(on: 1)!.lift()
        card.advance(frames: 2)
        #expect(leg.takeEvents() == [.line(.offHook)])
        #expect(leg.takeEvents().isEmpty, "taken once")
    }

    @Test func playbackReachesThePhoneAndReportsItsEnd() async throws {
        let leg = try engine.attach(try card.openChannel(1))
        let phone = try #require(card.phone(on: 1))
        phone.lift()
        card.advance(frames: 2)
        let tone = (0..<800).map { i in Int16(8000 * sin(Double(i) * 2 * .pi * 1000 / 8000)) }
        phone.clearHeard()
        _ = leg.takeEvents()
        leg.play(PromptAudio(samples: tone, name: "beep"), id: 7)
        card.advance(frames: 4)
        #expect(leg.takeEvents().isEmpty, "800 samples take 5 frames")
        card.advance(frames: 4)
        #expect(leg.takeEvents() == [.playbackFinished(id: 7, completed: true)])
        let heard = phone.heardSamples()
        // Find the tone in what the phone heard (the frame where it starts is not known).
        var error = Int.max
        for start in 0...(heard.count - tone.count) {
            var worst = 0
            for i in 0..<tone.count { worst = max(worst, abs(Int(heard[start + i]) - Int(tone[i]))) }
            error = min(error, worst)
        }
        #expect(error <= 300, "µ-law round trip keeps samples within a step; max error \(error)")
    }

    @Test func bridgeCarriesAudioBothWays() async throws {
        let phoneLeg = try engine.attach(try card.openChannel(1))
        let lineLeg = try engine.attach(try card.openChannel(3))
        let phone = try #require(card.phone(on: 1))
        let line = try #require(card.exchangeLine(on: 3))
        phone.lift()
        try lineLeg.channel.setHook(.offHook)
        card.advance(frames: 2)
        phoneLeg.bridge(to: lineLeg)
        card.advance(frames: 1)
        phone.clearHeard()
        line.clearHeard()
        let caller = [Int16](repeating: 1000, count: 1600)
        let agent = [Int16](repeating: -2000, count: 1600)
        line.send(samples: caller)
        phone.send(samples: agent)
        card.advance(frames: 14)
        #expect(phone.heardSamples().filter { abs(Int($0) - 1000) < 40 }.count >= 1500, "the agent hears the caller")
        #expect(line.heardSamples().filter { abs(Int($0) + 2000) < 70 }.count >= 1500, "the caller hears the agent")
        phoneLeg.bridge(to: nil)
        card.advance(frames: 1)
        line.clearHeard()
        phone.send(samples: agent)
        card.advance(frames: 12)
        #expect(line.heardSamples().allSatisfy { abs(Int($0)) < 10 }, "unbridged: silence")
    }

    /// A detector that reports a digit when a frame is loud: stands in for the DTMF receiver to
    /// test the engine's barge-in plumbing.
    struct LoudnessDigit: FrameAnalyzer {
        var wasLoud = false
        mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
            let loud = frame.contains { abs(Int($0)) > 5000 }
            defer { wasLoud = loud }
            return loud && !wasLoud ? .dtmf("5") : nil
        }
    }

    @Test func aDigitBargesIntoABargeInPrompt() async throws {
        let leg = try engine.attach(try card.openChannel(1), analyzers: [LoudnessDigit()])
        let phone = try #require(card.phone(on: 1))
        phone.lift()
        card.advance(frames: 2)
        leg.play(PromptAudio(samples: [Int16](repeating: 100, count: 8000), name: "long"), id: 1, bargeIn: true)
        card.advance(frames: 5)
        phone.send(samples: [Int16](repeating: 9000, count: 320))
        card.advance(frames: 5)
        // The key comes first, then the prompt it stopped (so the IVR sees a barge-in).
        #expect(leg.takeEvents().suffix(2) == [.dtmf("5"), .playbackFinished(id: 1, completed: false)])
    }

    @Test func recordingHandsTheSamplesOver() async throws {
        let leg = try engine.attach(try card.openChannel(3))
        let line = try #require(card.exchangeLine(on: 3))
        try leg.channel.setHook(.offHook)
        card.advance(frames: 2)
        leg.record(id: 3, maximum: .milliseconds(200))
        line.send(samples: [Int16](repeating: 1200, count: 1600))
        card.advance(frames: 15)
        let samples = try #require(leg.takeEvents().compactMap { event -> [Int16]? in
            if case .recordingFinished(3, let samples) = event { return samples } else { return nil }
        }.first)
        #expect(samples.count == 1600)
        #expect(samples.filter { abs(Int($0) - 1200) < 50 }.count >= 1400)
    }

    @Test func detachReportsUnfinishedPlaybackAndFinishes() async throws {
        let leg = try engine.attach(try card.openChannel(2))
        leg.play(PromptAudio(samples: [Int16](repeating: 1, count: 8000), name: "long"), id: 4)
        card.advance(frames: 2)
        #expect(!leg.isDetached)
        leg.detach()
        card.advance(frames: 1)
        #expect(leg.takeEvents() == [.playbackFinished(id: 4, completed: false)])
        #expect(leg.isDetached)
    }
}
