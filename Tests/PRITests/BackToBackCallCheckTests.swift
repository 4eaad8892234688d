import PRI
import SimulatedCard
import Testing

@Suite("BackToBackCallCheck")
struct BackToBackCallCheckTests {
    @Test(arguments: [SwitchType.euroISDN, .nationalISDN2, .dms100, .lucent5ESS, .qsig])
    func passesOverASocketPair(switchType: SwitchType) async throws {
        let (a, b) = try DChannelTransport.makeSocketPair()
        let result = try await BackToBackCallCheck.run(network: a, user: b, switchType: switchType,
                                                       called: "5550123", calling: "1000")
        #expect(result.receivedCalledNumber == "5550123")
        #expect(result.receivedCallingNumber == "1000")
        #expect(result.receivedCause == .normalClearing)
        #expect(BChannelPool.e1().contains(result.channel))
        #expect(result.setupTime < .seconds(1))
        print("\(switchType): link up \(result.linkUpTime), setup \(result.setupTime), clearing \(result.clearingTime), B\(result.channel)")
    }

    @Test func passesAcrossTheSimulatedCard() async throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 0, fxoPorts: 0, e1Spans: 2))
        try card.cable(span: 1, to: 2)
        let net = try DChannelBridge(channel: try card.openChannel(16))
        let cpe = try DChannelBridge(channel: try card.openChannel(47))
        // The card's clock on its own thread, so a busy task pool cannot starve it.
        let clock = RealTimeClock {
            card.advance(frames: 1)
            _ = ((try? net.pump()) ?? 0) + ((try? cpe.pump()) ?? 0)
        }
        clock.start()
        defer { clock.stop() }
        let result = try await BackToBackCallCheck.run(network: net.transport, user: cpe.transport, timeout: .seconds(30))
        #expect(result.receivedCause == .normalClearing)
        print("simulated card: \(card.frameCount) frames, setup \(result.setupTime)")
    }

    @Test func anUnwiredSpanFailsAtTheLinkStep() async throws {
        let (a, _) = try DChannelTransport.makeSocketPair()
        let (b, _) = try DChannelTransport.makeSocketPair()
        await #expect {
            _ = try await BackToBackCallCheck.run(network: a, user: b, timeout: .milliseconds(300))
        } throws: { error in
            (error as? BackToBackCallCheck.Failure)?.step == "D-channel up on both sides"
        }
    }
}
