import Foundation
import Testing

/// `offhook channels` and `offhook run`, run as a user runs them.
@Suite struct ChannelsCommandTests {
    @Test func jsonListsFXSFXOAndE1Channels() throws {
        let result = try OffhookProcess.run(["channels", "--json", "--config", "Hardware/simulated/offhook.conf"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let spans = try #require(json?["spans"] as? [[String: Any]])
        let channels = spans.flatMap { ($0["channels"] as? [[String: Any]]) ?? [] }
        let types = channels.compactMap { $0["type"] as? String }
        #expect(types.filter { $0 == "FXS" }.count == 4)
        #expect(types.filter { $0 == "FXO" }.count == 4)
        #expect(types.filter { $0 == "B" }.count == 60)
        #expect(types.filter { $0 == "D" }.count == 2)
        #expect(spans.map { $0["kind"] as? String } == ["analog", "E1", "E1"])
        let first = try #require(channels.first)
        #expect(first["signalling"] as? String == "fxoks" && first["hook"] as? String == "on-hook" && first["role"] as? String == "agent")
        #expect(first["extensions"] as? [String] == ["801"], "[extensions] 801 = 1")
        let text = try OffhookProcess.run(["channels", "--config", "Hardware/simulated/offhook.conf"])
        #expect(text.stdout.split(separator: "\n").contains("2    FXS  fxoks   on-hook            SIM/2       agent ext 802"))
        #expect(channels.first { $0["number"] as? Int == 9 }?["role"] as? String == "trunk exchange", "span 2 is [trunk exchange]")
        #expect(channels.first { $0["number"] as? Int == 24 }?["role"] as? String == "trunk exchange D-channel")
    }

    @Test func tableLooksLikeLsdahdi() throws {
        let result = try OffhookProcess.run(["channels", "--config", "Hardware/loopback/offhook.conf"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "### Span 1: SIM/1 \"Simulated analog span (2 FXS, 2 FXO)\" OK zone=cn")
        #expect(lines[1] == "1    FXS  fxoks   on-hook            SIM/1       loopback")
        #expect(lines.contains("### Span 2: SIM/2 \"Simulated E1 span (30 B, 1 D)\" OK zone=cn"))
    }

    @Test func malformedSystemConfIsRefusedWithItsLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offhook-bad-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("system.conf").path
        try "span=1,1,0,ccs,hdb3\nbchan=1-15,17-31\ndchan=16x\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try OffhookProcess.run(["channels", "--config", path])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("\(path):3:7: error: expected a channel number, found '16x'\ndchan=16x\n      ^~~\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test func runBringsTheSimulatedCardUpAndStopsCleanly() throws {
        let result = try OffhookProcess.run(["run", "--config", "Hardware/simulated/offhook.conf"], interruptAfter: .milliseconds(1500))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("### Span 1: SIM/1"))
        #expect(result.stderr.contains("simulated card clock started"))
        // About 50 frames a second of real time went by.
        let frames = result.stderr.split(separator: "\n").first { $0.contains("clock stopped") }
            .flatMap { $0.split(separator: "frames=").last?.split(separator: " ").first }.flatMap { Int($0) }
        #expect((40...120).contains(frames ?? 0), "frames ticked: \(frames.map(String.init) ?? "none")")
    }

    @Test func runTakesThePRITrunkIntoServiceWithTheSimulatedExchangeOnTheCabledSpan() throws {
        let result = try OffhookProcess.run(["run", "--config", "Hardware/simulated/offhook.conf"], interruptAfter: .seconds(4))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("PRI span 2 (trunk exchange): user side, euroisdn, 30 B-channels, D-channel 24"))
        #expect(result.stderr.contains("PRI span 2: D-channel up"), "Q.921 came up across the span cable")
        #expect(result.stderr.contains("simulated exchange span 3: D-channel up"))
    }
}
