import Signalling
import TelephonyCore
import Testing

private func ms(_ v: Int) -> Duration { .milliseconds(v) }

/// Brings a port off hook at `t` and through the debounce; returns the time it is confirmed.
private func liftHandset(_ port: inout FXSPort, at t: Duration) -> Duration {
    _ = port.handle(.hook(.offHook), at: t)
    let confirmed = t + port.configuration.hookDebounce
    _ = port.advance(to: confirmed)
    return confirmed
}

@Suite("FXSPort: hook, dial tone and digits")
struct FXSPortHookTests {
    @Test func offHookIsDebouncedThenGivesDialTone() {
        var port = FXSPort()
        #expect(port.handle(.hook(.offHook), at: ms(0)).isEmpty)
        #expect(port.nextDeadline == ms(30))
        #expect(port.advance(to: ms(29)).isEmpty)
        #expect(port.advance(to: ms(30)) == [.playTone(.dial), .report(.offHook)])
        #expect(port.state == .dialTone)
        #expect(port.hookState == .offHook)
        #expect(port.description == "FXS dial tone")
    }

    @Test func offHookBounceShorterThanDebounceIsIgnored() {
        var port = FXSPort()
        _ = port.handle(.hook(.offHook), at: ms(0))
        #expect(port.handle(.hook(.onHook), at: ms(10)).isEmpty)
        #expect(port.advance(to: ms(500)).isEmpty)
        #expect(port.state == .idle)
        #expect(port.nextDeadline == nil)
    }

    @Test func lineEventsMapToInputs() {
        #expect(FXSPort.Input(LineEvent.offHook) == .hook(.offHook))
        #expect(FXSPort.Input(LineEvent.onHook) == .hook(.onHook))
        #expect(FXSPort.Input(LineEvent.flash) == .flash)
        #expect(FXSPort.Input(LineEvent.dtmfDown("7")) == .digit("7"))
        #expect(FXSPort.Input(LineEvent.pulseDigit("3")) == .digit("3"))
        #expect(FXSPort.Input(LineEvent.ringerOn) == nil)
    }

    @Test func digitsEndWithTerminator() {
        var port = FXSPort()
        let t = liftHandset(&port, at: .zero)
        #expect(port.handle(.digit("8"), at: t + ms(1000)) == [.stopTone, .report(.digit("8"))])
        #expect(port.handle(.digit("0"), at: t + ms(1200)) == [.report(.digit("0"))])
        #expect(port.state == .collectingDigits("80"))
        #expect(port.handle(.digit("#"), at: t + ms(1400)) == [.report(.dialled("80"))])
        #expect(port.state == .awaitingConnection("80"))
        #expect(port.nextDeadline == nil)
    }

    @Test func digitsEndAfterInterDigitTimeout() {
        var port = FXSPort(configuration: .init(interDigitTimeout: .seconds(4)))
        let t = liftHandset(&port, at: .zero)
        _ = port.handle(.digit("1"), at: t + ms(500))
        _ = port.handle(.digit("2"), at: t + ms(900))
        #expect(port.advance(to: t + ms(4899)).isEmpty)
        #expect(port.advance(to: t + ms(4900)) == [.report(.dialled("12"))])
    }

    @Test func digitsEndAtMaximumLength() {
        var port = FXSPort(configuration: .init(maximumDigits: 3, terminator: nil))
        let t = liftHandset(&port, at: .zero)
        _ = port.handle(.digit("1"), at: t)
        _ = port.handle(.digit("#"), at: t)
        #expect(port.handle(.digit("3"), at: t) == [.report(.digit("3")), .report(.dialled("1#3"))])
    }

    @Test func phoneLeftOffHookGetsCongestionThenHowlerThenLockout() {
        var port = FXSPort(configuration: .init(firstDigitTimeout: .seconds(10), offHookWarningDelay: .seconds(20),
                                                howlerDuration: .seconds(30)))
        let t = liftHandset(&port, at: .zero)
        #expect(port.advance(to: t + .seconds(10)) == [.report(.dialTimeout), .playTone(.congestion)])
        #expect(port.state == .congestion)
        #expect(port.advance(to: t + .seconds(30)) == [.playTone(.howler)])
        #expect(port.state == .howler)
        #expect(port.advance(to: t + .seconds(60)) == [.stopTone])
        #expect(port.state == .lockout)
        // Hanging up at last: after the flash window it counts, and the port is idle again.
        _ = port.handle(.hook(.onHook), at: t + .seconds(100))
        #expect(port.advance(to: t + .seconds(100) + ms(1250)) == [.report(.hungUp)])
        #expect(port.state == .idle)
    }

