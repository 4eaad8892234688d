import TelephonyCore
import TelephonyDSP

/// What the loopback harness runs on: a card's clock and the pairs an installer wired back to back.
///
/// It has the shape of `ConformanceTarget`: the caller opens the channels and hands in a clock.
/// On the simulated card `advance` ticks the card's manual clock, so the whole harness runs in a
/// fraction of a second of wall time; on a real card it waits for the card's own clock (20 ms a
/// frame). The harness sees nothing but `TelephonyChannel`, so it runs unchanged on any backend.
public struct LoopbackTarget: Sendable {
    /// An FXS port cabled to an FXO port.
    public struct AnalogPair: Sendable {
        public var fxsPort: any TelephonyChannel
        public var fxoPort: any TelephonyChannel
        /// The ring cadence of the FXS port's tone zone, on/off in ms (`[1000, 4000]` in China).
        public var ringCadenceMS: [Int]
        /// The tone zone's code: picks the caller-ID modem (Bell 202 in `us`/`ca`, V.23 elsewhere).
        public var zone: String
        /// The caller ID the FXS port sends between rings.
        public var callerID: CallerIDMessage

        public init(fxsPort: any TelephonyChannel, fxoPort: any TelephonyChannel, ringCadenceMS: [Int], zone: String,
                    callerID: CallerIDMessage = LoopbackTarget.AnalogPair.defaultCallerID) {
            self.fxsPort = fxsPort
            self.fxoPort = fxoPort
            self.ringCadenceMS = ringCadenceMS
            self.zone = zone
            self.callerID = callerID
        }

        /// A caller ID with every field: number, name, and a fixed date (23 November, 15:30).
        public static let defaultCallerID = CallerIDMessage(format: .mdmf, number: "075512345678", name: "OFFHOOK LOOP", dateTime: "11231530")

        /// `1↔3`: the FXS port's and the FXO port's channel numbers.
        public var label: String { "\(fxsPort.info.number)↔\(fxoPort.info.number)" }
    }

    /// One end of a digital span pair: the span's D-channel and B-channels, opened.
    public struct SpanEnd: Sendable {
        public var span: Int
        /// The D-channel (E1 timeslot 16), or `nil` when the span has none.
        public var dChannel: (any TelephonyChannel)?
        /// The B-channels by timeslot (1-15 and 17-31 on E1).
        public var bChannels: [Int: any TelephonyChannel]

        public init(span: Int, dChannel: (any TelephonyChannel)?, bChannels: [Int: any TelephonyChannel]) {
            self.span = span
            self.dChannel = dChannel
            self.bChannels = bChannels
        }
    }

    /// Two digital spans cabled to each other. The PRI call runs network side on `a`, user
    /// side on `b`.
    public struct SpanPair: Sendable {
        public var a: SpanEnd
        public var b: SpanEnd
        public init(a: SpanEnd, b: SpanEnd) {
            self.a = a
            self.b = b
        }

        /// `span 2↔3`.
        public var label: String { "span \(a.span)↔\(b.span)" }
    }

    /// A name for the report, e.g. `simulated` or `dahdi`.
    public var name: String
    /// Lets `frames` frames of the card's clock pass: ticks a manual clock, or waits for a real one.
    public var advance: @Sendable (_ frames: Int) async throws -> Void
    public var analogPairs: [AnalogPair]
    public var spanPairs: [SpanPair]
    /// The card, to read span alarms; `nil` skips the alarm check.
    public var card: (any TelephonyCard)?
    public var limits: LoopbackLimits

    public init(name: String, advance: @escaping @Sendable (Int) async throws -> Void,
                analogPairs: [AnalogPair] = [], spanPairs: [SpanPair] = [],
                card: (any TelephonyCard)? = nil, limits: LoopbackLimits = LoopbackLimits()) {
        self.name = name
        self.advance = advance
        self.analogPairs = analogPairs
        self.spanPairs = spanPairs
        self.card = card
        self.limits = limits
    }
}

/// The pass limits of the loopback checks. The defaults suit a card whose ports are wired
/// directly to each other with a short cable.
public struct LoopbackLimits: Sendable, Hashable {
    /// Longest time for an off-hook or the start of ringing to cross the pair.
    public var edgeMS = 200
    /// Longest time for an on-hook to be reported (DAHDI first waits out a 1.25 s flash window).
    public var hangUpMS = 2000
    /// How far a ring burst or pause may be from the zone's cadence: this fraction of it…
    public var cadenceTolerance = 0.1
    /// …but at least this many ms (one or two frames of detection jitter).
    public var cadenceToleranceMinimumMS = 60
    /// The level the 1004 Hz test tone and the sweep tones are sent at.
    public var testLevelDBm0 = -10.0
    /// The loss allowed across the pair at 1004 Hz, in dB (a gain shows as a negative loss).
    public var loss: ClosedRange<Double> = -1.0...3.0
    /// How far the loss at a sweep frequency may be from the loss at 1004 Hz, in dB.
    public var sweepFlatnessDB = 1.5
    /// The frequencies of the sweep, in Hz: 300–3400 Hz, each 4 Hz off the round figure, as
    /// 1004 Hz is off 1000 Hz. A tone at a sub-multiple of 8 kHz repeats the same few samples,
    /// so G.711's quantisation error repeats with it and shows as a level error (0.1 dB at
    /// 800 Hz, measured) instead of averaging out as noise.
    public var sweepFrequencies: [Double] = [304, 404, 604, 804, 1504, 2004, 2504, 3004, 3404]
    /// The least echo return loss accepted, in dB (G.168 assumes at least 6 dB from a hybrid).
    public var minimumEchoReturnLossDB = 6.0
    /// Frames of pseudo-random bytes sent on each B-channel in the pattern test.
    public var patternFrames = 25

    public init() {}
}
