import HardwareConfig
import Testing
import TelephonyCore

/// The files in Hardware/ are read by the same code as a real card's, and must load.
@Suite struct HardwareDescriptionTests {
    static let root = String(#filePath[..<#filePath.firstRange(of: "/Tests/")!.lowerBound])

    @Test(arguments: ["simulated", "loopback", "examples/analog-4port", "examples/e1-1span", "examples/e1-4span"])
    func shippedHardwareFilesLoad(folder: String) throws {
        let description = try HardwareDescription.load(path: "\(Self.root)/Hardware/\(folder)/offhook.conf")
        #expect(!description.layout.channels.isEmpty)
    }

    @Test func simulatedCardLayout() throws {
        let description = try HardwareDescription.load(path: "\(Self.root)/Hardware/simulated/offhook.conf")
        let layout = description.layout
        #expect(layout.spans.map(\.kind) == [.analog, .e1, .e1])
        #expect(layout.spans.map(\.channelRange) == [1...8, 9...39, 40...70])
        #expect(layout.spans[1].dChannel == 24 && layout.spans[2].dChannel == 55)
        #expect(layout.defaultZone == "cn")
        #expect(description.config.agentPorts == [1, 2, 3, 4] && description.config.linePorts == [5, 6, 7, 8])
        #expect(description.config.routes.first?.dnis == ["95588", "4008001234"])
        let queue = try #require(description.config.queues.first)
        #expect(queue.name == "service" && queue.agents == [1, 2, 3, 4] && queue.ringTimeout == .seconds(15) && queue.strategy == "longest-idle-agent")
        #expect(layout.channels.first { $0.number == 30 }?.position == 22)
    }

    @Test func layoutIsInferredFromSpanLinesWithoutADeclaredLayout() throws {
        let description = try HardwareDescription.load(path: "\(Self.root)/Hardware/examples/e1-4span/system.conf")
        #expect(description.layout.spans.count == 4)
        #expect(description.layout.spans.map(\.dChannel) == [16, 47, 78, 109])
        #expect(description.layout.channels.count == 124)
    }

    @Test func rolesMustMatchThePorts() throws {
        let conf = try SystemConf(parsing: "fxoks=1-2\nfxsks=3-4\n", path: "system.conf")
        let config = try OffhookConfig(parsing: "[ports]\nagents = 1-3\n[wiring]\ncable = 3:1\n", path: "offhook.conf")
        #expect(throws: ConfigError.self) {
            try HardwareDescription(config: config, systemConf: conf, systemConfPath: "system.conf")
        }
    }

    @Test func offhookConfigErrorsAreLocated() throws {
        do {
            _ = try OffhookConfig(parsing: """
                [card]
                backend = dahdii
                colour = blue
                [route sales]
                channels = 5-6
                [wiring
                """, path: "offhook.conf")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.location) \($0.message)" } == [
                "offhook.conf:2:11 expected one of auto, dahdi, simulated, found 'dahdii'",
                "offhook.conf:3:1 unknown key 'colour' in [card]; expected one of: backend, layout, system-conf",
                "offhook.conf:4:1 route 'sales' needs 'script = FILE'",
                "offhook.conf:6:1 expected ']' to close the section header",
            ])
        }
    }

    @Test func missingFileIsNamed() {
        do {
            _ = try HardwareDescription.load(path: "/nonexistent/offhook.conf")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/offhook.conf:1:1: error: cannot read the file: No such file or directory"))
        }
    }
}
