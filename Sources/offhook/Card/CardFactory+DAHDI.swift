import DAHDI
import HardwareConfig
import TelephonyCore

extension CardFactory {
    /// Opens the real card through the DAHDI kernel interface (`/dev/dahdi/ctl`).
    ///
    /// The spans and channels are what the kernel reports (as `dahdi_cfg` configured them from
    /// the same system.conf); the description is not needed to talk to them.
    static func openDAHDI(_ description: HardwareDescription) throws -> any TelephonyCard {
        do {
            return try DAHDICard()
        } catch {
            throw error.channelError
        }
    }
}
