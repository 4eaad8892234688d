import SimulatedCard
import Foundation
import Testing
import TelephonyCore
import TelephonyDSP

/// The simulated exchange answering the port's own calls: dial tone, digits heard through the
/// real DTMF receiver, ringback, a far party, busy numbers, and the far party hanging up.
@Suite struct ExchangeDialServiceTests {
    let card = SimulatedCard(layout: .simulated(fxsPorts: 1, fxoPorts: 1, zone: "cn"))

    /// China's tones, in libtonezone's notation.
    func service(answerAfter: Duration = .seconds(2), busy: Set<String> = [], hangUpAfter: Duration? = nil,
                 farParty: [Int16] = []) throws -> ExchangeDialService {
        ExchangeDialService(dialTone: try ToneSpec(parsing: "450"), ringback: try ToneSpec(parsing: "450/1000,0/4000"),
                            busyTone: try ToneSpec(parsing: "450/350,0/350"), answerAfter: answerAfter,
                            busyNumbers: busy, farPartyAudio: farParty, farPartyHangsUpAfter: hangUpAfter)
    }

    /// Sends `samples` (silence after them) on the port for `frames` frames; returns what it heard.
    func exchange(_ port: any TelephonyChannel, sending samples: [Int16] = [], frames: Int) throws -> [Int16] {
        var heard: [Int16] = []
        var frame = [Int16](repeating: 0, count: 160)
        for f in 0..<frames {
            for i in 0..<160 { frame[i] = f * 160 + i < samples.count ? samples[f * 160 + i] : 0 }
            _ = try frame.withUnsafeBufferPointer { try port.writeSamples($0) }
            card.advance(frames: 1)
            while true {
                let result = try frame.withUnsafeMutableBufferPointer { try port.readSamples(into: $0) }
                if case .bytes = result { heard += frame } else if case .eventPending = result { _ = try port.drainEvents() } else { break }
            }
        }
        return heard
    }

    /// The level of `frequency` in `samples`, dBm0.
    func level(_ samples: ArraySlice<Int16>, at frequency: Double) -> Double {
        var filter = Goertzel(frequency: frequency)
        Array(samples).withUnsafeBufferPointer { filter.process($0) }
        return filter.level
    }

    @Test func seizingGetsDialToneAndTheDigitsGetRingbackThenTheFarParty() throws {
        let line = try #require(card.exchangeLine(on: 2))
        line.provideDialService(try service(farParty: (0..<8000).map { Int16(8000 * sin(2 * .pi * 1000 * Double($0) / 8000)) }))
        let port = try card.openChannel(2)
        try port.setAudioFormat(.linear16)
        try port.setHook(.offHook)
        let dialTone = try exchange(port, frames: 25)
        #expect(level(dialTone.suffix(1600), at: 450) > -20, "dial tone while nothing is dialled")

        let digits = try DTMFGenerator.samples(for: "5551234", onMS: 100, offMS: 100)
        let whileDialling = try exchange(port, sending: digits, frames: digits.count / 160 + 10)
        #expect(level(whileDialling.suffix(1600), at: 450) < -50, "dial tone stops at the first digit")
        // The number is complete after the 3 s pause; then China's ringback: 1 s on, 4 s off.
        let ringback = try exchange(port, frames: 150 + 50)
        #expect(level(ringback[(150 * 160)...].prefix(1600), at: 450) > -20, "ringback after the pause")
        let answered = try exchange(port, frames: 75)
        #expect(level(answered.suffix(1600), at: 1000) > -15, "the far party talks once it answered")
        #expect(level(answered.suffix(1600), at: 450) < -50)
        #expect(line.outgoingCalls == [ExchangeOutgoingCall(number: "5551234", outcome: .answered)])
    }

    @Test func aBusyNumberGetsBusyTone() throws {
        let line = try #require(card.exchangeLine(on: 2))
        line.provideDialService(try service(busy: ["114"]))
        let port = try card.openChannel(2)
        try port.setAudioFormat(.linear16)
        try port.setHook(.offHook)
        _ = try exchange(port, frames: 10)
        let digits = try DTMFGenerator.samples(for: "114", onMS: 100, offMS: 100)
        let heard = try exchange(port, sending: digits, frames: digits.count / 160 + 150 + 35)
        // 350 ms on, 350 ms off: the last 700 ms hold one burst and one gap.
        let last = heard.suffix(35 * 160)
        let bursts = stride(from: last.startIndex, to: last.endIndex, by: 160).map { level(last[$0..<($0 + 160)], at: 450) > -25 }
        #expect(bursts.contains(true) && bursts.contains(false), "cadenced busy tone, not steady: \(bursts)")
        #expect(line.outgoingCalls == [ExchangeOutgoingCall(number: "114", outcome: .busy)])
    }

    @Test func answeringAnIncomingRingGetsNoDialTone() throws {
        let line = try #require(card.exchangeLine(on: 2))
        line.provideDialService(try service())
        let port = try card.openChannel(2)
        try port.setAudioFormat(.linear16)
        line.ring()
        card.advance(by: .milliseconds(500))
        try port.setHook(.offHook)
        let heard = try exchange(port, frames: 50)
        #expect(level(heard.suffix(4000), at: 450) < -50, "an answered call is the caller's, not the dial service's")
        #expect(line.outgoingCalls.isEmpty)
    }

    @Test func theFarPartyHangingUpDropsLoopCurrentAndHangingUpEndsTheCall() throws {
        let line = try #require(card.exchangeLine(on: 2))
        line.provideDialService(try service(answerAfter: .seconds(1), hangUpAfter: .seconds(1)))
        let port = try card.openChannel(2)
        try port.setAudioFormat(.linear16)
        try port.setHook(.offHook)
        _ = try exchange(port, frames: 10)
        let digits = try DTMFGenerator.samples(for: "8", onMS: 100, offMS: 100)
        _ = try exchange(port, sending: digits, frames: digits.count / 160 + 150 + 50)
        var events: [LineEvent] = []
        for _ in 0..<60 {
            card.advance(frames: 1)
            events += try port.drainEvents()
        }
        #expect(events.contains(.loopCurrentDrop), "\(events)")
        try port.setHook(.onHook)
        card.advance(frames: 5)
        // Seizing again starts a new call with dial tone.
        try port.setHook(.offHook)
        let again = try exchange(port, frames: 25)
        #expect(level(again.suffix(1600), at: 450) > -20)
        try port.setHook(.onHook)
        card.advance(frames: 2)
        #expect(line.outgoingCalls.map(\.outcome) == [.answered, .abandoned])
    }
}
