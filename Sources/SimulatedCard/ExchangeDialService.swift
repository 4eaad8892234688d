import TelephonyCore
import TelephonyDSP

/// What the simulated exchange does when the FXO port seizes its line to call out, as a real
/// exchange does: dial tone until the first digit, DTMF digits collected until an inter-digit
/// pause, then ringback and a far party who answers (or busy tone for a busy number), and a
/// loop-current drop when the far party hangs up.
///
/// Off by default (a bare line stays silent, as tests of the line itself expect); turned on per
/// line with ``VirtualExchangeLine/provideDialService(_:)``. The digits are heard through the
/// real ``DTMFReceiver`` on the audio the port sends, so what the port dials is what the
/// exchange gets.
///
/// ```swift
/// let zone = try ToneZones.zone("cn")
/// card.exchangeLine(on: 5)?.provideDialService(.init(dialTone: zone.dial!, ringback: zone.ringback!,
///                                                     busyTone: zone.busy!))
/// ```
public struct ExchangeDialService: Sendable {
    /// µ-law tones, each a whole cadence long so it loops cleanly.
    public var dialTone: [UInt8]
    public var ringback: [UInt8]
    public var busyTone: [UInt8]
    /// How long the far party lets it ring before answering.
    public var answerAfter: Duration
    /// Numbers whose far party is busy (busy tone instead of ringback).
    public var busyNumbers: Set<String>
    /// The pause after a digit that ends the number.
    public var interDigitTimeout: Duration
    /// What the far party says once it answers (µ-law, looped; empty: silence).
    public var farPartyAudio: [UInt8]
    /// When the far party hangs up after answering (`nil`: it waits for the port).
    public var farPartyHangsUpAfter: Duration?

    /// - Parameters: the tones as tone-zone specs (e.g. from libtonezone through ToneZones),
    ///   rendered at `level` dBm0.
    public init(dialTone: ToneSpec, ringback: ToneSpec, busyTone: ToneSpec, level: Double = -13,
                answerAfter: Duration = .seconds(6), busyNumbers: Set<String> = [],
                interDigitTimeout: Duration = .seconds(3), farPartyAudio: [Int16] = [],
                farPartyHangsUpAfter: Duration? = nil) {
        self.dialTone = Self.render(dialTone, level: level)
        self.ringback = Self.render(ringback, level: level)
        self.busyTone = Self.render(busyTone, level: level)
        self.answerAfter = answerAfter
        self.busyNumbers = busyNumbers
        self.interDigitTimeout = interDigitTimeout
        self.farPartyAudio = WireCodec.encodeMuLaw(farPartyAudio)
        self.farPartyHangsUpAfter = farPartyHangsUpAfter
    }

    /// One cadence of `spec` (at least a second, for a steady tone), as µ-law.
    static func render(_ spec: ToneSpec, level: Double) -> [UInt8] {
        let period = spec.segments.reduce(0) { $0 + ($1.durationMS ?? 0) }
        let samples = max(period, 1000) * 8
        var generator = ToneGenerator(spec: spec, level: level)
        var buffer = [Int16](repeating: 0, count: samples)
        let count = buffer.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return WireCodec.encodeMuLaw(Array(buffer.prefix(max(count, 1))))
    }
}

/// A call the port placed through the simulated exchange, as the exchange saw it.
public struct ExchangeOutgoingCall: Sendable, Hashable {
    /// The digits the exchange heard.
    public var number: String
    /// How it went: ``Outcome``.
    public var outcome: Outcome

    public init(number: String, outcome: Outcome) {
        self.number = number
        self.outcome = outcome
    }

    public enum Outcome: Sendable, Hashable {
        /// The port hung up before a whole number was dialled.
        case abandoned
        /// The far party was busy.
        case busy
        /// The far party answered.
        case answered
    }
}

/// The exchange's side of an outgoing call in progress (inside the card's lock).
struct ExchangeDialState: Sendable {
    enum Stage: Sendable, Equatable {
        case idle
        /// The port answered an incoming call: the service stays out of it.
        case incoming
        case dialTone
        case collecting(lastDigitFrame: Int)
        case ringing(untilFrame: Int)
        case busy
        case answered(sinceFrame: Int)
        case farPartyGone
    }

    var service: ExchangeDialService
    var stage: Stage = .idle
    var digits = ""
    var receiver = DTMFReceiver()
    var calls: [ExchangeOutgoingCall] = []
    var wasRinging = false

    init(service: ExchangeDialService) {
        self.service = service
    }

    /// What the line does this frame.
    enum Action: Equatable {
        case none
        case playLoop([UInt8])
        case silence
        case dropLoopCurrent
    }

    /// Advances one frame: `seized` is the port's loop (closed), `ringing` whether the exchange
    /// is ringing the port, `heard` the frame the port sent (µ-law).
    mutating func step(frame: Int, seized: Bool, ringing: Bool, heard: UnsafeRawBufferPointer) -> Action {
        defer { wasRinging = ringing }
        guard seized else {
            if stage != .idle {
                switch stage {
                case .dialTone, .collecting: calls.append(.init(number: digits, outcome: .abandoned))
                default: break
                }
                stage = .idle
                digits = ""
                receiver = DTMFReceiver()
                return .silence
            }
            return .none
        }
        switch stage {
        case .idle:
            // Ring trip clears the ringing in the frame the port answers: the frame before counts.
            if ringing || wasRinging { stage = .incoming; return .none }
            stage = .dialTone
            return .playLoop(service.dialTone)
        case .incoming, .busy, .farPartyGone:
            return .none
        case .dialTone, .collecting:
            if let event = hearDigit(heard), event.isDown {
                let first = digits.isEmpty
                digits.append(event.digit.rawValue)
                stage = .collecting(lastDigitFrame: frame)
                return first ? .silence : .none
            }
            if case .collecting(let last) = stage, receiver.currentDigit == nil,
               frame - last >= service.interDigitTimeout.wholeFrames {
                if service.busyNumbers.contains(digits) {
                    calls.append(.init(number: digits, outcome: .busy))
                    stage = .busy
                    return .playLoop(service.busyTone)
                }
                stage = .ringing(untilFrame: frame + service.answerAfter.wholeFrames)
                return .playLoop(service.ringback)
            }
            return .none
        case .ringing(let until):
            guard frame >= until else { return .none }
            calls.append(.init(number: digits, outcome: .answered))
            stage = .answered(sinceFrame: frame)
            return service.farPartyAudio.isEmpty ? .silence : .playLoop(service.farPartyAudio)
        case .answered(let since):
            if let after = service.farPartyHangsUpAfter, frame - since >= after.wholeFrames {
                stage = .farPartyGone
                return .dropLoopCurrent
            }
            return .none
        }
    }

    private mutating func hearDigit(_ heard: UnsafeRawBufferPointer) -> DTMFEvent? {
        withUnsafeTemporaryAllocation(of: Int16.self, capacity: heard.count) { samples in
            G711.decode(heard.assumingMemoryBound(to: UInt8.self), into: samples, law: .muLaw)
            return receiver.process(UnsafeBufferPointer(samples))
        }
    }
}
