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
    /// The port's states, named for what the subscriber hears or does.
    public enum State: Hashable, Sendable, CustomStringConvertible {
        /// On hook, no call.
        case idle
        /// Off hook, hearing dial tone, no digit yet.
        case dialTone
        /// Dialling; the digits so far.
        case collectingDigits(String)
        /// A complete number was reported; waiting for the call engine.
        case awaitingConnection(String)
        /// The called party is ringing; the phone hears ringback.
        case ringback
        /// The phone is being rung (ringer on or in a silent step).
        case ringing
        /// In a call.
        case connected
        /// Hearing busy tone (the far end was busy or hung up).
        case busy
        /// Hearing congestion tone (the call failed, or dialling timed out).
        case congestion
        /// Left off hook too long: receiver off-hook tone.
        case howler
        /// Still off hook after the howler: silent until the phone is hung up (lockout).
        case lockout

        public var description: String {
            switch self {
            case .idle: "idle"
            case .dialTone: "dial tone"
            case .collectingDigits(let d): "collecting digits '\(d)'"
            case .awaitingConnection(let n): "awaiting connection to '\(n)'"
            case .ringback: "ringback"
            case .ringing: "ringing"
            case .connected: "connected"
            case .busy: "busy tone"
            case .congestion: "congestion tone"
            case .howler: "howler"
            case .lockout: "lockout"
            }
        }
    }

    /// Something the port or the call engine tells the machine.
    public enum Input: Hashable, Sendable {
        /// The hook switch as the port reads it now (raw, undebounced).
        case hook(HookState)
        /// A hook flash the card already recognised (`DAHDI_EVENT_WINKFLASH`).
        case flash
        /// A digit: DTMF from the receiver or the card, or a pulse-dialled digit.
        case digit(Character)
        /// Call engine: ring the phone, sending `callerID` if given.
        case ring(CallerID?)
        /// Call engine: stop ringing (the caller gave up, or another agent answered).
        case stopRinging
        /// Call engine: the called party is ringing.
        case farEndRinging
        /// Call engine: the called party answered.
        case farEndAnswered
        /// Call engine: the called party is busy.
        case farEndBusy
        /// Call engine: the call could not be completed.
        case callFailed
        /// Call engine: the other party hung up.
        case farEndDisconnected
        /// Call engine: give (stutter) dial tone for a second call, e.g. after a flash.
        case playDialTone

        /// Maps a line event of an FXS port to an input; `nil` for events the machine ignores.
        public init?(_ event: LineEvent) {
            switch event {
            case .offHook: self = .hook(.offHook)
            case .onHook: self = .hook(.onHook)
            case .flash: self = .flash
            case .dtmfDown(let d), .pulseDigit(let d): self = .digit(d)
            default: return nil
            }
        }
    }

    /// What the owner must do.
    public enum Action: Hashable, Sendable {
        /// Play a tone to the phone (replacing any tone playing).
        case playTone(PortTone)
        /// Stop the tone.
        case stopTone
        /// Apply ringing voltage (`DAHDI_RING` step on).
        case ringerOn
        /// Remove ringing voltage.
        case ringerOff
        /// Send caller ID to the phone now (FSK or DTMF, by the port's settings).
        case sendCallerID(CallerID)
        /// Tell the call engine.
        case report(Event)
    }

    /// What the call engine learns.
    public enum Event: Hashable, Sendable {
        /// The phone went off hook to make a call (dial tone given).
        case offHook
        /// A digit was dialled (also during a call).
        case digit(Character)
        /// The number is complete (terminator, length, or inter-digit timeout).
        case dialled(String)
        /// The ringing phone was answered.
        case answered
        /// A hook flash during a call.
        case flash
        /// The phone hung up.
        case hungUp
        /// Off hook without dialling until the first-digit timeout.
        case dialTimeout
    }

    /// When caller ID goes to the phone.
    public enum CallerIDTiming: Hashable, Sendable {
        /// Not sent.
        case none
        /// In the first silent interval, `delay` after the first ring ends (Bellcore GR-30,
        /// China YD/T 1401, ETSI ring-alerted).
        case afterFirstRing(delay: Duration)
        /// Before the first ring, which starts `leadTime` later (ETSI EN 300 659-1 DT-AS / DTMF).
        case beforeFirstRing(leadTime: Duration)
    }

    /// Per-port settings, as chan_dahdi's per-channel options.
    public struct Configuration: Hashable, Sendable {
        /// The zone's ringing cadence.
        public var ringCadence: RingCadence
        /// When caller ID is sent.
        public var callerID: CallerIDTiming
        /// How long an off-hook must last to count.
        public var hookDebounce: Duration
        /// On-hooks shorter than this are bounces.
        public var flashMinimum: Duration
        /// On-hooks up to this long are flashes; longer ones hang up (DAHDI `rxflashtime`).
        public var flashMaximum: Duration
        /// Dial tone without a digit for this long ends dialling (chan_dahdi `firstdigittimeout`).
        public var firstDigitTimeout: Duration
        /// A pause this long after a digit completes the number (`gendigittimeout`).
        public var interDigitTimeout: Duration
        /// A number this long is complete.
        public var maximumDigits: Int
        /// A digit that completes the number and is not part of it.
        public var terminator: Character?
        /// Busy or congestion tone this long turns into the howler.
        public var offHookWarningDelay: Duration
        /// The howler this long turns into silence (lockout).
        public var howlerDuration: Duration
        /// The tone heard when the other party hangs up: `.busy` or `.congestion`.
        public var toneAfterFarEndDisconnect: PortTone

        public init(ringCadence: RingCadence = .northAmerica,
                    callerID: CallerIDTiming = .afterFirstRing(delay: .milliseconds(500)),
                    hookDebounce: Duration = .milliseconds(30), flashMinimum: Duration = .milliseconds(80),
                    flashMaximum: Duration = .milliseconds(1250), firstDigitTimeout: Duration = .seconds(16),
                    interDigitTimeout: Duration = .seconds(8), maximumDigits: Int = 20,
                    terminator: Character? = "#", offHookWarningDelay: Duration = .seconds(30),
                    howlerDuration: Duration = .seconds(60), toneAfterFarEndDisconnect: PortTone = .busy) {
            self.ringCadence = ringCadence
            self.callerID = callerID
            self.hookDebounce = hookDebounce
            self.flashMinimum = flashMinimum
            self.flashMaximum = flashMaximum
            self.firstDigitTimeout = firstDigitTimeout
            self.interDigitTimeout = interDigitTimeout
            self.maximumDigits = maximumDigits
            self.terminator = terminator
            self.offHookWarningDelay = offHookWarningDelay
            self.howlerDuration = howlerDuration
            self.toneAfterFarEndDisconnect = toneAfterFarEndDisconnect
        }
    }

    public let configuration: Configuration
    /// The current state.
    public private(set) var state: State = .idle
    /// The hook state after debouncing.
    public private(set) var hookState: HookState = .onHook

    // Raw hook tracking.
    private var rawHook: HookState = .onHook
    private var rawChangedAt: Duration = .zero
    private var hookDeadline: Duration?
    // The state's own timer (digit timeouts, tone escalation, ring cadence).
    private var stateDeadline: Duration?
    // Ringing.
    private var cadenceStep = 0
    private var ringerIsOn = false
    private var pendingCallerID: CallerID?
    private var callerIDDeadline: Duration?

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

    private var isPlacingCall: Bool {
        switch state {
        case .awaitingConnection, .ringback: true
        default: false
        }
    }

    // MARK: Hook

    private mutating func rawHookChanged(to raw: HookState, at now: Duration) -> [Action] {
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

    private mutating func hookTimerFired(at now: Duration) -> [Action] {
        guard rawHook != hookState else { return [] }
        return hookConfirmed(rawHook, at: now)
    }

    private mutating func hookConfirmed(_ hook: HookState, at now: Duration) -> [Action] {
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

    private mutating func flashed(at now: Duration) -> [Action] {
        switch state {
        case .connected, .ringback, .awaitingConnection: [.report(.flash)]
        default: []
        }
    }

    // MARK: Digits

    private mutating func digit(_ d: Character, at now: Duration) -> [Action] {
        switch state {
        case .dialTone:
            state = .collectingDigits("")
            return [.stopTone] + collect(d, after: "", at: now)
        case .collectingDigits(let sofar):
            return collect(d, after: sofar, at: now)
        case .connected:
            return [.report(.digit(d))]
        default:
            return []
        }
    }

    private mutating func collect(_ d: Character, after sofar: String, at now: Duration) -> [Action] {
        if d == configuration.terminator {
            return numberComplete(sofar)
        }
        let digits = sofar + String(d)
        if digits.count >= configuration.maximumDigits {
            return [.report(.digit(d))] + numberComplete(digits)
        }
        state = .collectingDigits(digits)
        stateDeadline = now + configuration.interDigitTimeout
        return [.report(.digit(d))]
    }

    private mutating func numberComplete(_ number: String) -> [Action] {
        state = .awaitingConnection(number)
        stateDeadline = nil
        return [.report(.dialled(number))]
    }

    // MARK: Ringing

    private mutating func ring(_ callerID: CallerID?, at now: Duration) -> [Action] {
        guard state == .idle, hookState == .onHook else { return [] }
        state = .ringing
        cadenceStep = 0
        switch (configuration.callerID, callerID) {
        case (.beforeFirstRing(let lead), let callerID?):
            // Caller ID first, then the cadence from its first step.
            cadenceStep = -1
            stateDeadline = now + lead
            return [.sendCallerID(callerID)]
        case (.afterFirstRing, let callerID?):
            pendingCallerID = callerID
        default:
            break
        }
        ringerIsOn = true
        stateDeadline = now + configuration.ringCadence.steps[0]
        return [.ringerOn]
    }

    private mutating func stopRinging() -> [Action] {
        let wasOn = ringerIsOn
        ringerIsOn = false
        pendingCallerID = nil
        callerIDDeadline = nil
        stateDeadline = nil
        return wasOn ? [.ringerOff] : []
    }

    /// Moves to the next cadence step.
    private mutating func nextRingStep(at now: Duration) -> [Action] {
        let steps = configuration.ringCadence.steps
        cadenceStep = (cadenceStep + 1) % steps.count
        stateDeadline = now + steps[cadenceStep]
        ringerIsOn = cadenceStep % 2 == 0
        if !ringerIsOn, pendingCallerID != nil, case .afterFirstRing(let delay) = configuration.callerID {
            callerIDDeadline = now + delay
        }
        return [ringerIsOn ? .ringerOn : .ringerOff]
    }

    // MARK: State timers

    private mutating func stateTimerFired(at now: Duration) -> [Action] {
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

    private mutating func startWarningTone(_ tone: PortTone, at now: Duration) -> [Action] {
        state = tone == .congestion ? .congestion : .busy
        stateDeadline = now + configuration.offHookWarningDelay
        return [.playTone(tone == .congestion ? .congestion : .busy)]
    }
}
