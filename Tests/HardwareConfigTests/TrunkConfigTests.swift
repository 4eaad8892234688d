#if canImport(Glibc)
import Glibc
#endif
import HardwareConfig
import Testing
import TelephonyCore

/// `[trunk NAME]`: the ISDN PRI spans offhook takes into service, checked against the card.
@Suite struct TrunkConfigTests {
    /// Span 1 analog (1-4), span 2 E1 with its D-channel (5-35, D 20), span 3 E1 without one
    /// (36-66), span 4 E1 with its D-channel (67-97, D 82).
    static let systemConf = """
        span=2,1,0,ccs,hdb3
        span=3,0,0,ccs,hdb3
        span=4,0,0,ccs,hdb3
        fxoks=1-4
        bchan=5-19,21-35
        dchan=20
        bchan=36-66
        bchan=67-81,83-97
        dchan=82
        """
    static let layout = "[card]\nlayout = analog 4, e1, e1, e1\n"

    /// Writes `text` where `HardwareDescription` re-reads it to locate problems, and checks it.
    func describe(_ text: String) throws -> HardwareDescription {
        let path = "/tmp/offhook-trunks-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).conf"
        let file = try #require(fopen(path, "w"))
        fputs(text, file)
        fclose(file)
        defer { unlink(path) }
        return try HardwareDescription(config: try OffhookConfig(parsing: text, path: path),
                                       systemConf: try SystemConf(parsing: Self.systemConf, path: "system.conf"),
                                       systemConfPath: "system.conf")
    }

    @Test func aTrunkNamesItsSpansSideAndSwitchType() throws {
        let description = try describe(Self.layout + """
            [trunk exchange]
            spans = 2, 4      # two PRIs
            side = pri_cpe
            switchtype = EuroISDN
            """)
        let trunks = description.config.trunks
        #expect(trunks.map(\.name) == ["exchange"])
        #expect(trunks.first?.spans == [2, 4] && trunks.first?.side == .cpe && trunks.first?.switchType == "euroisdn")
        #expect(trunks.first?.line == 3 && trunks.first?.spansLine == 4)
    }

    @Test func defaultsAreTheUserSideAndEuroISDN() throws {
        let config = try OffhookConfig(parsing: "[trunk t]\nspans = 1\n[trunk n]\nspans = 2\nside = net\nswitchtype = qsig\n", path: "offhook.conf")
        #expect(config.trunks == [OffhookConfig.Trunk(name: "t", spans: [1], side: .cpe, switchType: "euroisdn", line: 1, spansLine: 2),
                                  OffhookConfig.Trunk(name: "n", spans: [2], side: .net, switchType: "qsig", line: 3, spansLine: 4)])
    }

    @Test func badTrunkEntriesAreLocated() throws {
        do {
            _ = try OffhookConfig(parsing: """
                [trunk pstn]
                spans = 1-x
                side = both
                switchtype = euroisdnx
                dialplan = national
                [trunk empty]
                side = net
                [trunk two words]
                [trunk pstn]
                spans = 3
                """, path: "offhook.conf")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.location) \($0.message)" } == [
                "offhook.conf:2:9 expected span numbers like 1 or 1-4, found '1-x'",
                "offhook.conf:3:8 expected cpe (user side, pri_cpe) or net (network side, pri_net), found 'both'",
                "offhook.conf:4:14 expected one of euroisdn, national, ni1, dms100, 4ess, 5ess, qsig, found 'euroisdnx'",
                "offhook.conf:5:1 unknown key 'dialplan' in [trunk]; expected one of: side, spans, switchtype",
                "offhook.conf:6:1 trunk 'empty' needs 'spans = N' (the PRI spans it takes, like 1 or 1-4)",
                "offhook.conf:8:1 expected '[trunk NAME]' with a one-word name",
                "offhook.conf:9:1 trunk 'pstn' is already given on line 1",
            ])
        }
    }

    @Test func trunkSpansMustBeDigitalSpansWithADChannelInOneTrunk() throws {
        do {
            _ = try describe(Self.layout + """
                [trunk a]
                spans = 2, 7
                [trunk b]
                spans = 1, 3
                [trunk c]
                spans = 2, 4
                """)
            Issue.record("accepted")
        } catch let error as ConfigError {
            #expect(error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "4:9 trunk 'a': span 7 is not configured in system.conf (its spans: 1, 2, 3, 4)",
                "6:9 trunk 'b': span 1 is an analog span; a PRI trunk needs an E1 or T1 span",
                "6:9 trunk 'b': span 3 has no D-channel; add 'dchan=' for its timeslot 16 (E1) or 24 (T1) in system.conf",
                "8:9 trunk 'c': span 2 is already in trunk 'a'; a span belongs to one trunk",
            ])
        }
    }

    @Test func theShippedSimulatedCardHasAnExchangeTrunkOnSpan2() throws {
        let description = try HardwareDescription.load(path: "\(HardwareDescriptionTests.root)/Hardware/simulated/offhook.conf")
        let trunk = try #require(description.config.trunks.first)
        #expect(trunk.spans == [2] && trunk.side == .cpe && trunk.switchType == "euroisdn")
        #expect(description.config.spanCables.map { [$0.0, $0.1] } == [[2, 3]], "span 3 plays the exchange")
        #expect(description.config.routes.contains { $0.dnis.contains("95588") })
    }

    @Test(arguments: [("e1-1span", [1]), ("e1-4span", [1, 2, 3, 4])])
    func theE1ExamplesTakeTheirSpansIntoService(folder: String, spans: [Int]) throws {
        let description = try HardwareDescription.load(path: "\(HardwareDescriptionTests.root)/Hardware/examples/\(folder)/offhook.conf")
        #expect(description.config.trunks.flatMap(\.spans) == spans)
    }
}
