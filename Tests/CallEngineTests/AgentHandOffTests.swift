import CallEngine
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP
import ToneZones

/// A session that asks for the queue `sales` as soon as the call starts.
struct QueueingSession: CallSessionLogic {
    var nextDeadline: Duration? { nil }
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] {
        switch event {
        case .started: [.queue(name: "sales", maximumWait: .seconds(60))]
        case .agentCallEnded: [.hangUp(reason: "after agent")]
        case .queueOverflowed: [.hangUp(reason: "overflow")]
        default: []
        }
    }
    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

struct QueueingApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { QueueingSession() }
}

/// The hand-off as the ACD drives it: ring the agent, bridge on answer, back to the script when
/// the agent hangs up. (The test plays the ACD's part.)
@Suite struct AgentHandOffTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "cn"))
    let media = MediaEngine()
    let engine: CallEngine

    init() throws {
        let card = self.card, media = self.media
        card.onTick { _ in media.runPass() }
        engine = CallEngine(media: media,
                            router: CallRouter(routes: [.init(name: "sales", channels: [2], target: "-")]),
                            application: QueueingApplication(),
                            time: { .milliseconds(20 * card.frameCount) },
                            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                            tones: PortTones(zone: try ToneZones.zone("cn")))
    }

    func run(_ frames: Int) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
        }
    }

    @Test func callerReachesTheAgentAndReturnsToTheScript() async throws {
        try await engine.addLine(card.openChannel(2), configuration: .init(ringCadence: .china, callerID: .none))
        try await engine.addAgentPhone(card.openChannel(1), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
        let line = try #require(card.exchangeLine(on: 2))
        let phone = try #require(card.phone(on: 1))
        line.ring()
        await run(60)
        let request = try #require(await engine.takeQueueRequests().first)
        #expect(request.queue == "sales")

        await engine.ringAgent(port: 1, for: request.call, callerID: "13800138000")
        await run(10)
        #expect(phone.isRinging, "the agent's phone rings")
        phone.lift()
        await run(5)
        #expect(await engine.takeAgentEvents() == [.answered(port: 1)])
        await engine.bridge(call: request.call, toAgent: 1)
        await run(2)
        phone.clearHeard()
        line.send(samples: [Int16](repeating: 1500, count: 1600))
        await run(12)
        #expect(phone.heardSamples().filter { abs(Int($0) - 1500) < 60 }.count >= 1500, "the agent hears the caller")

        phone.hangUp()
        await run(70)           // the card's 1.25 s flash window, then at once
        let calls = await engine.takeFinishedCalls()
        #expect(calls.first?.endReason == .applicationHungUp(reason: "after agent"))
        #expect(calls.first?.agentPort == 1 && calls.first?.queue == "sales")
    }

    @Test func theAgentsPhoneGetsTheCallersNumberAsFSKCallerIDBetweenRings() async throws {
        let engine = CallEngine(media: media, router: CallRouter(routes: []), application: QueueingApplication(),
                                time: { [card] in .milliseconds(20 * card.frameCount) },
                                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
                                tones: PortTones(zone: try ToneZones.zone("cn")),
                                callerIDAudio: CallerIDAudio.fsk(zone: "cn", dateTime: { "11231630" }))
        try await engine.addAgentPhone(card.openChannel(1), configuration: .cardDebounced(
            ringCadence: .china, callerID: .afterFirstRing(delay: .milliseconds(500))))
        let phone = try #require(card.phone(on: 1))
        await engine.ringAgent(port: 1, for: CallID(7), callerID: "13800138000")
        for _ in 0..<250 {
            card.advance(frames: 1)
            await engine.tick()
        }
        // The phone's caller-ID display: a V.23 receiver over what reached the phone on hook.
        var receiver = FSKCallerIDReceiver(configuration: .init(standard: .v23))
        var message: CallerIDMessage?
        let heard = phone.heardSamples()
        for start in stride(from: 0, to: heard.count - 160, by: 160) where message == nil {
            message = heard[start..<(start + 160)].withUnsafeBufferPointer { receiver.process($0) }
        }
        #expect(message?.number == "13800138000")
        #expect(message?.dateTime == "11231630")
        #expect(phone.isBeingRung, "still ringing after the caller ID")
    }

    @Test func agentLiftingThePhoneHearsChinaDialTone() async throws {
        try await engine.addAgentPhone(card.openChannel(1), configuration: .cardDebounced(ringCadence: .china, callerID: .none))
        let phone = try #require(card.phone(on: 1))
        phone.lift()
        await run(60)
        // 450 Hz continuous: about 900 zero crossings a second.
        let heard = Array(phone.heardSamples().suffix(4000))
        let crossings = zip(heard, heard.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
        #expect(abs(crossings - 450) < 20, "dial tone at 450 Hz (\(crossings) crossings in 0.5 s)")
    }
}
