import Signalling
import TelephonyCore
import Testing

private func ms(_ v: Int) -> Duration { .milliseconds(v) }

@Suite("FXOPort: incoming calls")
struct FXOPortIncomingTests {
    @Test func ringsWithCallerIDBetweenThemThenAnswer() {
        var line = FXOPort(configuration: .init(ringCadence: .china, callerID: .afterFirstRing))
        #expect(!line.wantsCallerIDAudio)
        #expect(line.handle(.line(.ringBegin), at: .zero).isEmpty)
        #expect(line.handle(.line(.ringDetected), at: ms(1000)) == [.report(.ringing(count: 1))])
        #expect(line.wantsCallerIDAudio)
        let cid = CallerID(number: "13912345678", dateTime: "11231500")
        #expect(line.handle(.callerID(cid), at: ms(2500)) == [.report(.callerID(cid))])
        #expect(!line.wantsCallerIDAudio)
        #expect(line.handle(.line(.ringDetected), at: ms(6000)) == [.report(.ringing(count: 2)), .report(.incomingCall(cid))])
        #expect(line.state == .ringing(count: 2))
        #expect(line.description == "FXO ringing (2 rings)")
        #expect(line.handle(.answer, at: ms(6500)) == [.setHook(.offHook)])
        #expect(line.state == .connected)
        #expect(line.nextDeadline == nil)
        // Later rings do not matter once answered.
        #expect(line.handle(.line(.ringDetected), at: ms(11_000)).isEmpty)
    }

    @Test func callWithoutCallerIDIsReportedAtTheSecondRingWithNil() {
        var line = FXOPort(configuration: .init(ringCadence: .china))
        _ = line.handle(.line(.ringDetected), at: ms(1000))
        #expect(line.handle(.line(.ringDetected), at: ms(6000)) == [.report(.ringing(count: 2)), .report(.incomingCall(nil))])
        #expect(line.handle(.line(.ringDetected), at: ms(11_000)) == [.report(.ringing(count: 3))])
    }

    @Test func withoutCallerIDTheFirstRingIsTheCall() {
        var line = FXOPort(configuration: .init(callerID: .none))
        #expect(line.configuration.ringsBeforeIncomingCall == 1)
        #expect(line.handle(.line(.ringDetected), at: .zero) == [.report(.ringing(count: 1)), .report(.incomingCall(nil))])
    }

    @Test func ringingThatStopsIsAnAbandonedCall() {
        var line = FXOPort(configuration: .init(ringCadence: .china))
        #expect(line.configuration.ringTimeout == .seconds(6))
        _ = line.handle(.line(.ringDetected), at: .seconds(1))
        _ = line.handle(.line(.ringDetected), at: .seconds(6))
        #expect(line.advance(to: .seconds(11)).isEmpty)          // still inside the cadence
        #expect(line.advance(to: .seconds(12)) == [.report(.callAbandoned)])
        #expect(line.state == .idle)
        #expect(line.callerID == nil)
    }

    @Test func ringBurstsAreTimedAndClicksAreNotRings() {
        var line = FXOPort(configuration: .init(ringCadence: .china, callerID: .none, minimumRingDuration: ms(150)))
        _ = line.handle(.line(.ringBegin), at: .zero)
        #expect(line.handle(.line(.ringDetected), at: ms(60)).isEmpty, "a 60 ms burst is noise")
        #expect(line.state == .idle)
        #expect(line.lastRingDuration == ms(60))
        _ = line.handle(.line(.ringBegin), at: .seconds(2))
        #expect(line.handle(.line(.ringDetected), at: .seconds(3)) == [.report(.ringing(count: 1)), .report(.incomingCall(nil))])
        #expect(line.lastRingDuration == .seconds(1))
    }

    @Test func aSingleRingWithoutAReportedCallIsForgottenQuietly() {
        var line = FXOPort(configuration: .init(ringCadence: .china))
        _ = line.handle(.line(.ringDetected), at: .zero)
        #expect(line.advance(to: .seconds(6)).isEmpty)
        #expect(line.state == .idle)
    }

    @Test func callerIDBeforeTheFirstRing() {
        var line = FXOPort(configuration: .init(ringCadence: .china, callerID: .beforeFirstRing))
        #expect(line.wantsCallerIDAudio)
        let cid = CallerID(number: "8001")
        _ = line.handle(.line(.polarityReversal), at: .zero)     // ETSI alerting; not a call yet
        #expect(line.handle(.callerID(cid), at: ms(300)) == [.report(.callerID(cid))])
        #expect(line.handle(.line(.ringDetected), at: ms(1500)) == [.report(.ringing(count: 1)), .report(.incomingCall(cid))])
    }

