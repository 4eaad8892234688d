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
    /// The port's settings.
    public let configuration: Configuration
    /// The current state.
    public internal(set) var state: State = .idle
    /// Caller ID received for the current incoming call.
    public internal(set) var callerID: CallerID?

    /// How long the last ring burst lasted, when the card reported its start (`.ringBegin`).
    public internal(set) var lastRingDuration: Duration?

    var deadline: Duration?
    var ringBeganAt: Duration?
    var incomingReported = false
    var pendingNumber = ""
    var connectedAt: Duration?
    var answerSeen = false

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
}
