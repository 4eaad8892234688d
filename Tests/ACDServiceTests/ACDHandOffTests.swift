import ACD
import ACDService
import CallEngine
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import TelephonyCore
import ToneZones

/// A session that queues for `service` on start and reports back.
struct QueueForService: CallSessionLogic {
    var nextDeadline: Duration? { nil }
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        switch event {
        case .started: [.queue(name: "service", maximumWait: nil)]
        case .queueOverflowed: [.hangUp(reason: "overflow")]
        case .agentCallEnded: [.hangUp(reason: "after agent")]
        default: []
        }
    }
    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

struct QueueApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { QueueForService() }
}

/// The whole hand-off on the simulated card: ACD, call engine, media engine, phones.
@Suite struct ACDHandOffTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 1, zone: "cn"))
    let media = MediaEngine()
    let engine: CallEngine
    var acd: ACDCoordinator

    init() throws {
        let card = self.card, media = self.media
        card.onTick { _ in media.runPass() }
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        engine = CallEngine(media: media, router: CallRouter(routes: [.init(name: "main", channels: [3], target: "-")]),
                            application: QueueApplication(), time: { .milliseconds(20 * card.frameCount) },
                            logger: logger, tones: PortTones(zone: try ToneZones.zone("cn")))
        let distributor = try CallDistributor(
            queues: [.init(name: "service", ringTimeout: .seconds(4), maxWait: .seconds(30), announceEvery: nil, wrapUp: .seconds(2))],
            agents: [Agent(port: 1), Agent(port: 2)],
            tiers: [.init(queue: "service", agent: 1), .init(queue: "service", agent: 2)],
            logger: logger)
        acd = ACDCoordinator(distributor: distributor, holdMusic: PromptAudio(samples: [Int16](repeating: 300, count: 8000), name: "hold"), logger: logger)
    }

    mutating func run(_ frames: Int) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
            await acd.tick(engine: engine, at: .milliseconds(20 * card.frameCount))
        }
    }

    mutating func setUp() async throws {
        try await engine.addLine(card.openChannel(3), configuration: .init(ringCadence: .china, callerID: .none))
        for port in [1, 2] {
            try await engine.addAgentPhone(card.openChannel(port), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
        }
    }

    @Test mutating func noAnswerGoesToTheNextAgentAndTheSecondAnswers() async throws {
        try await setUp()
        for port in [1, 2] {
            try await acd.setStatus(.available, ofAgent: port, engine: engine, at: .milliseconds(20 * card.frameCount))
        }
        let line = try #require(card.exchangeLine(on: 3))
        let first = try #require(card.phone(on: 1)), second = try #require(card.phone(on: 2))
        line.ring()
        await run(60)
        #expect(line.isAnswered)
        #expect(first.isBeingRung != second.isBeingRung, "one agent is rung at a time (longest idle)")
        let rungFirst = first.isBeingRung ? first : second, rungSecond = first.isBeingRung ? second : first
        line.clearHeard()
        await run(220)          // 4 s ring timeout, then the other agent
        #expect(!rungFirst.isBeingRung && rungSecond.isBeingRung)
        #expect(line.heardSamples().filter { abs(Int($0) - 300) < 20 }.count > 8000, "the caller hears hold music")
        rungSecond.lift()
        await run(10)
        rungSecond.clearHeard()
        line.send(samples: [Int16](repeating: 2000, count: 800))
        await run(10)
        #expect(rungSecond.heardSamples().filter { abs(Int($0) - 2000) < 80 }.count >= 700, "bridged to the agent who answered")
        rungSecond.hangUp()
        await run(80)
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.agentPort == rungSecond.port && call.queue == "service")
        #expect(call.endReason == .applicationHungUp(reason: "after agent"))
        let events = acd.takeEvents().map(\.0)
        #expect(events.contains { if case .noAnswer = $0 { true } else { false } })
        #expect(events.contains { if case .answered = $0 { true } else { false } })
    }

    @Test mutating func withNoAgentLoggedInTheCallerOverflows() async throws {
        try await setUp()
        let line = try #require(card.exchangeLine(on: 3))
        line.ring()
        await run(70)
        let call = try #require(await engine.takeFinishedCalls().first)
        #expect(call.endReason == .applicationHungUp(reason: "overflow"))
        #expect(!(card.phone(on: 1)!.isBeingRung) && !(card.phone(on: 2)!.isBeingRung))
    }
}
