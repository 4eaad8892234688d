import PRI
import Synchronization
import Testing

/// D-channel lifetime, bad commands, and libpri's process-wide log hooks routed per D-channel.
@Suite("PRI lifecycle and logging")
struct LifecycleAndLoggingTests {
    @Test func farEndClosingIsReportedAndTheStreamFinishes() async throws {
        let pair = try await BackToBack.start()
        pair.net.shutdown()
        _ = try await pair.cpeEvents.next("CPE sees the transport close") { $0 == .transportClosed ? () : nil }
        let deadline = ContinuousClock.now + .seconds(2)
        while !(pair.cpeEvents.isFinished && pair.netEvents.isFinished) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(pair.cpeEvents.isFinished)
        #expect(pair.netEvents.isFinished)
    }

    @Test func commandsForUnknownCallsFailWithAReason() async throws {
        let pair = try await BackToBack.start()
        let ghost = CallID(rawValue: 999)
        pair.net.answer(ghost)
        pair.net.hangUp(ghost, cause: .normalClearing)
        let reasons = try await [
            pair.netEvents.next("answer refused") { event -> String? in
                if case .commandFailed(ghost, let reason) = event, reason.hasPrefix("CONNECT") { reason } else { nil }
            },
            pair.netEvents.next("hangup refused") { event -> String? in
                if case .commandFailed(ghost, let reason) = event, reason.hasPrefix("hang up") { reason } else { nil }
            },
        ]
        #expect(reasons == ["CONNECT: no such call", "hang up: no such call"])
        pair.net.restart(channel: 16)
        let restart = try await pair.netEvents.next("restart of the D-channel's timeslot refused") { event -> String? in
            if case .commandFailed(nil, let reason) = event { reason } else { nil }
        }
        #expect(restart == "RESTART: B-channel 16 is not part of this span")
        try await pair.stop()
    }

    @Test func libpriMessagesReachTheDChannelThatProducedThem() async throws {
        let lines = Mutex<[PRILogMessage]>([])
        let handler: PRILogHandler = { message in lines.withLock { $0.append(message) } }
        let (a, b) = try DChannelTransport.makeSocketPair()
        let debug: PRIDebugOptions = [.q931State, .q931Dump]
        let net = try DChannel(transport: a, configuration: PRIConfiguration(side: .network, debug: debug), log: handler)
        // The user side logs nothing: its lines must not appear under the network side either.
        let cpe = try DChannel(transport: b, configuration: PRIConfiguration(side: .user))
        let netEvents = EventRecorder(net.events), cpeEvents = EventRecorder(cpe.events)
        _ = try await cpeEvents.next("up") { $0 == .dChannelUp ? () : nil }
        _ = try await netEvents.next("up") { $0 == .dChannelUp ? () : nil }
        _ = try cpe.placeCall(OutgoingCall(called: PartyNumber("4711")))
        _ = try await netEvents.next("SETUP") { $0.incomingCall }
        let logged = lines.withLock { $0 }
        #expect(logged.allSatisfy { $0.side == .network })
        #expect(logged.contains { $0.text.contains("Call Present") }, "the network side's Q.931 state trace")
        #expect(logged.contains { $0.text.contains("Called Party Number") && $0.text.contains("4711") })
        #expect(!logged.contains { $0.text.contains("\n") }, "one line per message")
        net.shutdown()
        cpe.shutdown()
    }
}
