import CLibPRI

/// The ISDN variant a D-channel speaks, as chan_dahdi's `switchtype` option names it.
///
/// Each case names the libpri constant it maps to. The default is `.euroISDN` (ETSI EN 300 102,
/// CTR 4), the E1 PRI variant used in Europe, China and most of the world outside North America.
public enum SwitchType: String, CaseIterable, Sendable, CustomStringConvertible {
    /// EuroISDN on E1 (ETSI EN 300 102 / CTR 4). libpri: `PRI_SWITCH_EUROISDN_E1`.
    case euroISDN = "euroisdn"
    /// National ISDN 2 (North America). libpri: `PRI_SWITCH_NI2`.
    case nationalISDN2 = "national"
    /// National ISDN 1. libpri: `PRI_SWITCH_NI1`.
    case nationalISDN1 = "ni1"
    /// Nortel DMS-100. libpri: `PRI_SWITCH_DMS100`.
    case dms100 = "dms100"
    /// Lucent 5ESS. libpri: `PRI_SWITCH_LUCENT5E`.
    case lucent5ESS = "5ess"
    /// AT&T 4ESS. libpri: `PRI_SWITCH_ATT4ESS`.
    case att4ESS = "4ess"
    /// Q.SIG (ECMA-143), PBX to PBX. libpri: `PRI_SWITCH_QSIG`.
    case qsig = "qsig"

    /// The libpri `PRI_SWITCH_*` value.
    var libpriValue: Int32 {
        switch self {
        case .euroISDN: PRI_SWITCH_EUROISDN_E1
        case .nationalISDN2: PRI_SWITCH_NI2
        case .nationalISDN1: PRI_SWITCH_NI1
        case .dms100: PRI_SWITCH_DMS100
        case .lucent5ESS: PRI_SWITCH_LUCENT5E
        case .att4ESS: PRI_SWITCH_ATT4ESS
        case .qsig: PRI_SWITCH_QSIG
        }
    }

    /// The chan_dahdi configuration name (`switchtype=euroisdn`).
    public var description: String { rawValue }
}

/// Which end of the Q.921/Q.931 link this D-channel plays.
public enum PRISide: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The network (exchange) side, "pri_net". libpri: `PRI_NETWORK`. Picks B-channels.
    case network
    /// The user (CPE, PBX) side, "pri_cpe". libpri: `PRI_CPE`.
    case user

    var libpriValue: Int32 {
        switch self {
        case .network: PRI_NETWORK
        case .user: PRI_CPE
        }
    }

    public var description: String { rawValue }
}
