/// A country's call-progress tone plan: the tones an exchange plays and the ring cadence.
///
/// The values mirror libtonezone's `struct tone_zone`; the `ToneZones` module reads every
/// built-in zone from the C library into this type, so the DSP itself stays free of C. The
/// call-progress detector and the tone generator are both driven by it.
public struct ToneZone: Sendable, Hashable, Identifiable {
    /// The zone code, e.g. `us`, `cn`, `de` (libtonezone's `country`).
    public var code: String
    /// The human-readable name, e.g. `China`.
    public var name: String
    /// Dial tone (`DAHDI_TONE_DIALTONE`).
    public var dial: ToneSpec?
    /// Busy tone (`DAHDI_TONE_BUSY`).
    public var busy: ToneSpec?
    /// Ringback, the caller hears while the far end rings (`DAHDI_TONE_RINGTONE`).
    public var ringback: ToneSpec?
    /// Congestion, also "reorder" or "fast busy" (`DAHDI_TONE_CONGESTION`).
    public var congestion: ToneSpec?
    /// Call-waiting tone (`DAHDI_TONE_CALLWAIT`).
    public var callWaiting: ToneSpec?
    /// Special information tone, SIT (`DAHDI_TONE_INFO`).
    public var info: ToneSpec?
    /// Stutter dial tone, e.g. for waiting voicemail (`DAHDI_TONE_STUTTER`).
    public var stutter: ToneSpec?
    /// Dial-recall tone (`DAHDI_TONE_DIALRECALL`).
    public var dialRecall: ToneSpec?
    /// Record tone (`DAHDI_TONE_RECORDTONE`).
    public var record: ToneSpec?
    /// Ringing cadence on an FXS line, in ms: on, off, on, off …
    public var ringCadenceMS: [Int]
    /// DTMF high-group level in dBm0.
    public var dtmfHighLevel: Double
    /// DTMF low-group level in dBm0.
    public var dtmfLowLevel: Double

    public var id: String { code }

    /// Creates a zone.
    public init(code: String, name: String, dial: ToneSpec? = nil, busy: ToneSpec? = nil,
                ringback: ToneSpec? = nil, congestion: ToneSpec? = nil, callWaiting: ToneSpec? = nil,
                info: ToneSpec? = nil, stutter: ToneSpec? = nil, dialRecall: ToneSpec? = nil,
                record: ToneSpec? = nil, ringCadenceMS: [Int] = [], dtmfHighLevel: Double = -10,
                dtmfLowLevel: Double = -10) {
        self.code = code
        self.name = name
        self.dial = dial
        self.busy = busy
        self.ringback = ringback
        self.congestion = congestion
        self.callWaiting = callWaiting
        self.info = info
        self.stutter = stutter
        self.dialRecall = dialRecall
        self.record = record
        self.ringCadenceMS = ringCadenceMS
        self.dtmfHighLevel = dtmfHighLevel
        self.dtmfLowLevel = dtmfLowLevel
    }
}

extension ToneZone {
    /// China (libtonezone zone 33), for tests and tools that run without libtonezone.
    public static let china = ToneZone(
        code: "cn", name: "China",
        dial: try? ToneSpec(parsing: "450"), busy: try? ToneSpec(parsing: "450/350,0/350"),
        ringback: try? ToneSpec(parsing: "450/1000,0/4000"), congestion: try? ToneSpec(parsing: "450/700,0/700"),
        callWaiting: try? ToneSpec(parsing: "450/400,0/4000"),
        ringCadenceMS: [1000, 4000], dtmfHighLevel: -11, dtmfLowLevel: -9)

    /// United States / North America (libtonezone zone 0), the Precise Tone Plan.
    public static let unitedStates = ToneZone(
        code: "us", name: "United States / North America",
        dial: try? ToneSpec(parsing: "350+440"), busy: try? ToneSpec(parsing: "480+620/500,0/500"),
        ringback: try? ToneSpec(parsing: "440+480/2000,0/4000"), congestion: try? ToneSpec(parsing: "480+620/250,0/250"),
        callWaiting: try? ToneSpec(parsing: "440/300,0/10000"),
        info: try? ToneSpec(parsing: "!950/330,!1400/330,!1800/330,0"),
        ringCadenceMS: [2000, 4000], dtmfHighLevel: -10, dtmfLowLevel: -10)
}
