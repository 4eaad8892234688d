/// Something that happened on a line, as a backend reports it.
///
/// Each case names the DAHDI constant it corresponds to, so code written against chan_dahdi's
/// vocabulary can be found here. Where DAHDI overloads one constant (`DAHDI_EVENT_RINGOFFHOOK`
/// means "off hook" or "ring" depending on the channel's signalling), the Swift type splits it;
/// ``init(dahdiEvent:signalling:)`` does the split.
public enum LineEvent: Sendable, Hashable, CustomStringConvertible {
    /// The phone on an FXS port went off hook, or (ring trip) answered while ringing.
    ///
    /// DAHDI: `DAHDI_EVENT_RINGOFFHOOK` on an FXO-signalled channel.
    case offHook
    /// The phone on an FXS port hung up (on hook longer than the flash time).
    ///
    /// DAHDI: `DAHDI_EVENT_ONHOOK` on an FXO-signalled channel.
    case onHook
    /// A hook flash on an FXS port, or a wink on a digital/E&M line.
    ///
    /// DAHDI: `DAHDI_EVENT_WINKFLASH`.
    case flash
    /// Ringing voltage was detected on an FXO port (one ring).
    ///
    /// DAHDI: `DAHDI_EVENT_RINGOFFHOOK` on an FXS-signalled channel.
    case ringDetected
    /// Ringing voltage started on an FXO port.
    ///
    /// DAHDI: `DAHDI_EVENT_RINGBEGIN`.
    case ringBegin
    /// The exchange removed loop current from an FXO port: the far end disconnected (kewlstart).
    ///
    /// DAHDI: `DAHDI_EVENT_ONHOOK` on an FXS-signalled channel.
    case loopCurrentDrop
    /// Battery polarity reversed on an FXO port (answer or disconnect supervision).
    ///
    /// DAHDI: `DAHDI_EVENT_POLARITY`.
    case polarityReversal
    /// The ringer of an FXS port turned on (one cadence step). DAHDI: `DAHDI_EVENT_RINGERON`.
    case ringerOn
    /// The ringer of an FXS port turned off. DAHDI: `DAHDI_EVENT_RINGEROFF`.
    case ringerOff
    /// A hook operation finished. DAHDI: `DAHDI_EVENT_HOOKCOMPLETE`.
    case hookComplete
    /// Dialling queued with the kernel dialler finished. DAHDI: `DAHDI_EVENT_DIALCOMPLETE`.
    case dialComplete
    /// The span went into alarm. DAHDI: `DAHDI_EVENT_ALARM`.
    case alarm
    /// The span left alarm. DAHDI: `DAHDI_EVENT_NOALARM`.
    case noAlarm
    /// The received ABCD bits changed (CAS). DAHDI: `DAHDI_EVENT_BITSCHANGED`.
    case bitsChanged
    /// An HDLC frame was aborted. DAHDI: `DAHDI_EVENT_ABORT`.
    case hdlcAbort
    /// An HDLC frame failed its FCS check. DAHDI: `DAHDI_EVENT_BADFCS`.
    case badFCS
    /// An HDLC receive overrun. DAHDI: `DAHDI_EVENT_OVERRUN`.
    case overrun
    /// Pulse dialling started. DAHDI: `DAHDI_EVENT_PULSE_START`.
    case pulseStart
    /// A pulse-dialled digit. DAHDI: `DAHDI_EVENT_PULSEDIGIT | digit`.
    case pulseDigit(Character)
    /// A DTMF key went down, detected by the card. DAHDI: `DAHDI_EVENT_DTMFDOWN | digit`.
    case dtmfDown(Character)
    /// A DTMF key went up. DAHDI: `DAHDI_EVENT_DTMFUP | digit`.
    case dtmfUp(Character)
    /// The echo canceller was disabled (e.g. by a 2100 Hz tone). DAHDI: `DAHDI_EVENT_EC_DISABLED`.
    case echoCancellerDisabled
    /// The channel's device was removed. DAHDI: `DAHDI_EVENT_REMOVED`.
    case removed
    /// The kernel's read buffer overran. DAHDI: `DAHDI_EVENT_READ_OVERRUN`.
    case readOverrun
    /// The kernel's write buffer ran dry. DAHDI: `DAHDI_EVENT_WRITE_UNDERRUN`.
    case writeUnderrun
    /// An event code Offhook does not interpret, kept verbatim.
    case other(Int32)