    @Test func onHookShorterThanFlashMinimumIsABounce() {
        var port = connectedPort()
        #expect(port.handle(.hook(.onHook), at: .seconds(10)).isEmpty)
        #expect(port.handle(.hook(.offHook), at: .seconds(10) + ms(50)).isEmpty)
        #expect(port.advance(to: .seconds(20)).isEmpty)
        #expect(port.state == .connected)
    }

    @Test func onHookWithinFlashWindowIsAFlash() {
        var port = connectedPort()
        _ = port.handle(.hook(.onHook), at: .seconds(10))
        #expect(port.handle(.hook(.offHook), at: .seconds(10) + ms(400)) == [.report(.flash)])
        #expect(port.state == .connected)
        // The card may recognise the flash itself.
        #expect(port.handle(.flash, at: .seconds(11)) == [.report(.flash)])
        // After a flash the engine may give stutter dial tone for a second call.
        #expect(port.handle(.playDialTone, at: .seconds(12)) == [.playTone(.stutterDial)])
        #expect(port.state == .dialTone)
    }

    @Test func onHookLongerThanFlashMaximumHangsUp() {
        var port = connectedPort()
        _ = port.handle(.hook(.onHook), at: .seconds(10))
        #expect(port.advance(to: .seconds(10) + ms(1249)).isEmpty)
        #expect(port.advance(to: .seconds(10) + ms(1250)) == [.report(.hungUp)])
        #expect(port.state == .idle)
        // Coming back off hook later is a new call, not a flash.
        _ = port.handle(.hook(.offHook), at: .seconds(12))
        #expect(port.advance(to: .seconds(13)) == [.playTone(.dial), .report(.offHook)])
    }

    @Test func dtmfDuringCallIsReported() {
        var port = connectedPort()
        #expect(port.handle(.digit("5"), at: .seconds(3)) == [.report(.digit("5"))])
    }
}

/// A port in a call (dialled 1, the far end answered at 2 s).
private func connectedPort() -> FXSPort {
    var port = FXSPort()
    let t = liftHandset(&port, at: .zero)
    _ = port.handle(.digit("1"), at: t + ms(100))
    _ = port.handle(.digit("#"), at: t + ms(200))
    _ = port.handle(.farEndAnswered, at: .seconds(2))
    return port
}

@Suite("FXSPort: calls out and in")
struct FXSPortCallTests {
    @Test func outgoingCallHearsRingbackThenTalksThenFarEndHangsUp() {
        var port = FXSPort()
        let t = liftHandset(&port, at: .zero)
        _ = port.handle(.digit("2"), at: t + ms(100))
        _ = port.handle(.digit("#"), at: t + ms(200))
        #expect(port.handle(.farEndRinging, at: .seconds(1)) == [.playTone(.ringback)])
        #expect(port.state == .ringback)
        #expect(port.handle(.farEndAnswered, at: .seconds(5)) == [.stopTone])
        #expect(port.state == .connected)
        #expect(port.handle(.farEndDisconnected, at: .seconds(60)) == [.openLoop, .playTone(.busy)])
        #expect(port.state == .busy)
        _ = port.handle(.hook(.onHook), at: .seconds(62))
        #expect(port.advance(to: .seconds(64)) == [.stopTone, .report(.hungUp)])
    }

    @Test(arguments: [(FXSPort.Input.farEndBusy, PortTone.busy, FXSPort.State.busy),
                      (.callFailed, .congestion, .congestion)])
    func failedCallsGetTheirTone(input: FXSPort.Input, tone: PortTone, state: FXSPort.State) {
        var port = FXSPort()
        let t = liftHandset(&port, at: .zero)
        _ = port.handle(.digit("9"), at: t)
        _ = port.handle(.digit("#"), at: t)
        #expect(port.handle(input, at: t + .seconds(1)) == [.playTone(tone)])
        #expect(port.state == state)
        #expect(port.advance(to: t + .seconds(31)) == [.playTone(.howler)])
    }

