import HardwareConfig
import PRI
import Testing

/// offhook.conf's `switchtype` names are exactly the PRI module's switch types, so every name the
/// configuration accepts reaches libpri as itself.
@Suite struct TrunkSwitchTypeTests {
    @Test func everyConfiguredSwitchTypeIsAPRISwitchTypeAndBack() {
        #expect(Set(OffhookConfig.switchTypes) == Set(SwitchType.allCases.map(\.rawValue)))
        #expect(OffhookConfig.switchTypes.count == SwitchType.allCases.count)
    }
}
