import Foundation
import HardwareConfig
import PRI
import Testing

/// `[trunk NAME]` as the commands read it: its switch types are libpri's, and a trunk the card
/// cannot carry stops `offhook run` and `offhook channels` with the problem's place.
@Suite struct TrunkConfigCommandTests {
    /// offhook.conf's `switchtype` names are exactly the PRI module's switch types, so every
    /// name the configuration accepts reaches libpri as itself.
    @Test func everyConfiguredSwitchTypeIsAPRISwitchTypeAndBack() {
        #expect(Set(OffhookConfig.switchTypes) == Set(SwitchType.allCases.map(\.rawValue)))
        #expect(OffhookConfig.switchTypes.count == SwitchType.allCases.count)
    }

    @Test(arguments: ["channels", "run"])
    func aTrunkOnASpanWithoutADChannelIsRefusedWithItsPlace(command: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-trunk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "span=1,1,0,ccs,hdb3\nbchan=1-31\n".write(toFile: folder.appendingPathComponent("system.conf").path, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("offhook.conf").path
        try "[card]\nbackend = simulated\n[trunk exchange]\nspans = 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try OffhookProcess.run([command, "--config", path])
        #expect(result.status == 78)
        #expect(result.stderr.contains("\(path):4:9: error: trunk 'exchange': span 1 has no D-channel; add 'dchan=' for its timeslot 16 (E1) or 24 (T1) in \(folder.path)/system.conf"),
                "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
