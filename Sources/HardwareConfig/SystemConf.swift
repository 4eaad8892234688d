import TelephonyCore

/// DAHDI's `/etc/dahdi/system.conf`, parsed: the same file `dahdi_cfg` reads.
///
/// Keys understood (DAHDI's meaning):
/// - `span=<num>,<timing>,<lbo>,<framing>,<coding>[,crc4][,yellow]` — a digital span;
///   framing `ccs`/`cas` with coding `hdb3` is E1, `esf`/`d4` with `b8zs`/`ami` is T1.
/// - `dynamic=<driver>,<address>,<numchans>,<timing>` — a dynamic span (e.g. `loc`).
/// - signalling: `fxsls=`, `fxsgs=`, `fxsks=` (FXS signalling: an FXO port), `fxols=`, `fxogs=`,
///   `fxoks=` (FXO signalling: an FXS port), `bchan=`/`clear=`, `dchan=`, `hardhdlc=`,
///   `cas=<channels>:<ABCD bits>`, each with a channel list such as `1-15,17-31`.
/// - `alaw=`, `mulaw=` (per-channel law), `deflaw=`, `echocanceller=<name>,<channels>`.
/// - `loadzone=<zone>` (repeatable), `defaultzone=<zone>`.
public struct SystemConf: Sendable, Hashable {
    public struct Span: Sendable, Hashable {
        public var number: Int
        public var timing: Int
        public var lineBuildOut: Int
        public var framing: String
        public var coding: String
        public var options: [String]
        /// E1 for ccs/cas framing, T1 for esf/d4.
        public var kind: SpanInfo.Kind
        public var line: Int
    }

    public struct Dynamic: Sendable, Hashable {
        public var driver: String
        public var address: String
        public var channelCount: Int
        public var timing: Int
        public var line: Int
    }

    public var spans: [Span] = []
    public var dynamicSpans: [Dynamic] = []
    /// Each configured channel's signalling.
    public var signalling: [Int: ChannelSignalling] = [:]
    /// The initial ABCD bits of `cas=` channels.
    public var casBits: [Int: UInt8] = [:]
    /// Channels forced to a law by `alaw=`/`mulaw=`.
    public var laws: [Int: AudioFormat] = [:]
    public var defaultLaw: AudioFormat?
    /// Echo canceller name per channel.
    public var echoCancellers: [Int: String] = [:]
    public var loadZones: [String] = []
    public var defaultZone: String?
    /// The line each channel was configured on (for later diagnostics).
    public var channelLines: [Int: Int] = [:]

    public init() {}
}
