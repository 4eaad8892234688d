import ACD

/// Offhook's own configuration, kept next to `system.conf`: what DAHDI's file cannot say.
///
/// Sections and keys (each declared once in ``OffhookConfig/keys``):
/// - `[card]`
///   - `backend` (`auto`, `dahdi` or `simulated`; default `auto`: the real card when
///     `/dev/dahdi` exists, else the simulated card)
///   - `system-conf` (path, default `system.conf`, relative to this file)
///   - `layout` (simulated card only: the spans in channel order, e.g. `analog 8, e1, e1`;
///     default: inferred from `system.conf`)
/// - `[ports]`
///   - `agents` (channel list: FXS ports with agents' phones)
///   - `lines` (channel list: FXO ports with lines from the exchange)
///   - `outgoing` (channel list: the lines a script's `transfer outside` may seize; default: all
///     of `lines`)
/// - `[extensions]` (what a script's `transfer extension N` rings)
///   - `N = CHANNEL` (repeatable: extension number `N` is the phone on FXS port `CHANNEL`, one
///     of `[ports] agents`); without any, an extension number is the agent's channel number
///   - `ring-timeout` (seconds an extension rings before the transfer fails; default 30)
/// - `[wiring]` (simulated card only: back-to-back cables, as an installer wires a card to test it)
///   - `cable` (repeatable, `FXS:FXO`, e.g. `4:8`)
///   - `span-cable` (repeatable, `SPAN:SPAN`, e.g. `2:3`)
/// - `[queue NAME]` (repeatable: an ACD queue the scripts' `queue NAME` sends callers to)
///   - `agents` (channel list: the FXS ports whose agents serve it)
///   - `strategy` (`longest-idle-agent` (default), `round-robin`, `ring-all`, `skills`)
///   - `ring-timeout`, `max-wait`, `announce-every`, `wrap-up` (seconds; defaults 15, 120, 30, 10)
///   - `when-no-agents` (`overflow` (default) or `wait`)
/// - `[trunk NAME]` (repeatable: E1/T1 spans whose D-channel speaks ISDN PRI, see ``Trunk``)
///   - `spans` (span numbers like `1` or `1-4`; each must be a digital span with a `dchan` in
///     `system.conf`, and in one trunk only)
///   - `side` (`cpe` (default; chan_dahdi's `pri_cpe`, the user side towards the exchange) or
///     `net` (`pri_net`, the network side))
///   - `switchtype` (one of ``switchTypes``; default `euroisdn`)
/// - `[route NAME]` (repeatable: which calls go to which IVR script)
///   - `channels` (channel list: FXO ports, or a PRI span's B-channels by card channel number)
///     and/or `dnis` (comma-separated called numbers; checked first)
///   - `script` (path, relative to this file)
///   - `language` (default prompt language, e.g. `zh` or `en`)
/// - `[lines NAME]` (repeatable: options of some FXO exchange lines, see ``LineOptions``)
///   - `channels` (channel list: ports of `[ports] lines`, each in one such section only)
///   - `disconnect` (any of `loop-current-drop`, `polarity-reversal`, `busy-tone`,
///     `congestion-tone`; default all but `polarity-reversal`)
///   - `answer-on-polarity-reversal` (`yes`/`no`, default `no`)
///   - `caller-id` (`auto` (default), `fsk-v23`, `fsk-bell202`, `dtmf`, `none`)
///   - `caller-id-timing` (`after-first-ring` (default) or `before-first-ring`)
///   - `wait-for-dial-tone` (`yes` (default) / `no`), `dial-tone-timeout` (seconds, default 3)
/// - `[agents]` (the codes agents dial on their phones; ACD's ``FeatureCodes``)
///   - `login`, `logout`, `ready`, `pause` (1–8 of `0-9 * #`, none a prefix of another;
///     defaults `*1`, `*2`, `*3`, `*4`)
public struct OffhookConfig: Sendable, Hashable {
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        case auto, dahdi, simulated
    }

    /// A span of a simulated card's layout.
    public enum SpanSpec: Sendable, Hashable {
        case analog(ports: Int)
        case e1
        case t1
    }

    public struct Route: Sendable, Hashable {
        public var name: String
        public var channels: [Int]
        public var dnis: [String]
        public var script: String
        public var language: String?
        public var line: Int
    }

    /// An ACD queue.
    public struct QueueSection: Sendable, Hashable {
        public var name: String
        public var agents: [Int] = []
        public var strategy: String?
        public var ringTimeout: Duration?
        public var maxWait: Duration?
        public var announceEvery: Duration?
        public var wrapUp: Duration?
        public var whenNoAgents: String?
        public var line: Int
    }

    /// An ISDN PRI trunk: spans whose D-channel runs Q.921/Q.931 (libpri), as chan_dahdi's
    /// `signalling = pri_cpe|pri_net` and `switchtype =` say for a span.
    public struct Trunk: Sendable, Hashable {
        /// Which end of the link Offhook plays.
        public enum Side: String, Sendable, Hashable, CaseIterable {
            /// The user side (`pri_cpe`): a PBX or call centre towards the exchange.
            case cpe
            /// The network side (`pri_net`): Offhook plays the exchange.
            case net
        }

        public var name: String
        /// The span numbers, as `system.conf` numbers them.
        public var spans: [Int] = []
        public var side: Side = .cpe
        /// The ISDN variant, one of ``OffhookConfig/switchTypes``.
        public var switchType = "euroisdn"
        /// The line of the `[trunk NAME]` header.
        public var line: Int
        /// The line of `spans =`, where problems with the spans are reported.
        public var spansLine: Int?

        public init(name: String, spans: [Int] = [], side: Side = .cpe, switchType: String = "euroisdn", line: Int, spansLine: Int? = nil) {
            self.name = name
            self.spans = spans
            self.side = side
            self.switchType = switchType
            self.line = line
            self.spansLine = spansLine
        }
    }

    /// The `switchtype` names a trunk accepts, as chan_dahdi spells them: EuroISDN (E1, ETSI),
    /// National ISDN 2 and 1, DMS-100, 4ESS, 5ESS and Q.SIG. The PRI module's `SwitchType` has
    /// one case for each (a test holds the two lists equal).
    public static let switchTypes = ["euroisdn", "national", "ni1", "dms100", "4ess", "5ess", "qsig"]

    /// An extension number and the FXS port whose phone it rings.
    public struct Extension: Sendable, Hashable {
        public var number: String
        public var port: Int
        public var line: Int
    }

    public var path: String
    public var backend: Backend = .auto
    public var systemConf = "system.conf"
    public var layout: [SpanSpec]?
    public var agentPorts: [Int] = []
    public var linePorts: [Int] = []
    public var cables: [(fxs: Int, fxo: Int, line: Int)] = []
    public var spanCables: [(Int, Int, line: Int)] = []
    public var routes: [Route] = []
    /// `[trunk NAME]` sections: the PRI spans to take into service.
    public var trunks: [Trunk] = []
    public var queues: [QueueSection] = []
    /// `[extensions]`: what `transfer extension N` rings.
    public var extensions: [Extension] = []
    /// `[extensions] ring-timeout`.
    public var transferRingTimeout: Duration?
    /// `[ports] outgoing`: the lines `transfer outside` may seize (`nil`: every line).
    public var outgoingPorts: [Int]?
    /// `[lines NAME]` sections: per-line options of FXO ports.
    public var lineSections: [LineOptions] = []
    /// `[agents]`: the feature codes agents dial (`nil`: ``FeatureCodes/standard``).
    public var featureCodes: FeatureCodes?

    public init(path: String) { self.path = path }

    /// The numbers a script's `transfer extension` may name: `[extensions]`, or without any,
    /// the agents' channel numbers.
    public var extensionNumbers: Set<String> {
        extensions.isEmpty ? Set(agentPorts.map(String.init)) : Set(extensions.map(\.number))
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.backend == b.backend && a.systemConf == b.systemConf && a.layout == b.layout
            && a.agentPorts == b.agentPorts && a.linePorts == b.linePorts && a.routes == b.routes && a.queues == b.queues
            && a.extensions == b.extensions && a.transferRingTimeout == b.transferRingTimeout && a.outgoingPorts == b.outgoingPorts
            && a.trunks == b.trunks && a.lineSections == b.lineSections && a.featureCodes == b.featureCodes
            && a.cables.map { [$0.fxs, $0.fxo] } == b.cables.map { [$0.fxs, $0.fxo] }
            && a.spanCables.map { [$0.0, $0.1] } == b.spanCables.map { [$0.0, $0.1] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(agentPorts)
        hasher.combine(linePorts)
    }

    /// Every key, by section, with what its value must be.
    static let keys: [String: [String: String]] = [
        "card": ["backend": "one of auto, dahdi, simulated", "system-conf": "a path", "layout": "spans like 'analog 8, e1'"],
        "ports": ["agents": "a channel list like 1-4", "lines": "a channel list like 5-8",
                  "outgoing": "a channel list of FXO lines like 5-8"],
        "extensions": ["ring-timeout": "seconds"],
        "wiring": ["cable": "FXS:FXO channel numbers like 4:8", "span-cable": "two span numbers like 2:3"],
        "queue": ["agents": "a channel list of FXS ports", "strategy": "a routing strategy such as longest-idle-agent",
                  "ring-timeout": "seconds", "max-wait": "seconds", "announce-every": "seconds", "wrap-up": "seconds",
                  "when-no-agents": "overflow or wait"],
        "trunk": ["spans": "span numbers like 1 or 1-4", "side": "cpe or net",
                  "switchtype": "one of " + switchTypes.joined(separator: ", ")],
        "lines": ["channels": "a channel list of FXO lines like 5-6",
                  "disconnect": "any of " + LineOptions.Disconnect.allCases.map(\.rawValue).joined(separator: ", "),
                  "answer-on-polarity-reversal": "yes or no",
                  "caller-id": "one of " + LineOptions.CallerID.allCases.map(\.rawValue).joined(separator: ", "),
                  "caller-id-timing": "after-first-ring or before-first-ring",
                  "wait-for-dial-tone": "yes or no", "dial-tone-timeout": "seconds"],
        "agents": Dictionary(uniqueKeysWithValues: FeatureCode.allCases.map { ($0.rawValue, "a code of 1 to 8 of 0-9 * # like *1") }),
        "route": ["channels": "a channel list", "dnis": "called numbers separated by commas", "script": "a path", "language": "a language code like zh or en"],
    ]
}
