import PRI
import Testing

/// RESTART of B-channels and the interface, and Q.931 timers run by libpri's scheduler.
@Suite("PRI RESTART and timers")
struct RestartAndTimerTests {
    /// Sets up an answered call from the user side; returns the two ids and the channel.
    private func answeredCall(_ pair: BackToBack, to number: String) async throws -> (cpe: CallID, net: CallID, channel: Int) {
        let id = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber(number)))
        let incoming = try await pair.netEvents.next("SETUP") { $0.incomingCall }
        pair.net.answer(incoming.id)
        _ = try await pair.cpeEvents.next("CONNECT") { $0.answeredChannel(of: id) }
        return (id, incoming.id, incoming.channel)
    }

    @Test func restartOfOneChannelReleasesItsCallOnBothSides() async throws {
        let pair = try await BackToBack.start()
        let call = try await answeredCall(pair, to: "500")
        let other = try await answeredCall(pair, to: "501")
        pair.net.restart(channel: call.channel)
        let restarted = try await pair.cpeEvents.next("RESTART at CPE") { event -> Int?? in
            if case .restarted(let ch) = event { ch } else { nil }
        }
        #expect(restarted == call.channel)
        #expect(try await pair.cpeEvents.next("CPE call dropped") { $0.disconnectCause(of: call.cpe) } == .temporaryFailure)
        _ = try await pair.cpeEvents.next("CPE call released") { $0.releaseCause(of: call.cpe) }
        _ = try await pair.netEvents.next("NET call released") { $0.releaseCause(of: call.net) }
        let acked = try await pair.netEvents.next("RESTART ACK at NET") { event -> Int?? in
            if case .restartAcknowledged(let ch) = event { ch } else { nil }
        }
        #expect(acked == call.channel)
        // The other call is untouched and can still be cleared normally.
        #expect(!pair.cpeEvents.unconsumed.contains { $0.releaseCause(of: other.cpe) != nil })
        pair.cpe.hangUp(other.cpe)
        #expect(try await pair.netEvents.next("other cleared") { $0.disconnectCause(of: other.net) } == .normalClearing)
        // The restarted channel is free again on the network side.
        let next = try pair.net.placeCall(OutgoingCall(called: PartyNumber("502")))
        let incoming = try await pair.cpeEvents.next("SETUP after restart") { $0.incomingCall }
        #expect(incoming.channel == call.channel)
        pair.cpe.hangUp(incoming.id)
        _ = try await pair.netEvents.next("cleared") { $0.releaseCause(of: next) }
        try await pair.stop()
    }

    @Test func userSideCanRestartTheWholeInterface() async throws {
        let pair = try await BackToBack.start()
        let call = try await answeredCall(pair, to: "600")
        pair.cpe.restart()
        _ = try await pair.cpeEvents.next("CPE call released") { $0.releaseCause(of: call.cpe) }
        _ = try await pair.netEvents.next("RESTART at NET") { event -> Int?? in
            if case .restarted(let ch) = event { ch } else { nil }
        }
        _ = try await pair.netEvents.next("NET call released") { $0.releaseCause(of: call.net) }
        // One RESTART per B-channel, then the end of the interface restart.
        for channel in BChannelPool.e1().channels {
            _ = try await pair.cpeEvents.next("RESTART ACK B\(channel) at CPE") { $0 == .restartAcknowledged(channel: channel) ? () : nil }
        }
        _ = try await pair.cpeEvents.next("interface restart done") { $0 == .restartAcknowledged(channel: nil) ? () : nil }
        // The network side saw all 30 and released its call once.
        let restarts = try await (1...29).asyncMap { _ in
            try await pair.netEvents.next("RESTART at NET") { event -> Int?? in
                if case .restarted(let ch) = event { ch } else { nil }
            }
        }
        #expect(restarts.count == 29)
        try await pair.stop()
    }

    /// T303: the far side never answers the SETUP; libpri resends it at the first T303 expiry
    /// and clears the call at the second with cause 18, no user responding (libpri's choice).
    @Test func t303ExpiryClearsAnUnansweredSetup() async throws {
        let t303 = Duration.milliseconds(150)
        let pair = try await BackToBack.start(
            net: PRIConfiguration(side: .network, sendsProceedingAutomatically: false),
            cpe: PRIConfiguration(side: .user, timers: [.t303: t303]))
        let start = ContinuousClock.now
        let id = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("700")))
        _ = try await pair.netEvents.next("SETUP at NET (ignored)") { $0.incomingCall }
        let cause = try await pair.cpeEvents.next("T303 expiry", within: .seconds(20)) { $0.disconnectCause(of: id) }
        let elapsed = ContinuousClock.now - start
        #expect(cause == .noUserResponding)
        #expect(elapsed >= t303 * 2)
        #expect(elapsed < .seconds(1))
        _ = try await pair.cpeEvents.next("released after T303") { $0.releaseCause(of: id) }
        print("T303=\(t303): call cleared with cause \(cause) after \(elapsed)")
        try await pair.stop()
    }
}

extension ClosedRange<Int> {
    func asyncMap<T>(_ body: (Int) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for i in self { out.append(try await body(i)) }
        return out
    }
}
