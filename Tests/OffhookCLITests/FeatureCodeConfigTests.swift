import ACD
import ACDService
import CallEngine
import HardwareConfig
import Logging
import Media
import SimulatedCard
import Testing
import TelephonyDSP
@testable import offhook

/// `[agents]` feature codes from offhook.conf, through ``ACDConfiguration`` to the distributor,
/// and dialled as real DTMF on simulated phones through the call engine.
@Suite struct FeatureCodeConfigTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 0, zone: "cn"))
    let media = MediaEngine()
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static let conf = """
        [ports]
        agents = 1-2
        [agents]
        login = *71
        logout = *72
        [queue service]
        agents = 1-2
        """

    @Test func theDistributorTakesTheConfiguredCodes() throws {
        let config = try OffhookConfig(parsing: Self.conf, path: "offhook.conf")
        let distributor = try ACDConfiguration.distributor(from: config, logger: logger)
        #expect(distributor.featureCodes.codes == [.logIn: "*71", .logOut: "*72", .ready: "*3", .pause: "*4"])
        let plain = try ACDConfiguration.distributor(from: OffhookConfig(parsing: "[ports]\nagents = 1\n", path: "c"), logger: logger)
        #expect(plain.featureCodes == .standard)
    }

    @Test func anAgentDiallingTheConfiguredCodeLogsIn() async throws {
        let config = try OffhookConfig(parsing: Self.conf, path: "offhook.conf")
        let card = self.card, media = self.media
        card.onTick { _ in media.runPass() }
        let engine = CallEngine(media: media, router: CallRouter(routes: []), application: NoApplication(),
                                time: { .milliseconds(20 * card.frameCount) }, logger: logger)
        for port in config.agentPorts {
            try await engine.addAgentPhone(card.openChannel(port), configuration: .cardDebounced(ringCadence: .china, callerID: .none),
                                           analyzers: [DTMFAnalyzer()])
        }
        var acd = ACDCoordinator(distributor: try ACDConfiguration.distributor(from: config, logger: logger), holdMusic: nil, logger: logger)
        func run(_ frames: Int) async {
            for _ in 0..<frames {
                card.advance(frames: 1)
                await engine.tick()
                await acd.tick(engine: engine, at: .milliseconds(20 * card.frameCount))
            }
        }
        let custom = try #require(card.phone(on: 1)), standard = try #require(card.phone(on: 2))
        custom.lift()
        standard.lift()
        await run(25)
        try custom.dial("*71#")
        try standard.dial("*1#")
        await run(100)
        #expect(acd.distributor.agents[1]?.status == .available, "*71 logs in")
        #expect(acd.distributor.agents[2]?.status == .loggedOut, "*1 is no longer the login code")
        custom.hangUp()
        await run(75)
        custom.lift()
        await run(25)
        try custom.dial("*72#")
        await run(100)
        #expect(acd.distributor.agents[1]?.status == .loggedOut, "*72 logs out")
    }
}

/// No IVR: the test has no exchange lines.
private struct NoApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { nil }
}
