import PRI
import Testing

/// Network and user side back to back: calls both ways, ANI/DNIS, alerting, answer, clearing.
@Suite("PRI back to back call flows")
struct CallFlowTests {
    @Test func dChannelComesUpOnBothSides() async throws {
        let pair = try await BackToBack.start()
        #expect(pair.netEvents.unconsumed.isEmpty)
        #expect(pair.cpeEvents.unconsumed.isEmpty)
        try await pair.stop()
    }

    @Test func userCallsNetworkAndUserHangsUp() async throws {
        let pair = try await BackToBack.start()
        let ani = PartyNumber("1000", numberType: .subscriber, numberingPlan: .isdn, presentation: .allowed)
        let dnis = PartyNumber("5550123", numberType: .national, numberingPlan: .isdn)
        let id = try pair.cpe.placeCall(OutgoingCall(called: dnis, calling: ani))

        let incoming = try await pair.netEvents.next("SETUP at NET") { $0.incomingCall }
        #expect(incoming.called.digits == "5550123")
        #expect(incoming.called.numberType == .national)
        #expect(incoming.called.numberingPlan == .isdn)
        #expect(incoming.calling?.digits == "1000")
        #expect(incoming.calling?.numberType == .subscriber)
        #expect(incoming.calling?.presentation == .allowed)
        #expect(incoming.transferCapability == 0)

        pair.net.proceed(incoming.id)
        let proceedingChannel = try await pair.cpeEvents.next("PROCEEDING at CPE") { $0.proceedingChannel(of: id) }
        #expect(proceedingChannel == incoming.channel)
        pair.net.alert(incoming.id)
        _ = try await pair.cpeEvents.next("ALERTING at CPE") { $0.alertingChannel(of: id) }
        pair.net.answer(incoming.id)
        let answeredChannel = try await pair.cpeEvents.next("CONNECT at CPE") { $0.answeredChannel(of: id) }
        #expect(answeredChannel == incoming.channel)

        pair.cpe.hangUp(id, cause: .normalClearing)
        let cause = try await pair.netEvents.next("DISCONNECT at NET") { $0.disconnectCause(of: incoming.id) }
        #expect(cause == .normalClearing)
        _ = try await pair.netEvents.next("NET released") { $0.releaseCause(of: incoming.id) }
        let cpeRelease = try await pair.cpeEvents.next("CPE released") { $0.releaseCause(of: id) }
        #expect(cpeRelease == .normalClearing)
        // The clearing side is told of its own hangup only by .released.
        #expect(!pair.cpeEvents.unconsumed.contains { $0.disconnectCause(of: id) != nil })
        try await pair.stop()
    }

    @Test func networkCallsUserAndNetworkHangsUp() async throws {
        let pair = try await BackToBack.start()
        let id = try pair.net.placeCall(OutgoingCall(
            called: PartyNumber("8001", numberType: .subscriber),
            calling: PartyNumber("13912345678", numberType: .national, presentation: .restricted)))
        let incoming = try await pair.cpeEvents.next("SETUP at CPE") { $0.incomingCall }
        #expect(incoming.called.digits == "8001")
        #expect(incoming.calling?.digits == "13912345678")
        #expect(incoming.calling?.presentation == .restricted)
        #expect(incoming.channel == 1)

        pair.cpe.alert(incoming.id)
        let alertChannel = try await pair.netEvents.next("ALERTING at NET") { $0.alertingChannel(of: id) }
        #expect(alertChannel == 1)
        pair.cpe.answer(incoming.id)
        _ = try await pair.netEvents.next("CONNECT at NET") { $0.answeredChannel(of: id) }

        pair.net.hangUp(id, cause: .normalClearing)
        let cause = try await pair.cpeEvents.next("DISCONNECT at CPE") { $0.disconnectCause(of: incoming.id) }
        #expect(cause == .normalClearing)
        _ = try await pair.cpeEvents.next("CPE released") { $0.releaseCause(of: incoming.id) }
        _ = try await pair.netEvents.next("NET released") { $0.releaseCause(of: id) }
        try await pair.stop()
    }

    enum Direction: String, CaseIterable, Sendable { case userToNetwork, networkToUser }

    /// The called side refuses the call (before answering) and the caller sees the cause.
    @Test(arguments: Direction.allCases, [Q850Cause.userBusy, .unallocatedNumber, .callRejected, .normalClearing])
    func calledSideRejectsWithCause(direction: Direction, cause: Q850Cause) async throws {
        let pair = try await BackToBack.start()
        let (caller, callee, callerEvents, calleeEvents) = direction == .userToNetwork
            ? (pair.cpe, pair.net, pair.cpeEvents, pair.netEvents)
            : (pair.net, pair.cpe, pair.netEvents, pair.cpeEvents)
        let id = try caller.placeCall(OutgoingCall(called: PartyNumber("4711")))
        let incoming = try await calleeEvents.next("SETUP") { $0.incomingCall }
        if cause == .normalClearing {
            // Clearing after alerting, rather than at once.
            callee.alert(incoming.id)
            _ = try await callerEvents.next("ALERTING") { $0.alertingChannel(of: id) }
        }
        callee.hangUp(incoming.id, cause: cause)
        let seen = try await callerEvents.next("caller disconnected") { $0.disconnectCause(of: id) }
        #expect(seen == cause)
        let released = try await callerEvents.next("caller released") { $0.releaseCause(of: id) }
        #expect(released == cause)
        _ = try await calleeEvents.next("callee released") { $0.releaseCause(of: incoming.id) }
        try await pair.stop()
    }

    /// The caller abandons a call that is ringing; the called side sees the cause.
    @Test(arguments: Direction.allCases)
    func callerAbandonsRingingCall(direction: Direction) async throws {
        let pair = try await BackToBack.start()
        let (caller, callee, callerEvents, calleeEvents) = direction == .userToNetwork
            ? (pair.cpe, pair.net, pair.cpeEvents, pair.netEvents)
            : (pair.net, pair.cpe, pair.netEvents, pair.cpeEvents)
        let id = try caller.placeCall(OutgoingCall(called: PartyNumber("200")))
        let incoming = try await calleeEvents.next("SETUP") { $0.incomingCall }
        callee.alert(incoming.id)
        _ = try await callerEvents.next("ALERTING") { $0.alertingChannel(of: id) }
        caller.hangUp(id, cause: .normalClearing)
        let seen = try await calleeEvents.next("callee disconnected") { $0.disconnectCause(of: incoming.id) }
        #expect(seen == .normalClearing)
        _ = try await calleeEvents.next("callee released") { $0.releaseCause(of: incoming.id) }
        _ = try await callerEvents.next("caller released") { $0.releaseCause(of: id) }
        try await pair.stop()
    }

    @Test func invalidDigitsAreRejectedBeforeSending() async throws {
        let pair = try await BackToBack.start()
        #expect(throws: PRIError.invalidNumber("55A1")) {
            try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("55A1")))
        }
        #expect(throws: PRIError.invalidNumber("")) {
            try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("")))
        }
        #expect(throws: PRIError.invalidChannel(16)) {
            try pair.net.placeCall(OutgoingCall(called: PartyNumber("1"), channel: .exclusive(16)))
        }
        try await pair.stop()
    }
}
