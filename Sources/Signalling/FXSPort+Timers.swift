/// The state's own timer: digit timeouts, cadence steps, busy/congestion to howler to lockout.
extension FXSPort {
    var isPlacingCall: Bool {
        switch state {
        case .awaitingConnection, .ringback: true
        default: false
        }
    }

    mutating func stateTimerFired(at now: Duration) -> [Action] {
        switch state {
        case .ringing:
            return nextRingStep(at: now)
        case .dialTone:
            return [.report(.dialTimeout)] + startWarningTone(.congestion, at: now)
        case .collectingDigits(let digits):
            return numberComplete(digits)
        case .busy, .congestion:
            state = .howler
            stateDeadline = now + configuration.howlerDuration
            return [.playTone(.howler)]
        case .howler:
            state = .lockout
            return [.stopTone]
        default:
            return []
        }
    }

    mutating func startWarningTone(_ tone: PortTone, at now: Duration) -> [Action] {
        state = tone == .congestion ? .congestion : .busy
        stateDeadline = now + configuration.offHookWarningDelay
        return [.playTone(tone == .congestion ? .congestion : .busy)]
    }
}
