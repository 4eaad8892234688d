import Signalling
import SimulatedCard
import TelephonyCore
import Testing

/// The state machines driven by real line events from the simulated card, the way the
/// signalling owner will run them: one pass per 20 ms frame, events in, hook commands out.
@Suite("Signalling on the simulated card")
struct SimulatedCardSignallingTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "cn"))

    /// One owner pass for an FXO port: events → machine → hook commands; returns the reports.
    private func pass(_ line: inout FXOPort, _ channel: any TelephonyChannel, extra: [FXOPort.Input] = []) throws -> [FXOPort.Event] {
        let now = Duration.milliseconds(20 * card.frameCount)
        var actions = line.advance(to: now)
        for event in try channel.drainEvents() { actions += line.handle(.line(event), at: now) }
        for input in extra { actions += line.handle(input, at: now) }
        var reports: [FXOPort.Event] = []
        for action in actions {
            switch action {
            case .setHook(let command): try channel.setHook(command)
            case .report(let event): reports.append(event)
            case .sendDigits: break
            }
        }
        return reports
    }

    @Test(arguments: ["loop-current drop", "polarity reversal"])
    func fxoAnswersARingingLineAndNoticesTheExchangeHangUp(method: String) throws {
        let channel = try card.openChannel(2)
        let exchange = try #require(card.exchangeLine(on: 2))
        var line = FXOPort(configuration: .init(
            ringCadence: .china, callerID: .afterFirstRing,
            disconnect: .init(loopCurrentDrop: true, polarityReversal: true)))
        exchange.ring()
        var reports: [FXOPort.Event] = []
        var frames = 0
        while !reports.contains(where: { if case .incomingCall = $0 { true } else { false } }) && frames < 600 {
            card.advance(frames: 1)
            frames += 1
            reports += try pass(&line, channel)
        }
        #expect(reports.filter { if case .ringing = $0 { true } else { false } }.count == 2)
        #expect(frames > 250 && frames < 330, "second ring of China's 1 s on / 4 s off cadence (frame \(frames))")
        reports += try pass(&line, channel, extra: [.answer])
        card.advance(frames: 3)
        _ = try pass(&line, channel)
        #expect(exchange.isAnswered)
        #expect(!exchange.isRinging, "answering stopped the ringing")
        #expect(line.state == .connected)

        card.advance(by: .seconds(2))
        _ = try pass(&line, channel)
        exchange.disconnect(by: method == "polarity reversal" ? .polarityReversal : .loopCurrentDrop())
        var ended: [FXOPort.Event] = []
        for _ in 0..<10 {
            card.advance(frames: 1)
            ended += try pass(&line, channel)
        }
        let expected: FXOPort.DisconnectMethod = method == "polarity reversal" ? .polarityReversal : .loopCurrentDrop
        #expect(ended == [.farEndDisconnected(expected)])
        #expect(!exchange.isAnswered, "the port went back on hook")
    }

    @Test func fxoReportsAnAbandonedCallWhenTheRingingStops() throws {
        let channel = try card.openChannel(2)
        let exchange = try #require(card.exchangeLine(on: 2))
        var line = FXOPort(configuration: .init(ringCadence: .china, callerID: .none))
        exchange.ring()
        var reports: [FXOPort.Event] = []
        for _ in 0..<100 { card.advance(frames: 1); reports += try pass(&line, channel) }
        #expect(reports == [.ringing(count: 1), .incomingCall(nil)])
        exchange.stopRinging()
        for _ in 0..<400 { card.advance(frames: 1); reports += try pass(&line, channel) }
        #expect(reports.last == .callAbandoned)
        #expect(line.state == .idle)
    }

    /// One owner pass for an FXS port.
    private func pass(_ port: inout FXSPort, _ channel: any TelephonyChannel, extra: [FXSPort.Input] = []) throws -> [FXSPort.Action] {
        let now = Duration.milliseconds(20 * card.frameCount)
        var actions = port.advance(to: now)
        for event in try channel.drainEvents() {
            if let input = FXSPort.Input(event) { actions += port.handle(input, at: now) }
        }
        for input in extra { actions += port.handle(input, at: now) }
        for action in actions {
            switch action {
            case .ringerOn: try channel.setHook(.ring)
            case .ringerOff: try channel.setHook(.ringOff)
            case .openLoop: try channel.setHook(.onHook)
            default: break
            }
        }
        return actions
    }

    @Test func fxsFollowsThePhoneHookAndFlashAsTheCardReportsThem() throws {
        let channel = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        // The card debounces and times flashes itself (as DAHDI does), so the machine trusts it.
        var port = FXSPort(configuration: .init(ringCadence: .china, hookDebounce: .zero, flashMaximum: .zero))
        phone.lift()
        var actions: [FXSPort.Action] = []
        for _ in 0..<5 { card.advance(frames: 1); actions += try pass(&port, channel) }
        #expect(actions == [.playTone(.dial), .report(.offHook)])
        actions = []
        for d in "12#" { actions += try pass(&port, channel, extra: [.digit(d)]) }
        #expect(actions.last == .report(.dialled("12")))
        actions = try pass(&port, channel, extra: [.farEndAnswered])
        #expect(port.state == .connected)
        phone.flash()
        for _ in 0..<40 { card.advance(frames: 1); actions += try pass(&port, channel) }
        #expect(actions.contains(.report(.flash)))
        #expect(port.state == .connected)
        phone.hangUp()
        actions = []
        for _ in 0..<100 { card.advance(frames: 1); actions += try pass(&port, channel) }
        #expect(actions == [.report(.hungUp)])
        #expect(port.state == .idle)
    }

    @Test func fxsSignalsTheFarEndHangUpToThePhoneByOpeningTheLoop() throws {
        let channel = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        var port = FXSPort(configuration: .init(ringCadence: .china, hookDebounce: .zero, flashMaximum: .zero))
        phone.lift()
        for _ in 0..<3 { card.advance(frames: 1); _ = try pass(&port, channel) }
        for d in "5#" { _ = try pass(&port, channel, extra: [.digit(d)]) }
        _ = try pass(&port, channel, extra: [.farEndAnswered])
        _ = phone.takeEvents()
        #expect(phone.hasLoopCurrent)
        let actions = try pass(&port, channel, extra: [.farEndDisconnected])
        #expect(actions == [.openLoop, .playTone(.busy)])
        card.advance(frames: 2)
        #expect(!phone.hasLoopCurrent, "battery removed")
        #expect(phone.takeEvents().contains(.loopCurrentDrop))
        card.advance(by: .seconds(1))
        #expect(phone.hasLoopCurrent, "battery back after the kewlstart pulse")
        // The card must not mistake its own pulse for the phone hanging up.
        for _ in 0..<10 { card.advance(frames: 1); _ = try pass(&port, channel) }
        #expect(port.state == .busy)
    }

    @Test func fxsRingsThePhoneAndTheAnswerStopsIt() throws {
        let channel = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        var port = FXSPort(configuration: .init(ringCadence: .china, callerID: .none, hookDebounce: .zero, flashMaximum: .zero))
        var actions = try pass(&port, channel, extra: [.ring(nil)])
        #expect(actions == [.ringerOn])
        var rangAt: Int?
        for i in 0..<30 where rangAt == nil { card.advance(frames: 1); _ = try pass(&port, channel); if phone.isRinging { rangAt = i } }
        #expect(rangAt != nil, "the bell rang")
        for _ in 0..<100 { card.advance(frames: 1); _ = try pass(&port, channel) }
        phone.lift()
        actions = []
        for _ in 0..<5 { card.advance(frames: 1); actions += try pass(&port, channel) }
        #expect(actions.contains(.report(.answered)))
        #expect(port.state == .connected)
        #expect(!phone.isBeingRung)
    }
}
