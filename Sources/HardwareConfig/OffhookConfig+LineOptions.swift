/// `[lines NAME]`: per-line options for FXO exchange lines, as chan_dahdi.conf sets them per
/// channel (`hanguponpolarityswitch`, `busydetect`, `answeronpolarityswitch`, `cidsignalling`,
/// `cidstart`, `waitfordialtone`), spelled in Offhook's style.
///
/// A line in no section keeps the defaults, which are the daemon's behaviour before these
/// sections existed.
extension OffhookConfig {
    public struct LineOptions: Sendable, Hashable {
        /// A way the exchange signals that the far end hung up (`disconnect =`).
        public enum Disconnect: String, Sendable, Hashable, CaseIterable {
            /// Loop current stops (chan_dahdi: kewlstart signalling).
            case loopCurrentDrop = "loop-current-drop"
            /// The exchange reverses the line's polarity (chan_dahdi `hanguponpolarityswitch`).
            case polarityReversal = "polarity-reversal"
            /// Busy tone on the line (chan_dahdi `busydetect`; the zone's cadence, 450 Hz in China).
            case busyTone = "busy-tone"
            /// Congestion (reorder) tone on the line.
            case congestionTone = "congestion-tone"
        }

        /// How the exchange sends caller ID (`caller-id =`, chan_dahdi `cidsignalling`).
        public enum CallerID: String, Sendable, Hashable, CaseIterable {
            /// The zone's FSK modem (Bell 202 in the US and Canada, else V.23) and DTMF caller ID.
            case auto
            /// FSK, ITU-T V.23 (ETSI EN 300 659-1, China YD/T 1401).
            case fskV23 = "fsk-v23"
            /// FSK, Bell 202 (Bellcore GR-30).
            case fskBell202 = "fsk-bell202"
            /// DTMF caller ID (`A`/`D` number `C`), used in China, Taiwan and parts of Europe.
            case dtmf
            /// No caller ID on this line.
            case none
        }

        /// When caller ID arrives (`caller-id-timing =`, chan_dahdi `cidstart`).
        public enum CallerIDTiming: String, Sendable, Hashable, CaseIterable {
            /// Between the first and second rings (Bellcore, China FSK).
            case afterFirstRing = "after-first-ring"
            /// Before the first ring (ETSI, China/Taiwan DTMF).
            case beforeFirstRing = "before-first-ring"
        }

        /// The section's name (`[lines NAME]`).
        public var name: String
        /// The FXO ports the section applies to; each one of `[ports] lines`, in one section only.
        public var channels: [Int] = []
        public var disconnect: Set<Disconnect> = [.loopCurrentDrop, .busyTone, .congestionTone]
        public var answerOnPolarityReversal = false
        public var callerID: CallerID = .auto
        public var callerIDTiming: CallerIDTiming = .afterFirstRing
        public var waitForDialTone = true
        public var dialToneTimeout: Duration = .seconds(3)
        /// The line of the `[lines NAME]` header.
        public var line: Int
        /// The line of `channels =`, where problems with the channels are reported.
        public var channelsLine: Int?

        public init(name: String, line: Int) {
            self.name = name
            self.line = line
        }

        /// The options of a line in no `[lines NAME]` section.
        public static let defaults = LineOptions(name: "", line: 0)
    }

    /// The options of FXO port `port`: its `[lines NAME]` section's, or the defaults.
    public func lineOptions(for port: Int) -> LineOptions {
        lineSections.first { $0.channels.contains(port) } ?? .defaults
    }
}
