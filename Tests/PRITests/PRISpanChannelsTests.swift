import PRI
import SimulatedCard
import TelephonyCore
import Testing

@Suite("PRISpanChannels")
struct PRISpanChannelsTests {
    @Test func mapsTheSimulatedCardsE1Spans() throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 2, fxoPorts: 2, e1Spans: 2))
        let spans = try card.spans()
        #expect(PRISpanChannels(span: spans[0]) == nil, "the analog span has no D-channel")
        let first = try #require(PRISpanChannels(span: spans[1]))
        let second = try #require(PRISpanChannels(span: spans[2]))
        #expect(first.dChannel == 5 + 15)
        #expect(first.bChannels == Array(1...15) + Array(17...31))
        #expect(first.cardChannel(forBChannel: 1) == 5)
        #expect(first.cardChannel(forBChannel: 17) == 21)
        #expect(first.cardChannel(forBChannel: 16) == nil)
        #expect(second.firstChannel == 36)
        #expect(second.bChannel(forCardChannel: 36 + 16) == 17)
        #expect(second.bChannel(forCardChannel: second.dChannel) == nil)
        #expect(second.bChannel(forCardChannel: 5) == nil)
        #expect(second.makePool() == BChannelPool.e1())
        // The card agrees: the D-channel is a D-channel, a mapped B-channel a bearer channel.
        #expect(try card.openChannel(second.dChannel).info.portKind == .dChannel)
        #expect(try card.openChannel(second.cardChannel(forBChannel: 31)!).info.portKind == .bChannel)
    }

    @Test func t1SpanWithTheDChannelOnTimeslot24() {
        let span = SpanInfo(number: 1, name: "T1", description: "", kind: .t1, channels: 1...24, dChannel: 24)
        let map = PRISpanChannels(span: span)
        #expect(map?.bChannels == Array(1...23))
        #expect(map?.makePool() == BChannelPool.t1())
    }
}
