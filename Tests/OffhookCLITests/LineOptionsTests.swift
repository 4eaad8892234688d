import CallEngine
import HardwareConfig
import Logging
import Media
import Signalling
import SimulatedCard
import Testing
import TelephonyDSP
import ToneZones
@testable import offhook

/// A session that keeps the call up until the far end hangs up.
private struct HoldingSession: CallSessionLogic {
    var nextDeadline: Duration? { nil }
    mutating func handle(_ event: SessionEvent, call: Call, at now: Duration) -> [SessionAction] { [] }
    mutating func advance(to now: Duration, call: Call) -> [SessionAction] { [] }
}

private struct HoldingApplication: CallApplication {
    func makeSession(for call: Call, route: CallRouter.Route) -> (any CallSessionLogic)? { HoldingSession() }
}

/// `[lines NAME]` options, from the parsed section to the port's state machine and caller-ID
/// receiver, and through the real call engine on the simulated card (China: 1 s rings, 4 s
/// apart): FXO port 1 hangs up on polarity reversal only and takes V.23 caller ID only, port 2
/// keeps the defaults, port 3 takes DTMF caller ID only.
@Suite struct LineOptionsTests {
    static let conf = """
        [ports]
        lines = 1-3
        [lines reversal]
        channels = 1
        disconnect = polarity-reversal
        caller-id = fsk-v23
        [lines dtmf-cid]
        channels = 3
        caller-id = dtmf
        answer-on-polarity-reversal = yes
        wait-for-dial-tone = no
        dial-tone-timeout = 2s
        """
    let config: OffhookConfig
    let zone: ToneZone
    let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 3, zone: "cn"))
    let media = MediaEngine()

    init() throws {
        config = try OffhookConfig(parsing: Self.conf, path: "offhook.conf")
        zone = try ToneZones.zone("cn")
        let media = self.media
        card.onTick { _ in media.runPass() }
    }

    // MARK: Mapping

    @Test func aLineInNoSectionGetsTheConfigurationTheDaemonAlwaysUsed() throws {
        let mapped = LineConfiguration.portConfiguration(config.lineOptions(for: 2), zone: zone)
        let before = FXOPort.Configuration(
            ringCadence: RingCadence(zone: zone) ?? .china, callerID: .afterFirstRing,
            disconnect: .init(loopCurrentDrop: true, polarityReversal: false, tones: [.busy, .congestion]))
        #expect(mapped == before)
    }

    @Test func aSectionsOptionsReachThePortConfiguration() throws {
        let reversal = LineConfiguration.portConfiguration(config.lineOptions(for: 1), zone: zone)
        #expect(reversal.disconnect == .init(loopCurrentDrop: false, polarityReversal: true, tones: []))
        #expect(reversal.callerID == .afterFirstRing && !reversal.answerOnPolarityReversal)
        let dtmf = LineConfiguration.portConfiguration(config.lineOptions(for: 3), zone: zone)
        #expect(dtmf.answerOnPolarityReversal && !dtmf.waitForDialTone && dtmf.dialToneTimeout == .seconds(2))
        let early = try OffhookConfig(parsing: "[ports]\nlines = 5\n[lines l]\nchannels = 5\ncaller-id-timing = before-first-ring\n", path: "c")
        #expect(LineConfiguration.portConfiguration(early.lineOptions(for: 5), zone: zone).callerID == .beforeFirstRing)
        #expect(LineConfiguration.portConfiguration(early.lineOptions(for: 5), zone: zone).ringsBeforeIncomingCall == 1)
        let none = try OffhookConfig(parsing: "[ports]\nlines = 5\n[lines l]\nchannels = 5\ncaller-id = none\n", path: "c")
        #expect(LineConfiguration.portConfiguration(none.lineOptions(for: 5), zone: zone).callerID == .none)
        #expect(LineConfiguration.callerIDAnalyzer(none.lineOptions(for: 5), zoneCode: "cn") == nil)
        #expect(LineConfiguration.analyzers(none.lineOptions(for: 5), zone: zone, zoneCode: "cn").count == 3)
    }

    /// The number each line's caller-ID receiver decodes from `samples`, or `nil`.
    func decoded(_ samples: [Int16], port: Int) throws -> String? {
        var analyzer = try #require(LineConfiguration.callerIDAnalyzer(config.lineOptions(for: port), zoneCode: "cn"))
        for start in stride(from: 0, through: samples.count - 160, by: 160) {
            let event = samples[start..<(start + 160)].withUnsafeBufferPointer { analyzer.analyze($0) }
            if case .callerID(let number, _, _) = event { return number }
        }
        return nil
    }

    static func dtmfCallerID(_ number: String) throws -> [Int16] {
        var generator = try DTMFCallerIDGenerator(message: CallerIDMessage(format: .dtmf, number: number))
        var samples = [Int16](repeating: 0, count: 24_000)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return Array(samples.prefix(count)) + [Int16](repeating: 0, count: 1600)
    }

    static func fskCallerID(_ number: String) throws -> [Int16] {
        try FSKCallerIDGenerator.samples(message: CallerIDMessage(number: number), standard: .v23) + [Int16](repeating: 0, count: 1600)
    }

    @Test func eachLineListensForItsOwnCallerIDOnly() throws {
        let dtmf = try Self.dtmfCallerID("13912345678"), fsk = try Self.fskCallerID("02087654321")
        #expect(try decoded(dtmf, port: 3) == "13912345678")
        #expect(try decoded(fsk, port: 3) == nil, "a DTMF-only line ignores FSK")
        #expect(try decoded(fsk, port: 1) == "02087654321")
        #expect(try decoded(dtmf, port: 1) == nil, "an FSK-only line ignores DTMF")
        #expect(try decoded(dtmf, port: 2) == "13912345678", "auto listens for both")
        #expect(try decoded(fsk, port: 2) == "02087654321")
    }

    /// What `offhook call` has the simulated exchange send on each line is what that line listens for.
    @Test func theSimulatedExchangeSendsEachLineItsOwnCallerID() throws {
        for port in config.linePorts {
            let muLaw = ExchangeCallerID.audio("13912345678", name: nil, dateTime: "11231630",
                                               signalling: config.lineOptions(for: port).callerID, zoneStandard: .v23)
            let samples = muLaw.map(G711.decodeMuLaw) + [Int16](repeating: 0, count: 1600)
            #expect(try decoded(samples, port: port) == "13912345678", "line \(port)")
        }
        let dtmf = ExchangeCallerID.audio("13912345678", name: nil, dateTime: "11231630", signalling: .dtmf, zoneStandard: .v23)
        #expect(try decoded(dtmf.map(G711.decodeMuLaw) + [Int16](repeating: 0, count: 1600), port: 1) == nil, "DTMF, not FSK")
        #expect(ExchangeCallerID.audio("139", name: nil, dateTime: "11231630", signalling: .none, zoneStandard: .v23).isEmpty)
    }

    @Test func offhookChannelsNamesALinesSection() throws {
        let description = try HardwareDescription.load(path: "\(OffhookProcess.root)/Hardware/examples/analog-4port/offhook.conf")
        let roles = description.layout.channels.map { ChannelTable.role(of: $0, description) }
        #expect(roles == ["agent", "agent", "line (city-exchange)", "line (old-exchange)"])
    }

    // MARK: Through the call engine

    func makeEngine() async throws -> CallEngine {
        let card = self.card
        let engine = CallEngine(media: media, router: CallRouter(routes: [.init(name: "all", channels: [1, 2, 3], target: "-")]),
                                application: HoldingApplication(), time: { .milliseconds(20 * card.frameCount) },
                                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        for port in config.linePorts {
            let options = config.lineOptions(for: port)
            try await engine.addLine(card.openChannel(port), configuration: LineConfiguration.portConfiguration(options, zone: zone),
                                     analyzers: LineConfiguration.analyzers(options, zone: zone, zoneCode: "cn"))
        }
        return engine
    }

    func run(_ frames: Int, _ engine: CallEngine) async {
        for _ in 0..<frames {
            card.advance(frames: 1)
            await engine.tick()
        }
    }

    /// Rings `port` with `callerID` audio after the first ring; runs until the engine answers.
    func callIn(_ engine: CallEngine, port: Int, callerID: [Int16]) async throws -> VirtualExchangeLine {
        let line = try #require(card.exchangeLine(on: port))
        line.ring(callerIDAudio: callerID.map(G711.encodeMuLaw))
        for _ in 0..<400 where !line.isAnswered { await run(1, engine) }
        try #require(line.isAnswered, "answered after the second ring")
        line.stopRinging()
        await run(40, engine)
        return line
    }

    @Test func polarityReversalEndsTheCallOnlyOnALineConfiguredForIt() async throws {
        let engine = try await makeEngine()
        let reversal = try await callIn(engine, port: 1, callerID: try Self.fskCallerID("13800138000"))
        let plain = try await callIn(engine, port: 2, callerID: [])
        #expect(await engine.activeCalls.count == 2)
        #expect(await engine.activeCalls.first { $0.channel.number == 1 }?.caller == "13800138000")

        reversal.disconnect(by: .polarityReversal)
        plain.disconnect(by: .polarityReversal)
        await run(50, engine)
        let ended = await engine.takeFinishedCalls()
        #expect(ended.map(\.channel.number) == [1])
        #expect(ended.first?.endReason == .farEndHungUp(method: "polarity reversal"))
        #expect(!reversal.isAnswered, "port 1 went back on hook")
        #expect(plain.isAnswered, "port 2 ignores the reversal")
        #expect(await engine.activeCalls.map(\.channel.number) == [2])

        plain.disconnect(by: .loopCurrentDrop())
        await run(50, engine)
        #expect(await engine.takeFinishedCalls().first?.endReason == .farEndHungUp(method: "loop-current drop"))
        #expect(!plain.isAnswered)
    }

    @Test func aDTMFCallerIDLineDecodesTheNumber() async throws {
        let engine = try await makeEngine()
        _ = try await callIn(engine, port: 3, callerID: try Self.dtmfCallerID("13912345678"))
        _ = try await callIn(engine, port: 1, callerID: try Self.dtmfCallerID("13912345678"))
        let calls = await engine.activeCalls
        #expect(calls.first { $0.channel.number == 3 }?.caller == "13912345678")
        #expect(calls.first { $0.channel.number == 1 }?.caller != "13912345678", "port 1 takes V.23 FSK only")
    }
}
