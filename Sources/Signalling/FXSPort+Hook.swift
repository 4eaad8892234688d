import TelephonyCore

/// Hook debounce and flash timing (DAHDI's analog rules), and what a confirmed hook change does.
extension FXSPort {
    mutating func rawHookChanged(to raw: HookState, at now: Duration) -> [Action] {
        guard raw != rawHook else { return [] }
        let previousChange = rawChangedAt
        rawHook = raw
        rawChangedAt = now
        switch (raw, hookState) {
        case (.offHook, .onHook):
            guard configuration.hookDebounce > .zero else { return hookConfirmed(.offHook, at: now) }
            hookDeadline = now + configuration.hookDebounce
        case (.onHook, .onHook):
            hookDeadline = nil                              // an off-hook bounce
        case (.onHook, .offHook):
            guard configuration.flashMaximum > .zero else { return hookConfirmed(.onHook, at: now) }
            hookDeadline = now + configuration.flashMaximum
        case (.offHook, .offHook):
            // Back off hook before the hang-up was confirmed: a bounce or a flash.
            hookDeadline = nil
            if now - previousChange >= configuration.flashMinimum { return flashed(at: now) }
        }
        return []
    }

    mutating func hookTimerFired(at now: Duration) -> [Action] {
        guard rawHook != hookState else { return [] }
        return hookConfirmed(rawHook, at: now)
    }

    mutating func hookConfirmed(_ hook: HookState, at now: Duration) -> [Action] {
        hookState = hook
        switch hook {
        case .offHook:
            switch state {
            case .idle:
                state = .dialTone
                stateDeadline = now + configuration.firstDigitTimeout
                return [.playTone(.dial), .report(.offHook)]
            case .ringing:
                let actions = stopRinging()
                state = .connected
                return actions + [.report(.answered)]
            default:
                return []
            }
        case .onHook:
            let hadTone: Bool = switch state {
            case .dialTone, .ringback, .busy, .congestion, .howler: true
            default: false
            }
            state = .idle
            stateDeadline = nil
            return (hadTone ? [.stopTone] : []) + [.report(.hungUp)]
        }
    }

    mutating func flashed(at now: Duration) -> [Action] {
        switch state {
        case .connected, .ringback, .awaitingConnection: [.report(.flash)]
        default: []
        }
    }
}
