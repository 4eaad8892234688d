import PRI
import Testing

/// B-channel allocation across concurrent calls, back to back and in the pool itself.
@Suite("PRI B-channel allocation")
struct ChannelAllocationTests {
    @Test func concurrentCallsGetDifferentChannelsAndReleasedOnesAreReused() async throws {
        let pair = try await BackToBack.start()
        // Two calls from the user side, the network side picking channels.
        let first = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("101")))
        let second = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("102")))
        let a = try await pair.netEvents.next("first SETUP") { $0.incomingCall.flatMap { $0.called.digits == "101" ? $0 : nil } }
        let b = try await pair.netEvents.next("second SETUP") { $0.incomingCall.flatMap { $0.called.digits == "102" ? $0 : nil } }
        #expect(a.channel != b.channel)
        pair.net.answer(a.id)
        pair.net.answer(b.id)
        let chA = try await pair.cpeEvents.next("first CONNECT") { $0.answeredChannel(of: first) }
        let chB = try await pair.cpeEvents.next("second CONNECT") { $0.answeredChannel(of: second) }
        #expect(chA == a.channel)
        #expect(chB == b.channel)

        // A third call from the network side must avoid both busy channels.
        let third = try pair.net.placeCall(OutgoingCall(called: PartyNumber("103")))
        let c = try await pair.cpeEvents.next("third SETUP") { $0.incomingCall }
        #expect(c.channel != a.channel && c.channel != b.channel)
        pair.cpe.hangUp(c.id, cause: .userBusy)
        #expect(try await pair.netEvents.next("third busy") { $0.disconnectCause(of: third) } == .userBusy)

        // Release the first call; the next call is given its channel again (ascending hunt).
        pair.cpe.hangUp(first, cause: .normalClearing)
        let freed = try await pair.netEvents.next("first released at NET") { $0.releasedChannel(of: a.id) }
        #expect(freed == a.channel)
        _ = try await pair.cpeEvents.next("first released at CPE") { $0.releaseCause(of: first) }
        _ = try await pair.cpeEvents.next("third released at CPE") { $0.releaseCause(of: c.id) }
        let fourth = try pair.net.placeCall(OutgoingCall(called: PartyNumber("104")))
        let d = try await pair.cpeEvents.next("fourth SETUP") { $0.incomingCall }
        #expect(d.channel == min(a.channel, c.channel))
        pair.cpe.hangUp(d.id)
        _ = try await pair.netEvents.next("fourth cleared") { $0.releaseCause(of: fourth) }
        try await pair.stop()
    }

    @Test func exclusiveRequestForBusyChannelIsRefused() async throws {
        let pair = try await BackToBack.start()
        let first = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("201"), channel: .exclusive(5)))
        let a = try await pair.netEvents.next("SETUP on B5") { $0.incomingCall }
        #expect(a.channel == 5)
        // The network side's own call for B5 is refused locally: B5 is busy.
        let clash = try pair.net.placeCall(OutgoingCall(called: PartyNumber("202"), channel: .exclusive(5)))
        #expect(try await pair.netEvents.next("NET clash refused") { $0.releaseCause(of: clash) } == .requestedChannelNotAvailable)
        // So is the user side's own second request for B5.
        let second = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("203"), channel: .exclusive(5)))
        #expect(try await pair.cpeEvents.next("CPE clash refused") { $0.releaseCause(of: second) } == .requestedChannelNotAvailable)
        pair.cpe.hangUp(first)
        _ = try await pair.netEvents.next("first cleared") { $0.releaseCause(of: a.id) }
        try await pair.stop()
    }

    @Test(arguments: [PRISide.network, .user])
    func calledSideRefusesAChannelOutsideItsSpan(caller: PRISide) async throws {
        // The called side's span lacks B7; a SETUP naming B7 exclusively gets cause 82.
        let small = BChannelPool(channels: [1, 2, 3, 4, 5, 6, 8])
        let pair = try await BackToBack.start(
            net: PRIConfiguration(side: .network, bChannels: caller == .network ? .e1() : small),
            cpe: PRIConfiguration(side: .user, bChannels: caller == .user ? .e1() : small))
        let (callerChannel, calleeEvents, callerEvents) = caller == .network
            ? (pair.net, pair.cpeEvents, pair.netEvents) : (pair.cpe, pair.netEvents, pair.cpeEvents)
        let call = try callerChannel.placeCall(OutgoingCall(called: PartyNumber("300"), channel: .exclusive(7)))
        _ = try await calleeEvents.next("incoming rejected") { event -> Q850Cause? in
            if case .incomingCallRejected(_, let cause) = event { cause } else { nil }
        }
        #expect(try await callerEvents.next("caller told") { $0.disconnectCause(of: call) } == .identifiedChannelDoesNotExist)
        _ = try await callerEvents.next("caller released") { $0.releaseCause(of: call) }
        try await pair.stop()
    }

    @Test func networkRejectsSetupWhenEveryChannelIsBusy() async throws {
        // A two-channel span on the network side, three calls from the user side.
        let pair = try await BackToBack.start(
            net: PRIConfiguration(side: .network, bChannels: BChannelPool(channels: [1, 2])))
        let calls = try (1...3).map { try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("30\($0)"))) }
        _ = try await pair.netEvents.next("SETUP 1") { $0.incomingCall }
        _ = try await pair.netEvents.next("SETUP 2") { $0.incomingCall }
        let refused = try await pair.netEvents.next("SETUP 3 refused") { event -> Q850Cause? in
            if case .incomingCallRejected(let called, let cause) = event, called.digits == "303" { cause } else { nil }
        }
        #expect(refused == .noCircuitAvailable)
        #expect(try await pair.cpeEvents.next("caller told") { $0.disconnectCause(of: calls[2]) } == .noCircuitAvailable)
        try await pair.stop()
    }
}

