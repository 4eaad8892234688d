import ACD
import ACDService
import CallEngine
import Logging
import Media
import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP
import ToneZones

/// A caller that queues for `service` and whose announcement is DTMF: `*`, the position's
/// digits, `#` (and `A` when an expected wait was given), so what the caller hears can be read
/// back with the real DTMF receiver.
struct AnnouncedCaller: CallSessionLogic {
    let keyMS: Int
    var nextDeadline: Duration? { nil }

    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        switch event {
        case .started: [.queue(name: "service", maximumWait: nil)]
        case .agentCallEnded: [.hangUp(reason: "after agent")]
        default: []
        }
    }

    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }

    mutating func queueAnnouncement(position: Int, expectedWait: Duration?, at now: Duration) -> PromptAudio? {
        let keys = "*\(position)#" + (expectedWait == nil ? "" : "A")
        return PromptAudio(samples: (try? DTMFGenerator.samples(for: keys, onMS: keyMS, offMS: keyMS)) ?? [], name: keys)
    }
}

struct AnnouncedCallerApplication: CallApplication {
    let keyMS: Int
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { AnnouncedCaller(keyMS: keyMS) }
}

/// Queue announcements through the real call engine, media engine and simulated card: what
/// the exchange line hears is decoded with the DTMF receiver and a 440 Hz Goertzel filter.
@Suite struct QueueAnnouncementPlaybackTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 2, zone: "cn"))
    let media = MediaEngine()
    let engine: CallEngine
    var acd: ACDCoordinator
    /// Hold music: one second of 440 Hz (a whole number of cycles, so it loops seamlessly).
    static let music: PromptAudio = {
        var generator = ToneGenerator(spec: try! ToneSpec(parsing: "440/1000"), level: -20)
        var samples = [Int16](repeating: 0, count: 8000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return PromptAudio(samples: Array(samples.prefix(count)), name: "hold")
    }()

    init(keyMS: Int) throws {
        let card = self.card, media = self.media
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        engine = CallEngine(media: media, router: CallRouter(routes: [.init(name: "main", channels: [2, 3], target: "-")]),
                            application: AnnouncedCallerApplication(keyMS: keyMS), time: { .milliseconds(20 * card.frameCount) },
                            logger: logger, tones: PortTones(zone: try ToneZones.zone("cn")))
        let distributor = try CallDistributor(
            queues: [.init(name: "service", ringTimeout: .seconds(10), maxWait: nil, announceEvery: .seconds(3), wrapUp: .seconds(2),
                           whenNoAgents: .wait)],
            agents: [Agent(port: 1)], tiers: [.init(queue: "service", agent: 1)], logger: logger)
        acd = ACDCoordinator(distributor: distributor, holdMusic: Self.music, logger: logger)
    }

    init() throws { try self.init(keyMS: 100) }

    var time: Duration { .milliseconds(20 * card.frameCount) }

    mutating func run(_ frames: Int) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
            await acd.tick(engine: engine, at: time)
        }
    }

    /// Rings the exchange line on `port` and runs until the port answers (and the caller queues).
    mutating func answeredCaller(on port: Int) async throws -> VirtualExchangeLine {
        let line = try #require(card.exchangeLine(on: port))
        line.ring()
        for _ in 0..<300 where !line.isAnswered { await run(1) }
        try #require(line.isAnswered)
        await run(2)
        return line
    }

    mutating func setUp() async throws {
        for port in [2, 3] {
            try await engine.addLine(card.openChannel(port), configuration: .init(ringCadence: .china, callerID: .none))
        }
        try await engine.addAgentPhone(card.openChannel(1), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
    }

    @Test mutating func eachWaitingCallerHearsTheirPlaceBetweenStretchesOfHoldMusic() async throws {
        try await setUp()
        let first = try await answeredCaller(on: 2)
        first.clearHeard()
        let second = try await answeredCaller(on: 3)
        second.clearHeard()
        await run(225)   // 4.5 s: each hears one announcement, 3 s after queueing
        let events = acd.takeEvents().map(\.0)
        #expect(events.filter { if case .enqueued = $0 { true } else { false } }.count == 2)

        for (line, keys) in [(first, "*1#"), (second, "*2#")] {
            let heard = line.heardSamples()
            let digits = Self.digits(in: heard)
            #expect(String(digits.map(\.digit.character)) == keys, "the announcement of the caller's place (no wait estimate yet)")
            guard let start = digits.first?.down, let end = digits.last?.up else { continue }
            let music = Self.musicFrames(in: heard)
            // Before: music; during the announcement (keys and the gaps between them): none, it
            // was stopped, not mixed under; after: music again.
            #expect(music[..<(start / 160 - 2)].filter { $0 }.count >= 100, "hold music before the announcement")
            #expect(!music[(start / 160 + 1)..<(end / 160)].contains(true), "the music stops while the announcement plays")
            let after = music[(end / 160 + 8)...]
            #expect(after.count >= 20 && !after.contains(false), "the music resumes after it")
        }
    }

    @Test mutating func anAgentAnsweringMidAnnouncementCutsItOff() async throws {
        // Long keys: the announcement lasts 6 × 500 ms.
        self = try Self(keyMS: 500)
        try await setUp()
        let caller = try await answeredCaller(on: 2)
        caller.clearHeard()
        await run(155)          // the announcement starts 3 s after queueing
        let agent = try #require(card.phone(on: 1))
        try await acd.setStatus(.available, ofAgent: 1, engine: engine, at: time)
        for _ in 0..<100 where !agent.isBeingRung { await run(1) }
        try #require(agent.isBeingRung)
        agent.lift()
        for _ in 0..<50 {
            if await engine.activeCalls.first?.agentPort != nil { break }
            await run(1)
        }
        #expect(await engine.activeCalls.first?.agentPort == 1, "bridged to the agent")
        let before = Self.digits(in: caller.heardSamples())
        #expect(before.map(\.digit.character) == ["*"], "the announcement had begun and not finished when the agent answered")
        caller.clearHeard()
        await run(200)          // past the announcement's end and any music resume
        let after = caller.heardSamples()
        #expect(Self.digits(in: after).isEmpty, "the rest of the announcement is not played")
        #expect(!Self.musicFrames(in: after).contains(true), "the hold music does not come back over the agent")
        #expect(after.count > 190 * 160)
    }

    // MARK: Listening

    /// The DTMF digits in `samples` with the sample positions where each went down and up.
    static func digits(in samples: [Int16]) -> [(digit: DTMFDigit, down: Int, up: Int)] {
        var receiver = DTMFReceiver()
        var events: [DTMFEvent] = []
        samples.withUnsafeBufferPointer { all in
            var i = 0
            while i < all.count {
                let frame = UnsafeBufferPointer(rebasing: all[i..<min(i + 160, all.count)])
                if let event = receiver.process(frame) { events.append(event) }
                i += 160
            }
            let empty = UnsafeBufferPointer<Int16>(start: nil, count: 0)
            while let event = receiver.process(empty) { events.append(event) }
        }
        var out: [(DTMFDigit, Int, Int)] = []
        for event in events {
            if event.isDown { out.append((event.digit, event.samplePosition, samples.count)) }
            else if let last = out.indices.last, out[last].0 == event.digit { out[last].2 = event.samplePosition }
        }
        return out
    }

    /// Per 20 ms frame, whether the 440 Hz hold music is in it (above −30 dBm0).
    static func musicFrames(in samples: [Int16]) -> [Bool] {
        stride(from: 0, to: samples.count - 159, by: 160).map { start in
            var filter = Goertzel(frequency: 440)
            samples[start..<start + 160].withUnsafeBufferPointer { filter.process($0) }
            return filter.level > -30
        }
    }
}
