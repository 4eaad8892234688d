import Testing
import TelephonyDSP
import DSPTestSupport

/// Fax and modem tones from ITU-T T.30 (CNG 1100 ± 38 Hz, CED 2100 ± 15 Hz), V.25 (ANS with
/// phase reversals every 450 ms), V.8 (ANSam: 15 Hz, 20 % AM) and V.21 (HDLC flags, 300 bit/s).
@Suite("FaxToneDetector")
struct FaxToneDetectorTests {
    static func detect(_ x: [Double]) -> [FaxToneEvent] {
        var detector = FaxToneDetector()
        return DetectorRun.events(ToneSignals.pcm(x)) { detector.process($0) }
    }

    static func cng(_ f: Double = 1100, dBm0: Double = -10, ms: Double = 500) -> [Double] {
        ToneSignals.silence(ms: 300) + ToneSignals.tone([f], dBm0: dBm0, ms: ms) + ToneSignals.silence(ms: 500)
    }

    static func answer(_ f: Double = 2100, dBm0: Double = -10, ms: Double = 2600, reversals: Bool = false, depth: Double = 0) -> [Double] {
        ToneSignals.silence(ms: 300) + ToneSignals.answerTone(dBm0: dBm0, ms: ms, frequency: f, reversals: reversals, depth: depth)
    }

    func onsets(_ events: [FaxToneEvent]) -> [FaxTone] { events.filter(\.isOn).map(\.tone) }

