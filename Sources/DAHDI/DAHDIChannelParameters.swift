import CDAHDI
import TelephonyCore

/// A channel's parameters and line state, from `DAHDI_GET_PARAMS` (`struct dahdi_params`).
public struct DAHDIChannelParameters: Sendable, Hashable {
    /// The card-wide channel number (`channo`).
    public var channel: Int
    /// The span (`spanno`); 0 for a pseudo channel.
    public var span: Int
    /// The position in the span (`chanpos`).
    public var position: Int
    /// The configured `DAHDI_SIG_*` value (`sigtype`); 0 when the channel is unconfigured.
    public var sigType: UInt32
    /// The `DAHDI_SIG_*` values the channel could be configured with (`sigcap`).
    public var sigCapabilities: UInt32
    /// Whether the receive side is off hook (`rxisoffhook`).
    public var receiveOffHook: Bool
    /// The received ABCD bits, masked to the low four (`rxbits`; dahdi_dynamic leaks a
    /// neighbour's bits into the upper nibble).
    public var receivedBits: UInt8
    /// The transmitted ABCD bits (`txbits`), masked to the low four.
    public var transmittedBits: UInt8
    /// The transmit hook signal (`txhooksig`: `DAHDI_TXSIG_ONHOOK` 0, `OFFHOOK` 1, `START` 2, `KEWL` 3).
    public var transmitHookSignal: Int32
    /// The receive hook signal (`rxhooksig`: `DAHDI_RXSIG_ONHOOK` 0, `OFFHOOK` 1, `START` 2, `RING` 3, `INITIAL` 4).
    public var receiveHookSignal: Int32
    /// The companding law (`curlaw`).
    public var law: AudioFormat
    /// The kernel's channel name (`name`), e.g. `DYN/loc/1:0/1`.
    public var kernelName: String
    /// Receive flash time in ms (`rxflashtime`): an on-hook shorter than this is a flash.
    public var receiveFlashTime: Int
    /// Alarms on this channel (`chan_alarms`).
    public var alarms: SpanAlarms

    /// The channel's signalling in Offhook's terms, or `nil` when unconfigured or not supported.
    public var signalling: ChannelSignalling? { ChannelSignalling(dahdiSig: sigType) }

    /// Whether the channel is configured at all.
    public var isConfigured: Bool { sigType != 0 }

    /// Decodes the kernel's struct.
    public init(_ raw: dahdi_params) {
        channel = Int(raw.channo)
        span = Int(raw.spanno)
        position = Int(raw.chanpos)
        sigType = UInt32(bitPattern: raw.sigtype)
        sigCapabilities = UInt32(bitPattern: raw.sigcap)
        receiveOffHook = raw.rxisoffhook != 0
        receivedBits = UInt8(truncatingIfNeeded: raw.rxbits) & 0x0F
        transmittedBits = UInt8(truncatingIfNeeded: raw.txbits) & 0x0F
        transmitHookSignal = raw.txhooksig
        receiveHookSignal = raw.rxhooksig
        law = raw.curlaw == DAHDI_LAW_ALAW ? .aLaw : .muLaw
        kernelName = string(fromCArray: raw.name)
        receiveFlashTime = Int(raw.rxflashtime)
        alarms = SpanAlarms(rawValue: raw.chan_alarms)
    }

    /// The channel's description for the port protocol, or `nil` when it is unconfigured or
    /// uses a signalling Offhook does not drive.
    public var channelInfo: ChannelInfo? {
        guard let signalling else { return nil }
        return ChannelInfo(number: channel, span: span, position: position, signalling: signalling,
                           name: "DAHDI/\(channel)")
    }

    /// The loop state as the port protocol defines it: on an FXO port whether we hold the line
    /// (the transmit hook signal), on an FXS port and elsewhere the receive side.
    public var hookState: HookState {
        if signalling?.portKind == .fxo {
            return transmitHookSignal == 0 ? .onHook : .offHook   // DAHDI_TXSIG_ONHOOK
        }
        return receiveOffHook ? .offHook : .onHook
    }
}
