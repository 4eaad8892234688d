import TelephonyCore

/// The signalling of an FXO port, where a line from the exchange plugs in: a sans-I/O state
/// machine.
///
/// It takes the port's line events, the DSP detectors' results (call-progress tones, caller
/// ID) and the call engine's requests, each with the current time on the card's clock, and
/// returns the actions the owner carries out (hook operations, digits to send, events for the
/// call engine). The owner calls ``advance(to:)`` when ``nextDeadline`` has passed.
///
/// Each disconnect method is a per-port option, as chan_dahdi's are: loop-current drop
/// (kewlstart, `DAHDI_EVENT_ONHOOK` on an FXO port), polarity reversal
/// (`hanguponpolarityswitch`), and busy/congestion tone (`busydetect`, the only supervision
/// many exchanges give).
///
/// ```swift
/// var line = FXOPort(configuration: .init(disconnect: [.loopCurrentDrop, .tones([.busy])]))
/// line.handle(.line(.ringDetected), at: t)          // [.report(.ringing(count: 1))]
/// line.handle(.callerID(cid), at: t + …)            // [.report(.callerID(cid))]
/// line.handle(.line(.ringDetected), at: t + 5 s)    // [.report(.ringing(count: 2)), .report(.incomingCall(cid))]
/// line.handle(.answer, at: …)                       // [.setHook(.offHook)]
/// ```
public struct FXOPort: Sendable, CustomStringConvertible {
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

