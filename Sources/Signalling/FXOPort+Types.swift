import TelephonyCore

extension FXOPort {
    /// The port's states.
    public enum State: Hashable, Sendable, CustomStringConvertible {
        /// On hook, line idle.
        case idle
        /// The line is ringing; rings counted so far.
        case ringing(count: Int)
        /// Off hook for an outgoing call, waiting for the exchange's dial tone.
        case waitingForDialTone
        /// Sending the number.
        case dialling(String)
        /// The number was sent; the far end has not been seen to answer.
        case outgoingCall
        /// In a call (answered incoming, or outgoing with answer seen or assumed).
        case connected
        /// Back on hook, resting before the line may be seized again.
        case onHookGuard

        public var description: String {
            switch self {
            case .idle: "idle"
            case .ringing(let n): "ringing (\(n) ring\(n == 1 ? "" : "s"))"
            case .waitingForDialTone: "waiting for dial tone"
            case .dialling(let n): "dialling '\(n)'"
            case .outgoingCall: "outgoing call"
            case .connected: "connected"
            case .onHookGuard: "on-hook guard"
            }
        }
    }

    /// Something the port, a detector, or the call engine tells the machine.
    public enum Input: Hashable, Sendable {
        /// A line event of the port (ring, loop-current drop, polarity reversal).
        case line(LineEvent)
        /// The call-progress detector recognised a tone.
        case toneDetected(DetectedTone)
        /// The caller-ID receiver decoded a message.
        case callerID(CallerID)
        /// Call engine: answer the ringing line.
        case answer
        /// Call engine: seize the line and dial `number` (0-9, *, #, A-D; `,` is a pause).
        case dial(String)
        /// The owner finished sending the digits of a `.sendDigits` action.
        case digitsSent
        /// Call engine: hang up.
        case hangUp
        /// Call engine: flash the hook (e.g. to transfer on the exchange).
        case flash
    }

    /// What the owner must do.
    public enum Action: Hashable, Sendable {
        /// Perform a hook operation on the port.
        case setHook(HookCommand)
        /// Send these digits as DTMF (`,` is a pause); answer with `.digitsSent` when done.
        case sendDigits(String)
        /// Tell the call engine.
        case report(Event)
    }

    /// How the far end's hang-up was recognised.
    public enum DisconnectMethod: Hashable, Sendable, CustomStringConvertible {
        /// The exchange removed loop current (kewlstart).
        case loopCurrentDrop
        /// Battery polarity reversed.
        case polarityReversal
        /// A busy or congestion tone was detected on the line.
        case tone(DetectedTone)

        public var description: String {
            switch self {
            case .loopCurrentDrop: "loop-current drop"
            case .polarityReversal: "polarity reversal"
            case .tone(let t): "\(t) tone"
            }
        }
    }

    /// Why an outgoing call did not connect.
    public enum Failure: Hashable, Sendable {
        /// No dial tone within the timeout (line dead or in use).
        case noDialTone
        /// The line rang in while idle, so it could not be seized.
        case lineBusy
        /// A number held characters DTMF cannot send.
        case invalidNumber(String)
    }

    /// What the call engine learns.
    public enum Event: Hashable, Sendable {
        /// A ring was detected; `count` rings so far.
        case ringing(count: Int)
        /// Caller ID arrived.
        case callerID(CallerID)
        /// An incoming call is ready to answer (after `ringsBeforeIncomingCall` rings).
        case incomingCall(CallerID?)
        /// The rings stopped before the call was answered.
        case callAbandoned
        /// Dial tone was heard and the number is being sent.
        case dialling(String)
        /// The outgoing call is up: answer seen (polarity), or assumed once the number was sent.
        case connected
        /// The outgoing call failed.
        case outgoingFailed(Failure)
        /// The far end hung up; the port has gone on hook.
        case farEndDisconnected(DisconnectMethod)
    }