    @Test func farEndDisconnectToneIsConfigurable() {
        var port = FXSPort(configuration: .init(toneAfterFarEndDisconnect: .congestion, signalsDisconnect: false))
        let t = liftHandset(&port, at: .zero)
        _ = port.handle(.digit("#"), at: t)
        _ = port.handle(.farEndAnswered, at: t)
        #expect(port.handle(.farEndDisconnected, at: t + .seconds(9)) == [.playTone(.congestion)])
    }

    @Test func ringingFollowsTheZoneCadenceWithCallerIDAfterTheFirstRing() {
        var port = FXSPort(configuration: .init(ringCadence: .china, callerID: .afterFirstRing(delay: ms(500))))
        let cid = CallerID(number: "13912345678", name: "ZHANG", dateTime: "11231500")
        #expect(port.handle(.ring(cid), at: .zero) == [.ringerOn])
        #expect(port.description == "FXS ringing (ringer on)")
        #expect(port.advance(to: ms(999)).isEmpty)
        #expect(port.advance(to: ms(1000)) == [.ringerOff])
        #expect(port.advance(to: ms(1499)).isEmpty)
        #expect(port.advance(to: ms(1500)) == [.sendCallerID(cid)])
        #expect(port.advance(to: ms(5000)) == [.ringerOn])
        #expect(port.advance(to: ms(6000)) == [.ringerOff])
        // Caller ID goes out once, not after every ring.
        #expect(port.advance(to: ms(10_000)) == [.ringerOn])
        // Answered while the ringer is on: ring trip.
        _ = port.handle(.hook(.offHook), at: ms(10_300))
        #expect(port.advance(to: ms(10_330)) == [.ringerOff, .report(.answered)])
        #expect(port.state == .connected)
        #expect(port.nextDeadline == nil)
    }

    @Test func answeredInTheSilentStepNeedsNoRingerOff() {
        var port = FXSPort(configuration: .init(ringCadence: .northAmerica, callerID: .none))
        _ = port.handle(.ring(CallerID(number: "1")), at: .zero)
        _ = port.advance(to: .seconds(2))                       // ringer off
        _ = port.handle(.hook(.offHook), at: .seconds(3))
        #expect(port.advance(to: .seconds(4)) == [.report(.answered)])
    }

    @Test func callerIDBeforeTheFirstRing() {
        var port = FXSPort(configuration: .init(ringCadence: .china, callerID: .beforeFirstRing(leadTime: ms(1500))))
        let cid = CallerID(number: nil, numberAbsence: .private)
        #expect(port.handle(.ring(cid), at: .zero) == [.sendCallerID(cid)])
        #expect(!port.isRingerOn)
        #expect(port.advance(to: ms(1500)) == [.ringerOn])
        #expect(port.advance(to: ms(2500)) == [.ringerOff])
        #expect(port.advance(to: ms(6500)) == [.ringerOn])
    }

    @Test func stopRingingBeforeCallerIDSendsNone() {
        var port = FXSPort(configuration: .init(ringCadence: .china))
        _ = port.handle(.ring(CallerID(number: "2")), at: .zero)
        _ = port.advance(to: ms(1000))
        #expect(port.handle(.stopRinging, at: ms(1200)) == [])
        #expect(port.state == .idle)
        #expect(port.advance(to: .seconds(20)).isEmpty)
        // Stopped while the ringer is on: it is switched off.
        _ = port.handle(.ring(nil), at: .seconds(30))
        #expect(port.handle(.stopRinging, at: .seconds(30) + ms(100)) == [.ringerOff])
    }

    @Test func ringIsRefusedWhenThePhoneIsOffHook() {
        var port = FXSPort()
        _ = liftHandset(&port, at: .zero)
        #expect(port.handle(.ring(nil), at: .seconds(1)).isEmpty)
        #expect(port.state == .dialTone)
    }

    @Test func statesDescribeThemselves() {
        #expect(FXSPort.State.collectingDigits("12").description == "collecting digits '12'")
        #expect(FXSPort.State.awaitingConnection("80").description == "awaiting connection to '80'")
        #expect(FXSPort.State.howler.description == "howler")
        #expect(CallerID(number: "1", name: "A").description == "1 \"A\"")
        #expect(CallerID(numberAbsence: .private).description == "(private)")
    }
}
