import TelephonyCore
import TelephonyDSP

/// The phone company's end of a line on an FXO port of the ``SimulatedCard``: it rings the port,
/// carries a caller's audio, and ends calls the way exchanges do.
public final class VirtualExchangeLine: Sendable {
    let card: SimulatedCard
    let index: Int
    /// The FXO port the line is plugged into.
    public let port: Int

    /// How the exchange tells the port the far end hung up.
    public enum DisconnectMethod: Sendable, Hashable {
        /// Removes loop current (kewlstart / loop-current-drop supervision) for `duration`.
        case loopCurrentDrop(duration: Duration = .milliseconds(600))
        /// Reverses battery polarity.
        case polarityReversal
        /// Keeps the loop up and plays a tone (a busy or congestion tone; µ-law, looped) — what
        /// many exchanges, China's among them, do.
        case tone(muLaw: [UInt8])
    }

    init(card: SimulatedCard, index: Int, port: Int) {
        self.card = card
        self.index = index
        self.port = port
    }

    private func withLine<T>(_ body: (inout AnalogLine, inout DeviceState, Int, PortState) -> T) -> T {
        card.state.withLock { state in
            let line = state.exchanges[index].line!
            return body(&state.lines[line], &state.exchanges[index], state.frame, state.ports[port]!)
        }
    }

    /// Starts ringing the port with the zone's cadence, optionally with audio (e.g. FSK caller
    /// ID) sent in the first silent interval after the first ring, as Bell 202 / ETSI do.
    public func ring(callerIDAudio muLaw: [UInt8] = []) {
        withLine { line, device, now, port in
            line.ringCadence = port.ringCadenceFrames
            line.ringStartFrame = now + 1
            device.pendingCallerID = muLaw
            device.pendingCallerIDAt = muLaw.isEmpty ? nil : now + 1 + (port.ringCadenceFrames.first ?? 100) + 25
        }
    }

    /// Stops ringing (the caller gave up before the port answered).
    public func stopRinging() { withLine { line, _, _, _ in line.ringCadence = nil } }

    /// Whether the port has the line off hook (answered or seized).
    public var isAnswered: Bool { withLine { line, _, now, _ in line.effectiveLoopClosed(at: now) } }

    /// Whether the line is being rung.
    public var isRinging: Bool { withLine { line, _, _, _ in line.ringCadence != nil } }

    /// Ends the call from the exchange's side by `method`.
    public func disconnect(by method: DisconnectMethod) {
        withLine { line, device, now, _ in
            switch method {
            case .loopCurrentDrop(let duration):
                line.batteryOffUntil = now + 1 + max(1, duration.wholeFrames)
            case .polarityReversal:
                line.polarityReversed.toggle()
            case .tone(let bytes):
                device.outgoing.removeAll()
                device.outgoingIndex = 0
                device.loopTone = bytes
            }
        }
    }

    /// Ends the call by playing a tone (linear samples, looped), keeping the loop up.
    public func disconnect(byTone samples: [Int16]) {
        disconnect(by: .tone(muLaw: WireCodec.encodeMuLaw(samples)))
    }

    /// Reverses battery polarity (answer supervision on lines that signal it).
    public func reversePolarity() { withLine { line, _, _, _ in line.polarityReversed.toggle() } }

    /// Queues µ-law audio from the caller; it goes out a frame per tick while the line is up.
    public func send(muLaw bytes: [UInt8]) {
        card.state.withLock { $0.exchanges[index].outgoing.append(contentsOf: bytes) }
    }

    /// Queues linear audio (8 kHz) from the caller.
    public func send(samples: [Int16]) { send(muLaw: WireCodec.encodeMuLaw(samples)) }

    /// Whether queued caller audio is still going out.
    public var isSending: Bool { card.state.withLock { !$0.exchanges[index].outgoing.isEmpty } }

    /// What the caller heard from the port (µ-law), oldest first; up to a minute.
    public func heardMuLaw() -> [UInt8] { card.state.withLock { $0.exchanges[index].heard } }

    /// What the caller heard, as linear samples.
    public func heardSamples() -> [Int16] { WireCodec.decodeMuLaw(heardMuLaw()) }

    /// Forgets what the caller heard so far.
    public func clearHeard() { card.state.withLock { $0.exchanges[index].heard.removeAll() } }

    /// Hook events the exchange saw from the port (off-hook, flash, on-hook), since last asked.
    public func takeEvents() -> [LineEvent] {
        card.state.withLock { state in
            defer { state.exchanges[index].events.removeAll() }
            return state.exchanges[index].events
        }
    }
}

extension VirtualExchangeLine {
    /// Answers the port's own calls as an exchange does (dial tone, digits, ringback, a far
    /// party who answers): see ``ExchangeDialService``. Replaces any earlier service.
    public func provideDialService(_ service: ExchangeDialService) {
        card.state.withLock { $0.exchanges[index].dialService = ExchangeDialState(service: service) }
    }

    /// The calls the port placed through the dial service, oldest first (in progress ones once
    /// their number is complete).
    public var outgoingCalls: [ExchangeOutgoingCall] {
        card.state.withLock { $0.exchanges[index].dialService?.calls ?? [] }
    }

    /// The caller presses `digits`: DTMF tones (`onMS` on, `offMS` off) down the line.
    public func press(_ digits: String, onMS: Int = 80, offMS: Int = 80) throws(DTMFGenerator.InvalidDigit) {
        send(samples: try DTMFGenerator.samples(for: digits, onMS: onMS, offMS: offMS))
    }
}
