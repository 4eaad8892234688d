import AudioFiles
import CallEngine
import Glibc
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP
import ToneZones

/// A session that plays a greeting, records what it was told, and hangs up on `#`.
struct GreetingSession: CallSessionLogic {
    var events: [SessionEvent] = []
    let greeting = PromptAudio(samples: [Int16](repeating: 500, count: 1600), name: "greeting")
    var nextDeadline: Duration? { nil }

    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        events.append(event)
        switch event {
        case .started: return [.play(greeting, id: 1, bargeIn: true)]
        case .dtmf("#"): return [.hangUp(reason: "caller pressed #")]
        default: return []
        }
    }

    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

struct GreetingApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { GreetingSession() }
}

/// Stands in for a detector to test the engine's plumbing: a loud frame is reported as `event`.
struct LoudFrame: FrameAnalyzer {
    let event: MediaEvent
    var wasLoud = false
    mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        let loud = frame.contains { abs(Int($0)) > 6000 }
        defer { wasLoud = loud }
        return loud && !wasLoud ? event : nil
    }
}

@Suite struct CallEngineTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 2, zone: "cn"))
    let media = MediaEngine()
    let engine: CallEngine

    init() {
        let card = self.card, media = self.media
        card.onTick { _ in media.runPass() }
        engine = CallEngine(media: media,
                            router: CallRouter(routes: [.init(name: "hotline", channels: [1], target: "hotline.ivr")]),
                            application: GreetingApplication(),
                            time: { .milliseconds(20 * card.frameCount) },
                            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static let configuration = FXOPort.Configuration(
        ringCadence: .china, callerID: .none,
        disconnect: .init(loopCurrentDrop: true, polarityReversal: true, tones: [.busy]))

    func run(_ frames: Int) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
        }
    }

    /// Rings line 1 and lets the engine answer it.
    func answeredCall(analyzers: [any FrameAnalyzer] = []) async throws -> VirtualExchangeLine {
        try await engine.addLine(card.openChannel(1), configuration: Self.configuration, analyzers: analyzers)
        let line = try #require(card.exchangeLine(on: 1))
        line.ring()
        await run(45)
        #expect(!line.isAnswered, "still in the first ring (China: 1 s)")
        await run(10)
        #expect(line.isAnswered, "answered when the first ring ended")
        #expect(await engine.activeCalls.first?.state == .answered)
        return line
    }

    @Test func answersPlaysTheGreetingAndHangsUpOnRequest() async throws {
        let line = try await answeredCall(analyzers: [LoudFrame(event: .dtmf("#"))])
        await run(15)
        #expect(line.heardSamples().filter { abs(Int($0) - 500) < 20 }.count >= 1500, "the caller heard the greeting")
        line.send(samples: [Int16](repeating: 9000, count: 160))
        await run(5)
        #expect(!line.isAnswered, "the engine hung up")
        let calls = await engine.takeFinishedCalls()
        #expect(calls.count == 1)
        #expect(calls.first?.endReason == .applicationHungUp(reason: "caller pressed #"))
        #expect(calls.first?.route == "hotline")
        #expect((calls.first?.talkTime ?? .zero) > .milliseconds(300))
    }

    /// China's busy tone (450 Hz, 350 ms on, 350 ms off) from libtonezone's table, one period.
    static func chinaBusyTone() throws -> [Int16] {
        var generator = ToneGenerator(spec: try #require(try ToneZones.zone("cn").busy), level: -10)
        var samples = [Int16](repeating: 0, count: 5600)
        _ = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return samples
    }

    @Test(arguments: ["loop-current drop", "polarity reversal", "busy tone"])
    func farEndHangUpEndsTheCall(method: String) async throws {
        let line = try await answeredCall(analyzers: [CallProgressAnalyzer(zone: try ToneZones.zone("cn"))])
        await run(40)
        switch method {
        case "loop-current drop": line.disconnect(by: .loopCurrentDrop())
        case "polarity reversal": line.disconnect(by: .polarityReversal)
        default: line.disconnect(byTone: try Self.chinaBusyTone())
        }
        // The busy tone needs its cadence confirmed (a few periods of 700 ms); the others cross at once.
        await run(method == "busy tone" ? 250 : 10)
        let calls = await engine.takeFinishedCalls()
        #expect(calls.first?.endReason == .farEndHungUp(method: method))
        #expect(!line.isAnswered, "the port went back on hook")
        #expect(await engine.activeCalls.isEmpty)
    }

    @Test func aCallerWhoGivesUpIsRecordedAsAbandoned() async throws {
        try await engine.addLine(card.openChannel(2), configuration: .init(ringCadence: .china, callerID: .afterFirstRing))
        let line = try #require(card.exchangeLine(on: 2))
        line.ring()
        await run(300)          // two rings (1 s on, 4 s off): offered after the second
        line.stopRinging()
        await run(400)
        let calls = await engine.takeFinishedCalls()
        #expect(calls.map(\.endReason) == [.callerAbandoned])
        #expect(!line.isAnswered)
    }

    @Test func aCallIsRecordedBothWaysToWAV() async throws {
        let line = try await answeredCall(analyzers: [LoudFrame(event: .dtmf("#"))])
        let call = try #require(await engine.activeCalls.first)
        let path = "/tmp/offhook-call-\(getpid())-\(call.id.rawValue).wav"
        await engine.recordCall(call.id, to: path)
        line.send(samples: [Int16](repeating: 0, count: 400) + [Int16](repeating: 3000, count: 800))
        await run(15)
        line.send(samples: [Int16](repeating: 9000, count: 160))
        await run(5)
        let ended = try #require(await engine.takeFinishedCalls().first)
        #expect(ended.recording == path)
        let samples = try AudioFileReader.read(path)
        #expect(samples.count >= 2400, "about 16 frames recorded before the hang-up")
        #expect(samples.contains { abs(Int($0) - 500) < 20 }, "the greeting the caller heard is in the recording")
        #expect(samples.contains { abs(Int($0) - 3500) < 120 }, "the caller's voice, mixed over the greeting, is in it")
    }

    @Test func aCallWithNoRouteIsNotAnswered() async throws {
        try await engine.addLine(card.openChannel(2), configuration: Self.configuration)
        let line = try #require(card.exchangeLine(on: 2))
        line.ring()
        await run(100)
        #expect(!line.isAnswered)
    }
}