    @Test("CNG inside T.30's 1100 ± 38 Hz, −10 to −40 dBm0", arguments: [1062.0, 1100, 1138])
    func cngAccepted(f: Double) {
        for level in [-10.0, -25, -40] {
            let events = Self.detect(Self.cng(f, dBm0: level))
            #expect(onsets(events) == [.cng], "\(f) Hz at \(level) dBm0: \(events)")
            // Reported when the 500 ms burst has ended (≤ 60 ms later), never before.
            if let on = events.first { #expect(on.milliseconds > 800 && on.milliseconds < 860) }
        }
    }

    @Test("near-miss tones are neither CNG nor CED nor V.21", arguments: [1000.0, 1200, 1300, 1160, 1040, 2000, 2070, 2130, 2200, 2225, 1650, 1850])
    func nearMisses(f: Double) {
        let x = ToneSignals.silence(ms: 300) + ToneSignals.tone([f], dBm0: -10, ms: 3000)
        #expect(Self.detect(x).isEmpty, "\(f) Hz")
        #expect(Self.detect(Self.cng(f)).isEmpty, "\(f) Hz burst")
    }

    @Test("a held 1100 Hz note (1 s) is not a CNG burst; nor is 250 ms")
    func cngDuration() {
        #expect(Self.detect(Self.cng(ms: 1000)).isEmpty)
        #expect(Self.detect(Self.cng(ms: 250)).isEmpty)
    }

    @Test("CNG in white noise: required at 15 dB SNR; measured down to 6 dB")
    func cngNoise() {
        for snr in [15.0, 10, 6] {
            let x = ToneSignals.withNoise(Self.cng(dBm0: -15), signalDBm0: -15, snr: snr, seed: UInt64(snr))
            #expect(onsets(Self.detect(x)) == [.cng], "SNR \(snr) dB")
        }
    }

    @Test("CED inside T.30's 2100 ± 15 Hz", arguments: [2085.0, 2100, 2115])
    func ced(f: Double) {
        let events = Self.detect(Self.answer(f))
        #expect(onsets(events) == [.ced], "\(events)")
        #expect(events.last?.isOn == false)
    }

    @Test("CED at −25 dBm0 and at 15 and 10 dB SNR")
    func cedLevelAndNoise() {
        #expect(onsets(Self.detect(Self.answer(dBm0: -25))) == [.ced])
        for snr in [15.0, 10] {
            let x = ToneSignals.withNoise(Self.answer(dBm0: -15), signalDBm0: -15, snr: snr)
            #expect(onsets(Self.detect(x)) == [.ced], "SNR \(snr)")
        }
    }

    @Test("phase reversals and 15 Hz AM are told apart: ANS_PR, ANSAM, ANSAM_PR")
    func answerVariants() {
        #expect(onsets(Self.detect(Self.answer(ms: 3300, reversals: true))) == [.ansPR])
        #expect(onsets(Self.detect(Self.answer(ms: 3300, depth: 0.2))) == [.ansam])
        #expect(onsets(Self.detect(Self.answer(ms: 3300, reversals: true, depth: 0.2))) == [.ansamPR])
        let noisy = ToneSignals.withNoise(Self.answer(dBm0: -15, ms: 3300, reversals: true), signalDBm0: -15, snr: 15)
        #expect(onsets(Self.detect(noisy)) == [.ansPR])
    }

    @Test("a 2093 Hz note with vibrato (music's C7) is not CED")
    func vibrato() {
        let x = ToneSignals.silence(ms: 300) + ToneSignals.vibrato(2093, dBm0: -15, ms: 3000, depth: 0.003)
        #expect(Self.detect(x).isEmpty)
        let y = ToneSignals.silence(ms: 300) + ToneSignals.vibrato(1108.7, dBm0: -15, ms: 500, depth: 0.006)
        #expect(Self.detect(y).isEmpty)
    }

    @Test("V.21 flag preamble at −10 and −30 dBm0 and at 10 dB SNR; data without flags is not")
    func v21() {
        let preamble = ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -10)
        let events = Self.detect(ToneSignals.silence(ms: 300) + preamble)
        #expect(onsets(events) == [.v21Preamble], "\(events)")
        // Four flags (107 ms) and at most a block more.
        if let on = events.first { #expect(on.milliseconds > 400 && on.milliseconds < 480, "\(on.milliseconds)") }
        let quiet = ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -30)
        #expect(onsets(Self.detect(ToneSignals.silence(ms: 300) + quiet)) == [.v21Preamble])
        let noisy = ToneSignals.withNoise(ToneSignals.silence(ms: 300) + ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -15),
                                          signalDBm0: -15, snr: 10)
        #expect(onsets(Self.detect(noisy)) == [.v21Preamble])
        var bytes: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<80 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        let data = ToneSignals.v21(bits: ToneSignals.hdlcStuffed(bytes), dBm0: -10)
        #expect(Self.detect(ToneSignals.silence(ms: 300) + data).isEmpty)
    }

    @Test("a fax answer: CED, 75 ms, then the V.21 preamble — both reported, in order")
    func answerSequence() {
        let x = Self.answer(ms: 3000) + ToneSignals.silence(ms: 75)
            + ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -10)
        let events = Self.detect(x)
        #expect(onsets(events) == [.ced, .v21Preamble], "\(events)")
        #expect(events.map(\.samplePosition) == events.map(\.samplePosition).sorted())
    }

    @Test("a voice-like buzz and silence trigger nothing")
    func speechLike() {
        var x: [Double] = []
        for f0 in [110.0, 137.5, 220, 275] { x += ToneSignals.buzz(f0: f0, dBm0: -12, ms: 700) + ToneSignals.silence(ms: 100) }
        #expect(Self.detect(x).isEmpty)
    }

    @Test("one event per call: CNG's start and end, decided together, come from two calls")
    func oneEventPerCall() {
        var detector = FaxToneDetector()
        let x = ToneSignals.pcm(Self.cng() + ToneSignals.silence(ms: 200))
        var calls: [(call: Int, event: FaxToneEvent)] = []
        x.withUnsafeBufferPointer { buffer in
            var i = 0, call = 0
            while i < buffer.count {
                let n = min(160, buffer.count - i)
                if let e = detector.process(UnsafeBufferPointer(rebasing: buffer[i..<i + n])) { calls.append((call, e)) }
                i += n
                call += 1
            }
        }
        #expect(calls.map(\.event.isOn) == [true, false])
        #expect(calls.count == 2 && calls[0].call + 1 == calls[1].call)
        #expect(calls.count == 2 && calls[0].event.samplePosition == calls[1].event.samplePosition)
    }

    @Test("below the −43 dBm0 floor nothing is reported: CNG, CED and V.21 at −50 dBm0")
    func belowFloor() {
        #expect(Self.detect(Self.cng(dBm0: -50)).isEmpty)
        #expect(Self.detect(Self.answer(dBm0: -50)).isEmpty)
        #expect(Self.detect(ToneSignals.silence(ms: 300) + ToneSignals.v21(bits: ToneSignals.hdlcFlags(38), dBm0: -50)).isEmpty)
    }
}
