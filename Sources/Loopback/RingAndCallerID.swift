import ChannelConformance
import TelephonyCore
import TelephonyDSP

/// Rings an FXS port cabled to an FXO port for one cadence cycle and, in the first long
/// enough pause, sends FSK caller ID from the FXS port (on-hook transmission, ETSI EN 300 659-1
/// and Bellcore GR-30: at least 500 ms after the ring), decoding it at the FXO port with
/// TelephonyDSP's receiver. Times are counted in frames of the card's clock.
struct RingAndCallerID {
    let pair: LoopbackTarget.AnalogPair
    let advance: @Sendable (Int) async throws -> Void
    let limits: LoopbackLimits

    /// What happened, in frames from the ring command.
    struct Outcome {
        var begin: Int?
        var end: Int?
        var second: Int?
        var events: [LineEvent] = []
        var framesWaited = 0
        var sent: CallerIDMessage
        var standard: FSKStandard
        /// The end of the burst after which caller ID was sent, when its first frame went, and
        /// the ring that followed.
        var callerIDAfter: Int?
        var ringAfterCallerID: Int?
        var transmittedAt: Int?
        var decoded: CallerIDMessage?
        var decodedAt: Int?
        var receiverError: String?
    }

    /// Frames between the end of a ring and the start of caller ID (500 ms).
    static let callerIDDelayFrames = 25
    /// The shortest pause caller ID is sent in (seizure, mark and message take about 0.8 s).
    static let callerIDPauseMS = 1500

    func run() async throws -> Outcome {
        let fxs = pair.fxsPort, fxo = pair.fxoPort
        let cadence = pair.ringCadenceMS
        // The pause caller ID goes in: the first one long enough (the first, except in double-ring zones).
        let pauses = stride(from: 1, to: cadence.count, by: 2).map { cadence[$0] }
        let burstsBefore = (pauses.firstIndex { $0 >= Self.callerIDPauseMS } ?? 0) + 1
        let standard: FSKStandard = ["us", "ca"].contains(pair.zone) ? .bell202 : .v23
        var outcome = Outcome(sent: pair.callerID, standard: standard)
        var generator = try FSKCallerIDGenerator(message: pair.callerID, standard: standard)
        var receiver = FSKCallerIDReceiver(standard: standard)
        let limit = (limits.edgeMS + cadence.prefix(2 * burstsBefore).reduce(0, +) + 1000) / 20
        let samples = AudioFrame.samples
        var out = [Int16](repeating: 0, count: samples), heard = [Int16](repeating: 0, count: samples)
        var burstsEnded = 0, frame = 0

        try fxs.setHook(.ring)
        defer { try? fxs.setHook(.ringOff) }
        /// Writes the next frame of caller ID (silence once it is all sent).
        func sendFrame() throws {
            out.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = 0 }; _ = generator.generate(into: $0) }
            _ = try out.withUnsafeBufferPointer { try fxs.writeSamples($0) }
        }
        // Until the ring that follows the caller-ID pause (the second ring, except in double-ring zones).
        while frame < limit, outcome.ringAfterCallerID == nil {
            if let start = outcome.callerIDAfter, frame >= start + Self.callerIDDelayFrames, outcome.transmittedAt == nil {
                // Two frames ahead, then one for each frame the FXS port receives (its clock),
                // so the modem's signal never has a gap however the harness is scheduled.
                outcome.transmittedAt = frame
                try sendFrame()
                try sendFrame()
            }
            try await advance(1)
            frame += 1
            for event in try fxo.drainEvents() {
                outcome.events.append(event)
                switch event {
                case .ringBegin where outcome.begin == nil:
                    outcome.begin = frame
                case .ringBegin where outcome.end != nil:
                    if outcome.second == nil { outcome.second = frame }
                    if outcome.callerIDAfter != nil { outcome.ringAfterCallerID = frame }
                case .ringDetected where outcome.begin != nil:
                    if outcome.end == nil { outcome.end = frame }
                    burstsEnded += 1
                    if burstsEnded == burstsBefore { outcome.callerIDAfter = frame }
                default:
                    break
                }
            }
            _ = try fxs.drainEvents()
            while true {
                let result = try heard.withUnsafeMutableBufferPointer { try fxs.readSamples(into: $0) }
                if result == .wouldBlock { break }
                if result == .eventPending { _ = try fxs.drainEvents(); continue }
                if outcome.transmittedAt != nil && generator.isBusy { try sendFrame() }
            }
            while true {
                let result = try heard.withUnsafeMutableBufferPointer { try fxo.readSamples(into: $0) }
                if result == .wouldBlock { break }
                if result == .eventPending { break }    // read at the top of the next frame
                guard outcome.callerIDAfter != nil, outcome.decoded == nil else { continue }
                if let message = heard.withUnsafeBufferPointer({ receiver.process($0) }) {
                    outcome.decoded = message
                    outcome.decodedAt = frame
                }
            }
        }
        outcome.framesWaited = frame
        outcome.receiverError = receiver.lastError.map(String.init(describing:))
        return outcome
    }
}
