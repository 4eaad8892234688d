import TelephonyCore

extension FXSPort {
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
        /// Remove loop current briefly (a kewlstart disconnect: `DAHDI_ONHOOK` on an FXS port),
        /// which tells answering machines, faxes and some phones that the other party hung up.
        case openLoop
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
        /// Whether the other party's hang-up is also signalled electrically (`.openLoop`), as
        /// chan_dahdi does on kewlstart (`fxoks`) ports.
        public var signalsDisconnect: Bool

        public init(ringCadence: RingCadence = .northAmerica,
                    callerID: CallerIDTiming = .afterFirstRing(delay: .milliseconds(500)),
                    hookDebounce: Duration = .milliseconds(30), flashMinimum: Duration = .milliseconds(80),
                    flashMaximum: Duration = .milliseconds(1250), firstDigitTimeout: Duration = .seconds(16),
                    interDigitTimeout: Duration = .seconds(8), maximumDigits: Int = 20,
                    terminator: Character? = "#", offHookWarningDelay: Duration = .seconds(30),
                    howlerDuration: Duration = .seconds(60), toneAfterFarEndDisconnect: PortTone = .busy,
                    signalsDisconnect: Bool = true) {
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
            self.signalsDisconnect = signalsDisconnect
        }
    }
}
