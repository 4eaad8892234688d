import CDAHDI
import TelephonyCore

extension DAHDIChannel {
    /// Performs a hook operation (`DAHDI_HOOK`).
    ///
    /// On an FXS port (FXO kewlstart signalling) `.onHook` opens the loop whenever the phone is
    /// off hook. DAHDI sends that kewlstart disconnect only once the port has itself gone off
    /// hook (answered, as chan_dahdi does when it sees the phone lift), so this issues the
    /// `DAHDI_OFFHOOK` first when it has not been.
    public func setHook(_ command: HookCommand) throws(ChannelError) {
        do {
            let fd = try fileDescriptor("DAHDI_HOOK")
            if command == .onHook && info.signalling == .fxoKewlStart {
                let now = try parameters()
                if now.transmitHookSignal == 0 && now.receiveOffHook {   // DAHDI_TXSIG_ONHOOK, phone off hook
                    try dahdiIOCTL(fd, CDAHDI_HOOK, int: HookCommand.offHook.rawValue, operation: "DAHDI_HOOK",
                                   number: info.number, alsoSuccess: EINPROGRESSValue)
                }
            }
            // DAHDI_RING (and a ring-off during the cadence) answer EINPROGRESS once started.
            try dahdiIOCTL(fd, CDAHDI_HOOK, int: command.rawValue, operation: "DAHDI_HOOK",
                           number: info.number, alsoSuccess: EINPROGRESSValue)
        } catch {
            throw error.channelError
        }
    }

    public func hookState() throws(ChannelError) -> HookState {
        do { return try parameters().hookState } catch { throw error.channelError }
    }

    public func setPolarity(reversed: Bool) throws(ChannelError) {
        do {
            let fd = try fileDescriptor("DAHDI_SETPOLARITY")
            try dahdiIOCTL(fd, CDAHDI_SETPOLARITY, int: reversed ? 1 : 0, operation: "DAHDI_SETPOLARITY",
                           number: info.number)
        } catch {
            throw error.channelError
        }
    }

    public func nextEvent() throws(ChannelError) -> LineEvent? {
        do {
            return LineEvent(dahdiEvent: try nextEventCode(), signalling: info.signalling)
        } catch {
            throw error.channelError
        }
    }

    /// The raw `DAHDI_GETEVENT` value: a `DAHDI_EVENT_*` code, 0 when none waits.
    public func nextEventCode() throws(DAHDIError) -> Int32 {
        let fd = try fileDescriptor("DAHDI_GETEVENT")
        return try dahdiIOCTL(fd, CDAHDI_GETEVENT, int: 0, operation: "DAHDI_GETEVENT", number: info.number)
    }

    public func setTransmitBits(_ bits: UInt8) throws(ChannelError) {
        do {
            let fd = try fileDescriptor("DAHDI_SETTXBITS")
            try dahdiIOCTL(fd, CDAHDI_SETTXBITS, int: Int32(bits & 0x0F), operation: "DAHDI_SETTXBITS",
                           number: info.number)
        } catch {
            throw error.channelError
        }
    }

    public func receivedBits() throws(ChannelError) -> UInt8 {
        do {
            let fd = try fileDescriptor("DAHDI_GETRXBITS")
            let bits = try dahdiIOCTL(fd, CDAHDI_GETRXBITS, int: 0, operation: "DAHDI_GETRXBITS", number: info.number)
            return UInt8(truncatingIfNeeded: bits) & 0x0F   // dahdi_dynamic leaks the next channel's bits above
        } catch {
            throw error.channelError
        }
    }
}
