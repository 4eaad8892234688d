import CallEngine
import HardwareConfig

extension TransferSettings {
    /// The transfer settings of Offhook's config: `[extensions]` (the extension map and its
    /// `ring-timeout`) and `[ports] outgoing` (the lines `transfer outside` may seize).
    init(config: OffhookConfig) {
        self.init(extensions: Dictionary(config.extensions.map { ($0.number, $0.port) }, uniquingKeysWith: { first, _ in first }),
                  ringTimeout: config.transferRingTimeout ?? .seconds(30),
                  outgoingLines: config.outgoingPorts.map(Set.init))
    }
}