    @Test func callerIDThatNoRingFollowsExpires() {
        var line = FXOPort(configuration: .init(ringCadence: .china, callerID: .beforeFirstRing))
        _ = line.handle(.callerID(CallerID(number: "8001")), at: .zero)
        _ = line.advance(to: .seconds(7))
        #expect(line.callerID == nil)
        #expect(line.handle(.line(.ringDetected), at: .seconds(60)) == [.report(.ringing(count: 1)), .report(.incomingCall(nil))])
    }
}

/// Every disconnect method, enabled and disabled, in an answered incoming call.
@Suite("FXOPort: disconnect supervision")
struct FXOPortDisconnectTests {
    enum Method: String, CaseIterable, Sendable { case loopCurrentDrop, polarityReversal, busyTone, congestionTone }

    private func input(_ method: Method) -> FXOPort.Input {
        switch method {
        case .loopCurrentDrop: .line(.loopCurrentDrop)
        case .polarityReversal: .line(.polarityReversal)
        case .busyTone: .toneDetected(.busy)
        case .congestionTone: .toneDetected(.congestion)
        }
    }

    private func expected(_ method: Method) -> FXOPort.DisconnectMethod {
        switch method {
        case .loopCurrentDrop: .loopCurrentDrop
        case .polarityReversal: .polarityReversal
        case .busyTone: .tone(.busy)
        case .congestionTone: .tone(.congestion)
        }
    }

    private func supervision(only method: Method?) -> FXOPort.DisconnectSupervision {
        FXOPort.DisconnectSupervision(
            loopCurrentDrop: method == .loopCurrentDrop,
            polarityReversal: method == .polarityReversal,
            tones: method == .busyTone ? [.busy] : method == .congestionTone ? [.congestion] : [])
    }

    private func answeredLine(_ supervision: FXOPort.DisconnectSupervision) -> FXOPort {
        var line = FXOPort(configuration: .init(callerID: .none, disconnect: supervision))
        _ = line.handle(.line(.ringDetected), at: .zero)
        _ = line.handle(.answer, at: ms(100))
        return line
    }

    @Test(arguments: Method.allCases)
    func enabledMethodEndsTheCall(method: Method) {
        var line = answeredLine(supervision(only: method))
        #expect(line.wantsCallProgressAudio == (method == .busyTone || method == .congestionTone))
        let actions = line.handle(input(method), at: .seconds(30))
        #expect(actions == [.report(.farEndDisconnected(expected(method))), .setHook(.onHook)])
        #expect(line.state == .onHookGuard)
        #expect(line.advance(to: .seconds(30) + ms(500)).isEmpty)
        #expect(line.state == .idle)
    }

    @Test(arguments: Method.allCases)
    func disabledMethodIsIgnored(method: Method) {
        var line = answeredLine(supervision(only: nil))
        #expect(line.handle(input(method), at: .seconds(30)).isEmpty)
        #expect(line.state == .connected)
    }

    @Test func polarityReversalRightAfterAnswerIsNotAHangUp() {
        var line = answeredLine(supervision(only: .polarityReversal))
        #expect(line.handle(.line(.polarityReversal), at: ms(400)).isEmpty)   // 300 ms after answer
        #expect(line.state == .connected)
        #expect(line.handle(.line(.polarityReversal), at: ms(800)) == [.report(.farEndDisconnected(.polarityReversal)), .setHook(.onHook)])
    }

    @Test func disconnectMethodsDescribeThemselves() {
        #expect(FXOPort.DisconnectMethod.loopCurrentDrop.description == "loop-current drop")
        #expect(FXOPort.DisconnectMethod.tone(.busy).description == "busy tone")
    }
}

@Suite("FXOPort: outgoing calls")
struct FXOPortOutgoingTests {
    @Test func waitsForDialToneThenDials() {
        var line = FXOPort()
        #expect(line.handle(.dial("5550123"), at: .zero) == [.setHook(.offHook)])
        #expect(line.state == .waitingForDialTone)
        #expect(line.wantsCallProgressAudio)
        #expect(line.handle(.toneDetected(.busy), at: ms(200)).isEmpty)       // not dial tone
        #expect(line.handle(.toneDetected(.dial), at: ms(400)) == [.sendDigits("5550123"), .report(.dialling("5550123"))])
        #expect(line.state == .dialling("5550123"))
        #expect(line.handle(.digitsSent, at: ms(1500)) == [.report(.connected)])
        #expect(line.state == .connected)
        #expect(line.handle(.hangUp, at: .seconds(60)) == [.setHook(.onHook)])
        #expect(line.state == .onHookGuard)
    }

