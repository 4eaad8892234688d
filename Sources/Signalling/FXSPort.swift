import TelephonyCore

/// The signalling of an FXS port, where an agent's analog phone plugs in: a sans-I/O state
/// machine.
///
/// It takes the port's raw hook transitions, digits, and the call engine's requests, each with
/// the current time on the card's clock, and returns the actions the owner carries out (tones,
/// ringer on/off, caller ID, events for the call engine). It does no I/O and reads no clock:
/// the owner calls ``handle(_:at:)`` for every input and ``advance(to:)`` when ``nextDeadline``
/// has passed (at the latest every 20 ms frame), as libpri's `pri_schedule_run` is driven.
///
/// ```swift
/// var port = FXSPort(configuration: .init(ringCadence: .china))
/// port.handle(.hook(.offHook), at: t)              // []   (debouncing)
/// port.advance(to: t + .milliseconds(40))          // [.playTone(.dial), .report(.offHook)]
/// port.handle(.digit("8"), at: …)                  // [.stopTone, .report(.digit("8"))]
/// ```
///
/// Hook handling follows DAHDI's analog rules: an off-hook counts once it has lasted
/// `hookDebounce`; an on-hook shorter than `flashMinimum` is a bounce, one up to
/// `flashMaximum` is a hook flash, and a longer one is a hang-up (DAHDI's `rxflashtime`).
public struct FXSPort: Sendable, CustomStringConvertible {
    /// The port's settings.
    public let configuration: Configuration
    /// The current state.
    public internal(set) var state: State = .idle
    /// The hook state after debouncing.
    public internal(set) var hookState: HookState = .onHook

    // Raw hook tracking.
    var rawHook: HookState = .onHook
    var rawChangedAt: Duration = .zero
    var hookDeadline: Duration?
    // The state's own timer (digit timeouts, tone escalation, ring cadence).
    var stateDeadline: Duration?
    // Ringing.
    var cadenceStep = 0
    var ringerIsOn = false
    var pendingCallerID: CallerID?
    var callerIDDeadline: Duration?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The earliest time at which ``advance(to:)`` has work, or `nil` when nothing is pending.
    public var nextDeadline: Duration? {
        [hookDeadline, stateDeadline, callerIDDeadline].compactMap { $0 }.min()
    }

    /// Whether the ringer is on now.
    public var isRingerOn: Bool { ringerIsOn }

    /// "FXS ringing (ringer on)".
    public var description: String {
        "FXS \(state)\(state == .ringing ? (ringerIsOn ? " (ringer on)" : " (ringer off)") : "")"
    }

    // MARK: Inputs

    /// Takes one input at time `now` and returns the actions to carry out, in order.
    public mutating func handle(_ input: Input, at now: Duration) -> [Action] {
        var actions = advance(to: now)
        switch input {
        case .hook(let raw): actions += rawHookChanged(to: raw, at: now)
        case .flash: actions += flashed(at: now)
        case .digit(let d): actions += digit(d, at: now)
        case .ring(let callerID): actions += ring(callerID, at: now)
        case .stopRinging:
            if state == .ringing { actions += stopRinging(); state = .idle }
        case .farEndRinging:
            if case .awaitingConnection = state {
                state = .ringback
                actions.append(.playTone(.ringback))
            }
        case .farEndAnswered:
            if case .awaitingConnection = state { state = .connected }
            else if state == .ringback { state = .connected; actions.append(.stopTone) }
        case .farEndBusy:
            if isPlacingCall { actions += startWarningTone(.busy, at: now) }
        case .callFailed:
            if isPlacingCall { actions += startWarningTone(.congestion, at: now) }
        case .farEndDisconnected:
            if isPlacingCall || state == .connected {
                if configuration.signalsDisconnect && state == .connected { actions.append(.openLoop) }
                actions += startWarningTone(configuration.toneAfterFarEndDisconnect, at: now)
            }
        case .playDialTone:
            if hookState == .offHook && state != .ringing {
                state = .dialTone
                stateDeadline = now + configuration.firstDigitTimeout
                actions.append(.playTone(.stutterDial))
            }
        }
        return actions
    }

    /// Runs the timers due at `now` (hook debounce, digit timeouts, cadence, tone escalation).
    public mutating func advance(to now: Duration) -> [Action] {
        var actions: [Action] = []
        while let due = nextDeadline, due <= now {
            if due == hookDeadline {
                hookDeadline = nil
                actions += hookTimerFired(at: due)
            } else if due == callerIDDeadline {
                callerIDDeadline = nil
                if let callerID = pendingCallerID, state == .ringing {
                    pendingCallerID = nil
                    actions.append(.sendCallerID(callerID))
                }
            } else {
                stateDeadline = nil
                actions += stateTimerFired(at: due)
            }
        }
        return actions
    }
}
