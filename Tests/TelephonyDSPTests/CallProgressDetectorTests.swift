import Testing
import TelephonyDSP
import DSPTestSupport

/// Call-progress detection from the China 450 Hz plan and the US Precise Tone Plan, with
/// margins measured the way the DSP corpus conditions are set (level, SNR, cadence ±10 %).
@Suite("CallProgressDetector: pitch and cadence")
struct CallProgressDetectorTests {
    struct Case: Sendable, CustomStringConvertible {
        var zone: ToneZone
        var tone: CallProgressTone
        var frequencies: [Double]
        var dBm0: Double
        var cadence: (Double, Double)?     // nil = continuous
        var description: String { "\(zone.code) \(tone)" }
    }

    static let cases: [Case] = [
        Case(zone: .china, tone: .dial, frequencies: [450], dBm0: -10, cadence: nil),
        Case(zone: .china, tone: .busy, frequencies: [450], dBm0: -10, cadence: (350, 350)),
        Case(zone: .china, tone: .ringback, frequencies: [450], dBm0: -10, cadence: (1000, 4000)),
        Case(zone: .china, tone: .congestion, frequencies: [450], dBm0: -10, cadence: (700, 700)),
        Case(zone: .unitedStates, tone: .dial, frequencies: [350, 440], dBm0: -13, cadence: nil),
        Case(zone: .unitedStates, tone: .busy, frequencies: [480, 620], dBm0: -24, cadence: (500, 500)),
        Case(zone: .unitedStates, tone: .ringback, frequencies: [440, 480], dBm0: -19, cadence: (2000, 4000)),
        Case(zone: .unitedStates, tone: .congestion, frequencies: [480, 620], dBm0: -24, cadence: (250, 250)),
    ]

    /// The signal of a case: 300 ms silence, then the tone for ≥ 2 periods (and ≥ 3 s).
    static func signal(_ c: Case, scale: Double = 1, levelOffset: Double = 0, frequencyScale: Double = 1) -> [Double] {
        let freqs = c.frequencies.map { $0 * frequencyScale }
        let body: [Double]
        if let (on, off) = c.cadence {
            let cycles = max(3, Int((3000 / (on + off)).rounded(.up))) + (on + off > 3000 ? 0 : 1)
            body = ToneSignals.cadence(freqs, dBm0: c.dBm0 + levelOffset, onMS: on * scale, offMS: off * scale,
                                       cycles: on + off >= 3000 ? 2 : cycles)
        } else {
            body = ToneSignals.tone(freqs, dBm0: c.dBm0 + levelOffset, ms: 3500)
        }
        return ToneSignals.silence(ms: 300) + body
    }

    static func detect(_ c: Case, _ x: [Double]) -> [CallProgressEvent] {
        var detector = CallProgressDetector(zone: c.zone)
        return DetectorRun.events(ToneSignals.pcm(x)) { detector.process($0) }
    }

    @Test("each tone is recognised with its own label, then reported stopped", arguments: cases)
    func nominal(c: Case) {
        let events = Self.detect(c, Self.signal(c))
        #expect(events.first?.tone == c.tone && events.first?.isOn == true, "\(events)")
        #expect(events.filter(\.isOn).allSatisfy { $0.tone == c.tone }, "\(events)")
        #expect(events.last?.isOn == false && events.last?.tone == c.tone, "\(events)")
        // Declared while the tone plays, never before it starts.
        if let first = events.first { #expect(first.milliseconds > 300) }
    }

    @Test("cadence 10 % fast and slow, and 10 dB below nominal, are still recognised", arguments: cases)
    func tolerances(c: Case) {
        for scale in [0.9, 1.1] where c.cadence != nil {
            let events = Self.detect(c, Self.signal(c, scale: scale))
            #expect(events.first?.tone == c.tone, "cadence ×\(scale): \(events)")
        }
        let quiet = Self.detect(c, Self.signal(c, levelOffset: -10))
        #expect(quiet.first?.tone == c.tone, "-10 dB: \(quiet)")
    }

    @Test("white noise at 15 dB SNR; the measured limit is recorded", arguments: cases)
    func noise(c: Case) {
        var lowest: Double? = nil
        for snr in [15.0, 10, 6] {
            let x = ToneSignals.withNoise(Self.signal(c), signalDBm0: c.dBm0, tones: c.frequencies.count, snr: snr)
            if Self.detect(c, x).first?.tone == c.tone { lowest = snr } else { break }
        }
        #expect(lowest != nil && lowest! <= 15, "\(c): lowest SNR detected \(String(describing: lowest)) dB")
    }

    @Test("China's busy and congestion differ only by cadence: 30 % off is neither")
    func chinaCadenceOnly() {
        let busy = Self.cases[1]
        let between = Self.detect(busy, Self.signal(busy, scale: 1.3))   // 455/455 ms
        #expect(between.isEmpty, "\(between)")
        let congestion = Self.detect(busy, Self.signal(busy, scale: 2))  // 700/700 ms
        #expect(congestion.first?.tone == .congestion)
    }

    @Test("off-pitch tones are not call progress: 450 Hz ± 4 %, US busy ± 4 %")
    func offPitch() {
        for c in [Self.cases[0], Self.cases[1], Self.cases[5]] {
            for f in [0.96, 1.04] {
                let events = Self.detect(c, Self.signal(c, frequencyScale: f))
                #expect(events.isEmpty, "\(c) ×\(f): \(events)")
            }
        }
    }

    @Test("a voice-like buzz with a 450 Hz harmonic, in busy cadence, is not busy")
    func speechLike() {
        var x = ToneSignals.silence(ms: 300)
        for _ in 0..<6 { x += ToneSignals.buzz(f0: 150, dBm0: -15, ms: 350) + ToneSignals.silence(ms: 350) }
        var detector = CallProgressDetector(zone: .china)
        #expect(DetectorRun.events(ToneSignals.pcm(x)) { detector.process($0) }.isEmpty)
    }

    @Test("music-like notes near 450 Hz (vibrato, chords) are not dial or busy")
    func musicLike() {
        var x = ToneSignals.vibrato(450, dBm0: -15, ms: 3000, depth: 0.006)
        x += zip(ToneSignals.tone([440], dBm0: -15, ms: 3000), ToneSignals.tone([554.4, 659.3], dBm0: -18, ms: 3000)).map { $0 + $1 }
        for _ in 0..<4 { x += ToneSignals.vibrato(450, dBm0: -15, ms: 350, depth: 0.006) + ToneSignals.silence(ms: 350) }
        var cn = CallProgressDetector(zone: .china)
        #expect(DetectorRun.events(ToneSignals.pcm(x)) { cn.process($0) }.isEmpty)
    }

    @Test("any block size up to 160 samples gives the same decisions")
    func blockSizes() {
        let c = Self.cases[1]
        let x = ToneSignals.pcm(Self.signal(c))
        var reference: [CallProgressEvent]? = nil
        for frame in [1, 7, 80, 160] {
            var detector = CallProgressDetector(zone: c.zone)
            let events = DetectorRun.events(x, frame: frame) { detector.process($0) }
            if let reference { #expect(events == reference, "frame \(frame)") } else { reference = events }
        }
    }

    @Test("below the −40 dBm0 floor nothing is reported", arguments: [cases[0], cases[1], cases[5]])
    func belowFloor(c: Case) {
        let events = Self.detect(c, Self.signal(c, levelOffset: -50 - c.dBm0))
        #expect(events.isEmpty, "\(c) at −50 dBm0: \(events)")
    }
}
