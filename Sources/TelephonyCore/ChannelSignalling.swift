/// How a channel is signalled, in DAHDI's `system.conf` vocabulary.
///
/// DAHDI names analog signalling after what the port *talks to*, not what it is: an FXS port
/// (where a phone plugs in) uses FXO signalling (`fxoks`), and an FXO port (where a line from the
/// exchange plugs in) uses FXS signalling (`fxsks`). `portKind` says which physical port it is.
public enum ChannelSignalling: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `fxsls`: FXS signalling, loop start (`DAHDI_SIG_FXSLS`); an FXO port.
    case fxsLoopStart = "fxsls"
    /// `fxsgs`: FXS signalling, ground start (`DAHDI_SIG_FXSGS`); an FXO port.
    case fxsGroundStart = "fxsgs"
    /// `fxsks`: FXS signalling, kewl start (`DAHDI_SIG_FXSKS`); an FXO port.
    case fxsKewlStart = "fxsks"
    /// `fxols`: FXO signalling, loop start (`DAHDI_SIG_FXOLS`); an FXS port.
    case fxoLoopStart = "fxols"
    /// `fxogs`: FXO signalling, ground start (`DAHDI_SIG_FXOGS`); an FXS port.
    case fxoGroundStart = "fxogs"
    /// `fxoks`: FXO signalling, kewl start (`DAHDI_SIG_FXOKS`); an FXS port.
    case fxoKewlStart = "fxoks"
    /// `bchan` / `clear`: a clear 64 kbit/s bearer channel (`DAHDI_SIG_CLEAR`).
    case clear = "bchan"
    /// `dchan`: an HDLC D-channel with FCS done in software (`DAHDI_SIG_HDLCFCS`).
    case dChannel = "dchan"
    /// `hardhdlc`: an HDLC D-channel done by the card (`DAHDI_SIG_HARDHDLC`).
    case hardHDLC = "hardhdlc"
    /// `cas`: raw ABCD robbed/CAS bits, no line protocol (`DAHDI_SIG_CAS`).
    case cas = "cas"

    /// The physical role of a port with this signalling.
    public var portKind: PortKind {
        switch self {
        case .fxsLoopStart, .fxsGroundStart, .fxsKewlStart: .fxo
        case .fxoLoopStart, .fxoGroundStart, .fxoKewlStart: .fxs
        case .clear: .bChannel
        case .dChannel, .hardHDLC: .dChannel
        case .cas: .cas
        }
    }

    /// Whether the channel carries analog loop signalling (hook, ring, battery).
    public var isAnalog: Bool { portKind == .fxs || portKind == .fxo }

    /// The `DAHDI_SIG_*` value of `dahdi/user.h`.
    public var dahdiSig: UInt32 {
        let fxo: UInt32 = 1 << 12, fxs: UInt32 = 1 << 13, clearBit: UInt32 = 1 << 7   // __DAHDI_SIG_FXO, __DAHDI_SIG_FXS
        switch self {
        case .fxsLoopStart: return (1 << 0) | fxs
        case .fxsGroundStart: return (1 << 1) | fxs
        case .fxsKewlStart: return (1 << 2) | fxs
        case .fxoLoopStart: return (1 << 3) | fxo
        case .fxoGroundStart: return (1 << 4) | fxo
        case .fxoKewlStart: return (1 << 5) | fxo
        case .clear: return clearBit
        case .dChannel: return (1 << 9) | (1 << 8) | clearBit
        case .hardHDLC: return (1 << 19) | clearBit
        case .cas: return 1 << 15
        }
    }

    /// Creates the signalling from a `DAHDI_SIG_*` value, or `nil` for one Offhook does not drive.
    public init?(dahdiSig: UInt32) {
        guard let match = Self.allCases.first(where: { $0.dahdiSig == dahdiSig }) else { return nil }
        self = match
    }

    public var description: String { rawValue }
}

/// What a channel physically is.
public enum PortKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An analog port that feeds a phone: battery, ringing, caller ID out. An agent's desk phone.
    case fxs = "FXS"
    /// An analog port that is a phone to the exchange: detects ringing, seizes the line.
    case fxo = "FXO"
    /// A digital bearer timeslot (E1/T1 B-channel).
    case bChannel = "B"
    /// A digital signalling timeslot (E1 timeslot 16 on PRI).
    case dChannel = "D"
    /// A digital timeslot with raw CAS bits.
    case cas = "CAS"

    public var description: String { rawValue }
}