    /// Decodes a `DAHDI_GETEVENT` value for a channel with the given signalling.
    ///
    /// Returns `nil` for `DAHDI_EVENT_NONE`.
    public init?(dahdiEvent code: Int32, signalling: ChannelSignalling) {
        let digitMask: Int32 = 0xFFFF
        if code & (1 << 18) != 0 { self = .dtmfUp(Self.digit(code & digitMask)); return }
        if code & (1 << 17) != 0 { self = .dtmfDown(Self.digit(code & digitMask)); return }
        if code & (1 << 16) != 0 { self = .pulseDigit(Self.digit(code & digitMask)); return }
        let fxoPort = signalling.portKind == .fxo
        switch code {
        case 0: return nil
        case 1: self = fxoPort ? .loopCurrentDrop : .onHook
        case 2: self = fxoPort ? .ringDetected : .offHook
        case 3: self = .flash
        case 4: self = .alarm
        case 5: self = .noAlarm
        case 6: self = .hdlcAbort
        case 7: self = .overrun
        case 8: self = .badFCS
        case 9: self = .dialComplete
        case 10: self = .ringerOn
        case 11: self = .ringerOff
        case 12: self = .hookComplete
        case 13: self = .bitsChanged
        case 14: self = .pulseStart
        case 17: self = .polarityReversal
        case 18: self = .ringBegin
        case 19: self = .echoCancellerDisabled
        case 20: self = .removed
        case 29: self = .readOverrun
        case 30: self = .writeUnderrun
        default: self = .other(code)
        }
    }

    /// The `DAHDI_EVENT_*` value this event is reported as.
    public var dahdiEvent: Int32 {
        switch self {
        case .onHook, .loopCurrentDrop: 1
        case .offHook, .ringDetected: 2
        case .flash: 3
        case .alarm: 4
        case .noAlarm: 5
        case .hdlcAbort: 6
        case .overrun: 7
        case .badFCS: 8
        case .dialComplete: 9
        case .ringerOn: 10
        case .ringerOff: 11
        case .hookComplete: 12
        case .bitsChanged: 13
        case .pulseStart: 14
        case .polarityReversal: 17
        case .ringBegin: 18
        case .echoCancellerDisabled: 19
        case .removed: 20
        case .readOverrun: 29
        case .writeUnderrun: 30
        case .pulseDigit(let d): (1 << 16) | Int32(d.asciiValue ?? 0)
        case .dtmfDown(let d): (1 << 17) | Int32(d.asciiValue ?? 0)
        case .dtmfUp(let d): (1 << 18) | Int32(d.asciiValue ?? 0)
        case .other(let code): code
        }
    }

    private static func digit(_ code: Int32) -> Character {
        guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: code)) else { return "?" }
        return Character(scalar)
    }

    public var description: String {
        switch self {
        case .offHook: "off-hook"
        case .onHook: "on-hook"
        case .flash: "flash"
        case .ringDetected: "ring"
        case .ringBegin: "ring-begin"
        case .loopCurrentDrop: "loop-current-drop"
        case .polarityReversal: "polarity-reversal"
        case .ringerOn: "ringer-on"
        case .ringerOff: "ringer-off"
        case .hookComplete: "hook-complete"
        case .dialComplete: "dial-complete"
        case .alarm: "alarm"
        case .noAlarm: "no-alarm"
        case .bitsChanged: "bits-changed"
        case .hdlcAbort: "hdlc-abort"
        case .badFCS: "bad-fcs"
        case .overrun: "overrun"
        case .pulseStart: "pulse-start"
        case .pulseDigit(let d): "pulse-digit \(d)"
        case .dtmfDown(let d): "dtmf-down \(d)"
        case .dtmfUp(let d): "dtmf-up \(d)"
        case .echoCancellerDisabled: "ec-disabled"
        case .removed: "removed"
        case .readOverrun: "read-overrun"
        case .writeUnderrun: "write-underrun"
        case .other(let code): "event \(code)"
        }
    }
}
