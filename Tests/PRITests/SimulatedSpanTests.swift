import PRI
import SimulatedCard
import Synchronization
import TelephonyCore
import Testing

/// PRI over the simulated card: two E1 spans cabled back to back, libpri on each span's
/// D-channel (timeslot 16), frames carried by the card a tick at a time.
@Suite("PRI on the simulated card's cabled E1 spans")
struct SimulatedSpanTests {
    @Test func callAcrossCabledSpansWithCauseOnTheFarSide() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2))
        try card.cable(span: 1, to: 2)
        let netBridge = try DChannelBridge(channel: try card.openChannel(16))
        let cpeBridge = try DChannelBridge(channel: try card.openChannel(31 + 16))
        let net = try DChannel(transport: netBridge.transport, configuration: PRIConfiguration(side: .network))
        let cpe = try DChannel(transport: cpeBridge.transport, configuration: PRIConfiguration(side: .user))
        let netEvents = EventRecorder(net.events)
        let cpeEvents = EventRecorder(cpe.events)

        // The card's clock on a thread of its own (a starved task pool cannot stop it), pumping
        // both bridges every 20 ms frame.
        let frames = Mutex(0)
        let clock = RealTimeClock {
            card.advance(frames: 1)
            let moved = ((try? netBridge.pump()) ?? 0) + ((try? cpeBridge.pump()) ?? 0)
            frames.withLock { $0 += moved }
        }
        clock.start()
        defer { clock.stop() }

        try await netEvents.next("NET D-channel up") { $0 == .dChannelUp ? () : nil }
        try await cpeEvents.next("CPE D-channel up") { $0 == .dChannelUp ? () : nil }
        let id = try cpe.placeCall(OutgoingCall(called: PartyNumber("95588", numberType: .national),
                                                calling: PartyNumber("075512345678", numberType: .national)))
        let incoming = try await netEvents.next("SETUP across the card") { $0.incomingCall }
        #expect(incoming.called.digits == "95588")
        #expect(incoming.calling?.digits == "075512345678")
        net.alert(incoming.id)
        _ = try await cpeEvents.next("ALERTING") { $0.alertingChannel(of: id) }
        net.answer(incoming.id)
        #expect(try await cpeEvents.next("CONNECT") { $0.answeredChannel(of: id) } == incoming.channel)
        net.hangUp(incoming.id, cause: .userBusy)
        #expect(try await cpeEvents.next("DISCONNECT at CPE") { $0.disconnectCause(of: id) } == .userBusy)
        _ = try await netEvents.next("NET released") { $0.releaseCause(of: incoming.id) }
        #expect(frames.withLock { $0 } >= 10, "frames crossed the card")
        net.shutdown()
        cpe.shutdown()
    }
}

@Suite("PRI D-channel supervision on the simulated card")
struct SimulatedSpanSupervisionTests {
    @Test func shuttingTheFarSpanBringsTheDChannelDownAndRestoringItBringsItUp() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2))
        try card.cable(span: 1, to: 2)
        let lineEvents = Mutex<[LineEvent]>([])
        let netBridge = try DChannelBridge(channel: try card.openChannel(16)) { event in lineEvents.withLock { $0.append(event) } }
        let cpeBridge = try DChannelBridge(channel: try card.openChannel(47))
        // Short Q.921 timers so the link failure shows within a second.
        let timers: [PRITimer: Duration] = [.t200: .milliseconds(100), .t203: .milliseconds(200)]
        let net = try DChannel(transport: netBridge.transport, configuration: PRIConfiguration(side: .network, timers: timers))
        let cpe = try DChannel(transport: cpeBridge.transport, configuration: PRIConfiguration(side: .user, timers: timers))
        let netEvents = EventRecorder(net.events)
        let cpeEvents = EventRecorder(cpe.events)
        // Real-time card clock on its own thread: the timers are in wall time.
        let clock = RealTimeClock {
            card.advance(frames: 1)
            _ = ((try? netBridge.pump()) ?? 0) + ((try? cpeBridge.pump()) ?? 0)
        }
        clock.start()
        defer { clock.stop() }
        try await netEvents.next("NET up") { $0 == .dChannelUp ? () : nil }
        try await cpeEvents.next("CPE up") { $0 == .dChannelUp ? () : nil }

        let shutAt = ContinuousClock.now
        try card.setShut(span: 2, true)
        try await netEvents.next("NET down", within: .seconds(20)) { $0 == .dChannelDown ? () : nil }
        let downAfter = ContinuousClock.now - shutAt
        #expect(lineEvents.withLock { $0.contains(.alarm) }, "span 1's D-channel reported the alarm")

        try card.setShut(span: 2, false)
        try await netEvents.next("NET up again", within: .seconds(20)) { $0 == .dChannelUp ? () : nil }
        print("D-channel down \(downAfter) after the far span was shut (T200 100 ms, T203 200 ms)")
        net.shutdown()
        cpe.shutdown()
    }
}
