#if canImport(Glibc)
import Glibc
#endif
import HardwareConfig
import Testing
import TelephonyCore

/// `[extensions]` (what `transfer extension N` rings) and `[ports] outgoing` (the lines
/// `transfer outside` may seize).
@Suite struct ExtensionsConfigTests {
    static let conf = "fxoks=1-2\nfxsks=3-4\n"      // DAHDI names signalling from the far end: fxoks = an FXS port

    @Test func extensionsMapNumbersToAgentsPhones() throws {
        let config = try OffhookConfig(parsing: """
            [ports]
            agents = 1-2
            lines = 3-4
            outgoing = 4
            [extensions]
            801 = 1
            802 = 2     # the second desk
            ring-timeout = 20
            """, path: "offhook.conf")
        #expect(config.extensions.map { "\($0.number)→\($0.port)" } == ["801→1", "802→2"])
        #expect(config.transferRingTimeout == .seconds(20))
        #expect(config.outgoingPorts == [4])
        _ = try HardwareDescription(config: config, systemConf: try SystemConf(parsing: Self.conf, path: "system.conf"),
                                    systemConfPath: "system.conf")
    }

    @Test func badExtensionEntriesAreLocated() throws {
        do {
            _ = try OffhookConfig(parsing: """
                [extensions]
                801 = 1
                801 = 2
                80x = 1
                803 = one
                ring-timeout = soon
                """, path: "offhook.conf")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.location) \($0.message)" } == [
                "offhook.conf:3:1 extension 801 is already given on line 2",
                "offhook.conf:4:1 expected an extension number of digits (0-9, *, #), found '80x'",
                "offhook.conf:5:7 expected the channel number of an agent's FXS port, found 'one'",
                "offhook.conf:6:16 expected a number of seconds 0–86400, found 'soon'",
            ])
        }
    }

    @Test func anExtensionMustRingAnAgentsFXSPort() throws {
        let path = "/tmp/offhook-extensions-\(getpid()).conf"
        let text = """
            [ports]
            agents = 1
            lines = 3-4
            outgoing = 2
            [extensions]
            801 = 1
            802 = 2
            803 = 3
            804 = 9
            """
        let file = try #require(fopen(path, "w"))
        fputs(text, file)
        fclose(file)
        defer { unlink(path) }
        let config = try OffhookConfig(parsing: text, path: path)
        do {
            _ = try HardwareDescription(config: config, systemConf: try SystemConf(parsing: Self.conf, path: "system.conf"),
                                        systemConfPath: "system.conf")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "7:7 extension 802: channel 2 is not in [ports] agents; an extension rings one of those phones",
                "8:7 extension 803: channel 3 is an FXO port; an extension rings a phone on an FXS port",
                "9:7 extension 804: channel 9 is not configured in system.conf",
                "4:1 channel 2 is not in [ports] lines; 'outgoing' names exchange lines that transfers may seize",
            ])
        }
    }
}