/// The pool on its own: hunt order, preference, exclusivity, release.
@Suite("BChannelPool")
struct BChannelPoolTests {
    @Test func e1HasThirtyChannelsWithoutTimeslot16() {
        let pool = BChannelPool.e1()
        #expect(pool.channels.count == 30)
        #expect(!pool.contains(16))
        #expect(pool.contains(1) && pool.contains(15) && pool.contains(17) && pool.contains(31))
        #expect(BChannelPool.t1().channels == Array(1...23))
    }

    @Test func ascendingAndDescendingHunt() throws {
        var up = BChannelPool.e1(huntOrder: .ascending)
        var down = BChannelPool.e1(huntOrder: .descending)
        #expect(try up.allocate() == 1)
        #expect(try up.allocate() == 2)
        #expect(try down.allocate() == 31)
        #expect(try down.allocate() == 30)
        up.release(1)
        #expect(try up.allocate() == 1)
        #expect(up.busy == [1, 2])
        #expect(up.freeCount == 28)
    }

    @Test func preferredFallsBackExclusiveDoesNot() throws {
        var pool = BChannelPool(channels: [1, 2, 3])
        #expect(try pool.allocate(preferring: 2) == 2)
        #expect(try pool.allocate(preferring: 2) == 1)
        #expect(throws: BChannelPool.AllocationError.requestedChannelNotAvailable(2)) {
            try pool.allocate(preferring: 2, exclusive: true)
        }
        #expect(throws: BChannelPool.AllocationError.noSuchChannel(16)) {
            try pool.allocate(preferring: 16, exclusive: true)
        }
        #expect(try pool.allocate() == 3)
        #expect(throws: BChannelPool.AllocationError.noChannelAvailable) { try pool.allocate() }
        #expect(BChannelPool.AllocationError.noChannelAvailable.cause.rawValue == 34)
        #expect(BChannelPool.AllocationError.requestedChannelNotAvailable(2).cause.rawValue == 44)
        pool.releaseAll()
        #expect(pool.freeCount == 3)
    }
}

/// A full E1: thirty calls at once, the thirty-first refused, all channels reusable afterwards.
@Suite("PRI full span")
struct FullSpanTests {
    @Test func thirtyConcurrentCallsFillTheSpanAndTheThirtyFirstIsRefused() async throws {
        let pair = try await BackToBack.start()
        let start = ContinuousClock.now
        var ids: [CallID] = []
        for n in 1...30 { ids.append(try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("\(1000 + n)")))) }
        var channels: Set<Int> = []
        var incoming: [CallID] = []
        for _ in 1...30 {
            let call = try await pair.netEvents.next("SETUP") { $0.incomingCall }
            channels.insert(call.channel)
            incoming.append(call.id)
            pair.net.answer(call.id)
        }
        #expect(channels == Set(BChannelPool.e1().channels))
        for id in ids { _ = try await pair.cpeEvents.next("CONNECT") { $0.answeredChannel(of: id) } }
        let filled = ContinuousClock.now - start

        // The user side knows every channel is busy and refuses the 31st itself.
        let extra = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("1031")))
        #expect(try await pair.cpeEvents.next("31st refused") { $0.disconnectCause(of: extra) } == .noCircuitAvailable)

        for id in ids { pair.cpe.hangUp(id) }
        for id in incoming { _ = try await pair.netEvents.next("released") { $0.releaseCause(of: id) } }
        // Every channel is free again: thirty more calls all get through.
        var again: Set<Int> = []
        for n in 1...30 { _ = try pair.cpe.placeCall(OutgoingCall(called: PartyNumber("\(2000 + n)"))) }
        for _ in 1...30 { again.insert(try await pair.netEvents.next("SETUP again") { $0.incomingCall }.channel) }
        #expect(again.count == 30)
        print("30 calls set up and answered in \(filled)")
        try await pair.stop()
    }
}