    /// Which disconnect supervision a port trusts.
    public struct DisconnectSupervision: Hashable, Sendable {
        /// Loop-current drop longer than the card's debounce (chan_dahdi: kewlstart signalling).
        public var loopCurrentDrop: Bool
        /// Polarity reversal during the call (chan_dahdi `hanguponpolarityswitch`).
        public var polarityReversal: Bool
        /// Tones that end the call when detected (chan_dahdi `busydetect`, plus congestion).
        public var tones: Set<DetectedTone>

        public init(loopCurrentDrop: Bool = true, polarityReversal: Bool = false, tones: Set<DetectedTone> = []) {
            self.loopCurrentDrop = loopCurrentDrop
            self.polarityReversal = polarityReversal
            self.tones = tones
        }
    }

    /// When caller ID arrives on the line.
    public enum CallerIDTiming: Hashable, Sendable {
        /// No caller ID.
        case none
        /// Between the first and second rings (Bellcore, China FSK).
        case afterFirstRing
        /// Before the first ring (ETSI, China/Taiwan DTMF), usually after a polarity reversal.
        case beforeFirstRing
    }

    /// Per-port settings, as chan_dahdi's per-channel options.
    public struct Configuration: Hashable, Sendable {
        /// The zone's ringing cadence, to judge when the ringing has stopped.
        public var ringCadence: RingCadence
        /// When caller ID arrives.
        public var callerID: CallerIDTiming
        /// Rings before `.incomingCall` is reported (1; 2 when caller ID follows the first ring).
        public var ringsBeforeIncomingCall: Int
        /// No ring for this long after the last one means the caller gave up.
        public var ringTimeout: Duration
        /// Wait for dial tone before dialling (chan_dahdi's `waitfordialtone`).
        public var waitForDialTone: Bool
        /// How long to wait for dial tone (or, without waiting, how long to pause after seizing).
        public var dialToneTimeout: Duration
        /// Dial anyway when no dial tone came (blind dialling) instead of failing.
        public var dialWithoutDialTone: Bool
        /// The far end signals answer by reversing polarity (chan_dahdi `answeronpolarityswitch`).
        public var answerOnPolarityReversal: Bool
        /// Polarity reversals this soon after answer are not taken as a hang-up
        /// (chan_dahdi `polarityonanswerdelay`).
        public var polarityOnAnswerDelay: Duration
        /// Which disconnect supervision to trust.
        public var disconnect: DisconnectSupervision
        /// How long the line rests on hook after a call before it may be seized again.
        public var onHookGuard: Duration
        /// A ring burst shorter than this (ring voltage on, from `.ringBegin` to `.ringDetected`)
        /// is line noise, not a ring.
        public var minimumRingDuration: Duration

        public init(ringCadence: RingCadence = .northAmerica, callerID: CallerIDTiming = .afterFirstRing,
                    ringsBeforeIncomingCall: Int? = nil, ringTimeout: Duration? = nil,
                    waitForDialTone: Bool = true, dialToneTimeout: Duration = .seconds(3),
                    dialWithoutDialTone: Bool = false, answerOnPolarityReversal: Bool = false,
                    polarityOnAnswerDelay: Duration = .milliseconds(600),
                    disconnect: DisconnectSupervision = DisconnectSupervision(),
                    onHookGuard: Duration = .milliseconds(500), minimumRingDuration: Duration = .milliseconds(150)) {
            self.ringCadence = ringCadence
            self.callerID = callerID
            self.ringsBeforeIncomingCall = max(1, ringsBeforeIncomingCall ?? (callerID == .afterFirstRing ? 2 : 1))
            self.ringTimeout = ringTimeout ?? ringCadence.longestOff + .seconds(2)
            self.waitForDialTone = waitForDialTone
            self.dialToneTimeout = dialToneTimeout
            self.dialWithoutDialTone = dialWithoutDialTone
            self.answerOnPolarityReversal = answerOnPolarityReversal
            self.polarityOnAnswerDelay = polarityOnAnswerDelay
            self.disconnect = disconnect
            self.onHookGuard = onHookGuard
            self.minimumRingDuration = minimumRingDuration
        }
    }
}
