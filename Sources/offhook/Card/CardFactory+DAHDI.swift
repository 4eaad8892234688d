import HardwareConfig
import TelephonyCore

extension CardFactory {
    /// Opens the real card through the DAHDI kernel interface.
    static func openDAHDI(_ description: HardwareDescription) throws -> any TelephonyCard {
        throw ChannelError(.unsupported, operation: "open /dev/dahdi: the DAHDI backend is not wired into this build yet")
    }
}
