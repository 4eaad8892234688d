import TelephonyCore
import TelephonyDSP

/// A desk phone on an FXS port of the ``SimulatedCard``: a person lifting the handset, dialling,
/// listening and hanging up.
///
/// Every call acts at the card's current frame; ``SimulatedCard/advance(frames:)`` lets time pass.
public final class VirtualPhone: Sendable {
    let card: SimulatedCard
    let index: Int
    /// The FXS port the phone is plugged into.
    public let port: Int

    init(card: SimulatedCard, index: Int, port: Int) {
        self.card = card
        self.index = index
        self.port = port
    }

    private func withLine<T>(_ body: (inout AnalogLine, Int) -> T) -> T {
        card.state.withLock { state in
            let line = state.phones[index].line!
            return body(&state.lines[line], state.frame)
        }
    }

    /// Lifts the handset (answers if the phone is ringing).
    public func lift() { withLine { line, _ in line.loopClosed = true } }

    /// Hangs up.
    public func hangUp() { withLine { line, _ in line.loopClosed = false; line.flashUntil = nil } }

    /// Presses the hook switch briefly (a hook flash), `duration` long (default 500 ms).
    public func flash(duration: Duration = .milliseconds(500)) {
        withLine { line, now in line.flashUntil = now + 1 + max(1, duration.wholeFrames) }
    }

    /// Whether the handset is lifted.
    public var isOffHook: Bool { withLine { line, _ in line.loopClosed } }

    /// Whether the bell is ringing at this instant (ringing voltage on the line).
    public var isRinging: Bool { withLine { line, now in line.ringVoltage(at: now) } }

    /// Whether the port is ringing the phone (in a ring cadence, burst or pause).
    public var isBeingRung: Bool { withLine { line, _ in line.ringCadence != nil } }

    /// Whether loop current flows (the port feeds battery and the handset is lifted).
    public var hasLoopCurrent: Bool { withLine { line, now in line.loopClosed && line.batteryOn(at: now) } }

    /// The line events the phone noticed since last asked (ring begin/ring, loop-current drop, polarity).
    public func takeEvents() -> [LineEvent] {
        card.state.withLock { state in
            defer { state.phones[index].events.removeAll() }
            return state.phones[index].events
        }
    }

    /// Queues µ-law audio for the phone's microphone; it goes out a frame per tick while off hook.
    public func send(muLaw bytes: [UInt8]) {
        card.state.withLock { $0.phones[index].outgoing.append(contentsOf: bytes) }
    }

    /// Queues linear audio (8 kHz) for the phone's microphone.
    public func send(samples: [Int16]) { send(muLaw: WireCodec.encodeMuLaw(samples)) }

    /// Whether queued microphone audio is still going out.
    public var isSending: Bool { card.state.withLock { !$0.phones[index].outgoing.isEmpty } }

    /// What the earpiece heard while off hook (µ-law), oldest first; up to a minute.
    public func heardMuLaw() -> [UInt8] { card.state.withLock { $0.phones[index].heard } }

    /// What the earpiece heard, as linear samples.
    public func heardSamples() -> [Int16] { WireCodec.decodeMuLaw(heardMuLaw()) }

    /// Forgets what the earpiece heard so far.
    public func clearHeard() { card.state.withLock { $0.phones[index].heard.removeAll() } }

    /// What the earpiece heard since last taken (µ-law), and forgets it: for a listener that
    /// follows the line as it goes (a caller-ID receiver on ringing phone). The phone hears the
    /// line while off hook, and on hook whenever the port sends something (caller ID).
    public func takeHeardMuLaw() -> [UInt8] {
        card.state.withLock { state in
            defer { state.phones[index].heard.removeAll(keepingCapacity: true) }
            return state.phones[index].heard
        }
    }
}

extension VirtualPhone {
    /// Dials `digits` on the keypad: DTMF tones (`onMS` on, `offMS` off) sent while off hook.
    public func dial(_ digits: String, onMS: Int = 80, offMS: Int = 80) throws(DTMFGenerator.InvalidDigit) {
        send(samples: try DTMFGenerator.samples(for: digits, onMS: onMS, offMS: offMS))
    }
}