        public init(ringCadence: RingCadence = .northAmerica, callerID: CallerIDTiming = .afterFirstRing,
                    ringsBeforeIncomingCall: Int? = nil, ringTimeout: Duration? = nil,
                    waitForDialTone: Bool = true, dialToneTimeout: Duration = .seconds(3),
                    dialWithoutDialTone: Bool = false, answerOnPolarityReversal: Bool = false,
                    polarityOnAnswerDelay: Duration = .milliseconds(600),
                    disconnect: DisconnectSupervision = DisconnectSupervision(),
                    onHookGuard: Duration = .milliseconds(500)) {
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
        }
    }

    public let configuration: Configuration
    /// The current state.
    public private(set) var state: State = .idle
    /// Caller ID received for the current incoming call.
    public private(set) var callerID: CallerID?

    private var deadline: Duration?
    private var incomingReported = false
    private var pendingNumber = ""
    private var connectedAt: Duration?
    private var answerSeen = false

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The earliest time at which ``advance(to:)`` has work, or `nil`.
    public var nextDeadline: Duration? { deadline }

    /// Whether audio should go to the caller-ID receiver now.
    public var wantsCallerIDAudio: Bool {
        switch (configuration.callerID, state) {
        case (.afterFirstRing, .ringing(let n)): callerID == nil && n >= 1
        case (.beforeFirstRing, .idle), (.beforeFirstRing, .ringing): callerID == nil
        default: false
        }
    }

    /// Whether audio should go to the call-progress detector now.
    public var wantsCallProgressAudio: Bool {
        switch state {
        case .waitingForDialTone, .outgoingCall: true
        case .connected, .dialling: !configuration.disconnect.tones.isEmpty
        default: false
        }
    }

    /// "FXO ringing (2 rings)".
    public var description: String { "FXO \(state)" }

    // MARK: Inputs

    /// Takes one input at time `now` and returns the actions to carry out, in order.
    public mutating func handle(_ input: Input, at now: Duration) -> [Action] {
        var actions = advance(to: now)
        switch input {
        case .line(let event): actions += lineEvent(event, at: now)
        case .toneDetected(let tone): actions += toneDetected(tone, at: now)
        case .callerID(let id):
            switch state {
            case .idle where configuration.callerID == .beforeFirstRing:
                // Caller ID ahead of the ringing; forgotten if no ring follows.
                callerID = id
                deadline = now + configuration.ringTimeout
                actions.append(.report(.callerID(id)))
            case .ringing:
                callerID = id
                actions.append(.report(.callerID(id)))
            default:
                break
            }
        case .answer:
            if case .ringing = state {
                state = .connected
                connectedAt = now
                deadline = nil
                actions.append(.setHook(.offHook))
            }
        case .dial(let number): actions += dial(number, at: now)
        case .digitsSent:
            if case .dialling = state {
                if configuration.answerOnPolarityReversal {
                    state = .outgoingCall
                } else {
                    state = .connected
                    connectedAt = now
                    actions.append(.report(.connected))
                }
            }
        case .hangUp:
            switch state {
            case .idle, .ringing, .onHookGuard: break
            default: actions += goOnHook(at: now)
            }
        case .flash:
            if state == .connected { actions.append(.setHook(.flash)) }
        }
        return actions
    }

    /// Runs the timer due at `now` (ring timeout, dial-tone wait, on-hook guard).
    public mutating func advance(to now: Duration) -> [Action] {
        guard let due = deadline, due <= now else { return [] }
        deadline = nil
        switch state {
        case .ringing:
            // The caller gave up (or another extension answered) before we did.
            let reported = incomingReported
            resetIncoming()
            state = .idle
            return reported ? [.report(.callAbandoned)] : []
        case .waitingForDialTone:
            if configuration.waitForDialTone && !configuration.dialWithoutDialTone {
                return [.report(.outgoingFailed(.noDialTone))] + goOnHook(at: now)
            }
            return startDialling()
        case .idle:
            callerID = nil                              // caller ID that no ring followed
            return []
        case .onHookGuard:
            state = .idle
            if !pendingNumber.isEmpty {
                let number = pendingNumber
                pendingNumber = ""
                return dial(number, at: now)
            }
            return []
        default:
            return []
        }
    }

    // MARK: Line events

    private mutating func lineEvent(_ event: LineEvent, at now: Duration) -> [Action] {
        switch event {
        case .ringDetected:
            return ringDetected(at: now)
        case .ringBegin:
            // Ring voltage is on: keep the ringing alive until the ring is counted.
            if case .ringing = state { deadline = now + configuration.ringTimeout }
            return []
        case .loopCurrentDrop:
            guard configuration.disconnect.loopCurrentDrop, isOffHookInCall else { return [] }
            return farEndDisconnected(.loopCurrentDrop, at: now)
        case .polarityReversal:
            return polarityReversed(at: now)
        default:
            return []
        }
    }

    private var isOffHookInCall: Bool {
        switch state {
        case .connected, .outgoingCall, .dialling: true
        default: false
        }
    }

    private mutating func ringDetected(at now: Duration) -> [Action] {
        let count: Int
        switch state {
        case .idle, .onHookGuard: count = 1
        case .ringing(let n): count = n + 1
        case .waitingForDialTone:
            // Glare: the line rang as we seized it; the incoming call wins on an analog line.
            return [.report(.outgoingFailed(.lineBusy))]
        default: return []
        }
        if count == 1 && configuration.callerID != .beforeFirstRing { callerID = nil }
        state = .ringing(count: count)
        deadline = now + configuration.ringTimeout
        var actions: [Action] = [.report(.ringing(count: count))]
        if !incomingReported && count >= configuration.ringsBeforeIncomingCall {
            incomingReported = true
            actions.append(.report(.incomingCall(callerID)))
        }
        return actions
    }

    private mutating func polarityReversed(at now: Duration) -> [Action] {
        switch state {
        case .outgoingCall where configuration.answerOnPolarityReversal && !answerSeen:
            answerSeen = true
            state = .connected
            connectedAt = now
            return [.report(.connected)]
        case .connected, .outgoingCall, .dialling:
            guard configuration.disconnect.polarityReversal else { return [] }
            if let connectedAt, now - connectedAt < configuration.polarityOnAnswerDelay { return [] }
            return farEndDisconnected(.polarityReversal, at: now)
        default:
            return []
        }
    }

    private mutating func toneDetected(_ tone: DetectedTone, at now: Duration) -> [Action] {
        switch (state, tone) {
        case (.waitingForDialTone, .dial):
            return startDialling()
        case (.connected, _), (.outgoingCall, _), (.dialling, _):
            guard configuration.disconnect.tones.contains(tone) else { return [] }
            return farEndDisconnected(.tone(tone), at: now)
        default:
            return []
        }
    }

    // MARK: Outgoing

    private mutating func dial(_ number: String, at now: Duration) -> [Action] {
        let allowed = Set("0123456789*#ABCD,")
        guard !number.isEmpty, number.allSatisfy(allowed.contains) else {
            return [.report(.outgoingFailed(.invalidNumber(number)))]
        }
        switch state {
        case .idle:
            pendingNumber = number
            state = .waitingForDialTone
            deadline = now + configuration.dialToneTimeout
            answerSeen = false
            return [.setHook(.offHook)]
        case .onHookGuard:
            pendingNumber = number                      // dialled when the guard ends
            return []
        default:
            return [.report(.outgoingFailed(.lineBusy))]
        }
    }

    private mutating func startDialling() -> [Action] {
        let number = pendingNumber
        pendingNumber = ""
        state = .dialling(number)
        deadline = nil
        return [.sendDigits(number), .report(.dialling(number))]
    }

    // MARK: Clearing

    private mutating func farEndDisconnected(_ method: DisconnectMethod, at now: Duration) -> [Action] {
        [.report(.farEndDisconnected(method))] + goOnHook(at: now)
    }

    private mutating func goOnHook(at now: Duration) -> [Action] {
        state = .onHookGuard
        deadline = now + configuration.onHookGuard
        connectedAt = nil
        pendingNumber = ""
        resetIncoming()
        return [.setHook(.onHook)]
    }

    private mutating func resetIncoming() {
        incomingReported = false
        callerID = nil
    }
}