    @Test func noDialToneFailsTheCall() {
        var line = FXOPort(configuration: .init(dialToneTimeout: .seconds(3)))
        _ = line.handle(.dial("1"), at: .zero)
        #expect(line.advance(to: ms(2999)).isEmpty)
        #expect(line.advance(to: .seconds(3)) == [.report(.outgoingFailed(.noDialTone)), .setHook(.onHook)])
    }

    @Test func blindDiallingAfterTheTimeout() {
        var line = FXOPort(configuration: .init(dialToneTimeout: ms(800), dialWithoutDialTone: true))
        _ = line.handle(.dial("10086"), at: .zero)
        #expect(line.advance(to: ms(800)) == [.sendDigits("10086"), .report(.dialling("10086"))])
    }

    @Test func answerSignalledByPolarityReversalThenDisconnectByTheNextOne() {
        var line = FXOPort(configuration: .init(answerOnPolarityReversal: true,
                                                disconnect: .init(loopCurrentDrop: true, polarityReversal: true)))
        _ = line.handle(.dial("123"), at: .zero)
        _ = line.handle(.toneDetected(.dial), at: ms(300))
        #expect(line.handle(.digitsSent, at: ms(900)).isEmpty)
        #expect(line.state == .outgoingCall)
        #expect(line.handle(.line(.polarityReversal), at: .seconds(8)) == [.report(.connected)])
        #expect(line.state == .connected)
        #expect(line.handle(.line(.polarityReversal), at: .seconds(90)) == [.report(.farEndDisconnected(.polarityReversal)), .setHook(.onHook)])
    }

    @Test func busyToneOnAnOutgoingCallEndsIt() {
        var line = FXOPort(configuration: .init(answerOnPolarityReversal: true, disconnect: .init(tones: [.busy, .congestion])))
        _ = line.handle(.dial("123"), at: .zero)
        _ = line.handle(.toneDetected(.dial), at: ms(300))
        _ = line.handle(.digitsSent, at: ms(900))
        #expect(line.handle(.toneDetected(.ringback), at: .seconds(2)).isEmpty)
        #expect(line.handle(.toneDetected(.busy), at: .seconds(3)) == [.report(.farEndDisconnected(.tone(.busy))), .setHook(.onHook)])
    }

    @Test func badNumbersAndBusyLinesAreRefused() {
        var line = FXOPort()
        #expect(line.handle(.dial("12x"), at: .zero) == [.report(.outgoingFailed(.invalidNumber("12x")))])
        #expect(line.handle(.dial(""), at: .zero) == [.report(.outgoingFailed(.invalidNumber("")))])
        #expect(line.state == .idle)
        _ = line.handle(.line(.ringDetected), at: .seconds(1))
        #expect(line.handle(.dial("1"), at: .seconds(2)) == [.report(.outgoingFailed(.lineBusy))])
    }

    @Test func glareWhileSeizingFailsTheOutgoingCall() {
        var line = FXOPort()
        _ = line.handle(.dial("1"), at: .zero)
        #expect(line.handle(.line(.ringDetected), at: ms(100)) == [.report(.outgoingFailed(.lineBusy))])
    }

    @Test func dialDuringTheOnHookGuardWaitsForIt() {
        var line = FXOPort(configuration: .init(onHookGuard: ms(500)))
        _ = line.handle(.dial("1"), at: .zero)
        _ = line.handle(.toneDetected(.dial), at: ms(100))
        _ = line.handle(.hangUp, at: ms(200))
        #expect(line.handle(.dial("2"), at: ms(300)).isEmpty)
        #expect(line.advance(to: ms(700)) == [.setHook(.offHook)])
        #expect(line.state == .waitingForDialTone)
    }

    @Test func flashOnlyInACall() {
        var line = FXOPort()
        #expect(line.handle(.flash, at: .zero).isEmpty)
        _ = line.handle(.dial("1"), at: .zero)
        _ = line.handle(.toneDetected(.dial), at: ms(100))
        _ = line.handle(.digitsSent, at: ms(200))
        #expect(line.handle(.flash, at: ms(300)) == [.setHook(.flash)])
    }
}
