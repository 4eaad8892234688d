import SimulatedCard
import Testing
import TelephonyCore
import TelephonyDSP

/// The far ends of analog ports: phones on FXS ports, exchange lines behind FXO ports.
@Suite struct VirtualDeviceTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "cn"))

    @Test func phoneRingsWithTheZoneCadenceAndAnswerTripsTheRing() throws {
        let port = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        try port.setHook(.ring)
        card.advance(frames: 2)
        #expect(phone.isRinging)
        card.advance(by: .milliseconds(1000))          // China: 1 s on, 4 s off
        #expect(!phone.isRinging && phone.isBeingRung)
        card.advance(by: .milliseconds(4000))
        #expect(phone.isRinging)
        #expect(phone.takeEvents().filter { $0 == .ringBegin }.count == 2)
        #expect(try port.drainEvents() == [.ringerOn, .ringerOff, .ringerOn])
        phone.lift()
        card.advance(frames: 1)
        #expect(try port.drainEvents().contains(.offHook))
        #expect(!phone.isBeingRung)
        #expect(try port.hookState() == .offHook)
    }

    @Test func phoneFlashAndHangUpAreTimedLikeDAHDI() throws {
        let port = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        phone.lift()
        card.advance(frames: 2)
        #expect(try port.drainEvents() == [.offHook])
        phone.flash(duration: .milliseconds(400))
        card.advance(by: .milliseconds(600))
        #expect(try port.drainEvents() == [.flash])
        phone.hangUp()
        card.advance(by: .milliseconds(1000))
        #expect(try port.drainEvents().isEmpty, "a hang-up is not reported inside the flash window")
        card.advance(by: .milliseconds(400))
        #expect(try port.drainEvents() == [.onHook])
    }

    @Test func audioReachesThePhoneInLinearMode() throws {
        let port = try card.openChannel(1)
        let phone = try #require(card.phone(on: 1))
        try port.setAudioFormat(.linear16)
        phone.lift()
        card.advance(frames: 1)
        let ramp = (0..<160).map { Int16($0 * 100 - 8000) }
        _ = try ramp.withUnsafeBufferPointer { try port.writeSamples($0) }
        card.advance(frames: 1)
        let heard = phone.heardSamples().suffix(160)
        // G.711 µ-law keeps each sample within its segment's step (about 3 % of the value).
        for (sent, got) in zip(ramp, heard) {
            #expect(abs(Int(sent) - Int(got)) <= max(8, abs(Int(sent)) / 16))
        }
        phone.send(samples: ramp)
        card.advance(frames: 1)
        var frame = [Int16](repeating: 0, count: 160)
        var result = ChannelIO.wouldBlock
        repeat {
            _ = try port.drainEvents()
            result = try frame.withUnsafeMutableBufferPointer { try port.readSamples(into: $0) }
        } while result == .bytes(320) && frame.allSatisfy { $0 == 0 }
        #expect(result == .bytes(320))
        #expect(zip(ramp, frame).allSatisfy { abs(Int($0) - Int($1)) <= max(8, abs(Int($0)) / 16) })
    }

    @Test(arguments: ["loop-current drop", "polarity reversal"])
    func exchangeDisconnectsAnAnsweredCall(method: String) throws {
        let port = try card.openChannel(2)
        let line = try #require(card.exchangeLine(on: 2))
        line.ring()
        card.advance(frames: 3)
        #expect(try port.drainEvents() == [.ringBegin])
        try port.setHook(.offHook)
        card.advance(frames: 2)
        #expect(line.isAnswered && !line.isRinging)
        card.advance(frames: 2)
        _ = try port.drainEvents()
        line.disconnect(by: method == "polarity reversal" ? .polarityReversal : .loopCurrentDrop())
        card.advance(frames: 2)
        let expected: LineEvent = method == "polarity reversal" ? .polarityReversal : .loopCurrentDrop
        #expect(try port.drainEvents() == [expected])
    }

    @Test func exchangeDisconnectByToneKeepsTheLoopAndSendsTheTone() throws {
        let port = try card.openChannel(2)
        let line = try #require(card.exchangeLine(on: 2))
        try port.setHook(.offHook)
        card.advance(frames: 1)
        let burst = [UInt8](repeating: 0x10, count: 80) + [UInt8](repeating: 0xFF, count: 80)
        line.disconnect(by: .tone(muLaw: burst))
        card.advance(frames: 3)
        var frame = [UInt8](repeating: 0, count: 160)
        var frames: [[UInt8]] = []
        while case .bytes = try frame.withUnsafeMutableBytes({ try port.read(into: $0) }) { frames.append(frame) }
        #expect(frames.suffix(2).allSatisfy { $0 == burst })
        #expect(try port.drainEvents().isEmpty, "no electrical disconnect")
    }

    @Test func callerIDAudioCrossesOnHookAfterTheFirstRing() throws {
        let port = try card.openChannel(2)
        let line = try #require(card.exchangeLine(on: 2))
        let marker = [UInt8](repeating: 0x33, count: 320)
        line.ring(callerIDAudio: marker)
        var frame = [UInt8](repeating: 0, count: 160)
        var heardAt: Int?
        for tick in 0..<400 where heardAt == nil {
            card.advance(frames: 1)
            _ = try port.drainEvents()
            while case .bytes = try frame.withUnsafeMutableBytes({ try port.read(into: $0) }) {
                if frame == Array(marker.prefix(160)) { heardAt = tick }
            }
        }
        let at = try #require(heardAt)
        #expect(at > 50 && at < 100, "China: after the 1 s ring, in the silent interval (tick \(at))")
        #expect(try port.hookState() == .onHook)
    }

    @Test func openTwiceIsRefusedAndUnknownChannelsAreNamed() throws {
        let first = try card.openChannel(1)
        #expect(throws: ChannelError.self) { try card.openChannel(1) }
        first.close()
        #expect(try card.openChannel(1).info.number == 1, "a closed channel can be opened again")
        do {
            _ = try card.openChannel(99)
            Issue.record("opened channel 99")
        } catch {
            #expect(error.code == .noSuchChannel && error.channel == 99)
        }
    }
}

/// Keys pressed on virtual devices are real DTMF audio: the real receiver hears them at the port.
@Suite struct VirtualKeypadTests {
    @Test func aPhoneDiallingAFeatureCodeIsHeardByTheDTMFReceiver() throws {
        let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1))
        let port = try card.openChannel(1)
        try port.setAudioFormat(.linear16)
        let phone = try #require(card.phone(on: 1))
        phone.lift()
        try phone.dial("*1#")
        var receiver = DTMFReceiver()
        var digits = ""
        var frame = [Int16](repeating: 0, count: 160)
        for _ in 0..<60 {
            card.advance(frames: 1)
            _ = try port.drainEvents()
            while case .bytes = try frame.withUnsafeMutableBufferPointer({ try port.readSamples(into: $0) }) {
                if let event = frame.withUnsafeBufferPointer({ receiver.process($0) }), !event.isDown {
                    digits.append(event.digit.character)
                }
            }
        }
        #expect(digits == "*1#")
    }
}
