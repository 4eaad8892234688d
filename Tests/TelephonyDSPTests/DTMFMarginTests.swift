import Testing
import DSPTestSupport
import TelephonyDSP

/// Measured margins, in the manner of SpanDSP's `dtmf_rx_tests.c` (Mitel CM7291 tests 2, 3 and
/// 7): the receiver's actual limits are found by sweeping, and must sit inside Q.24's window.
@Suite struct DTMFMarginTests {
    /// Whether all of `digits` are heard, once each, in `signal` after the µ-law round trip.
    func hears(_ tones: [DTMFSignals.Tone], noiseSNR: Double? = nil) -> Bool {
        var x = DTMFSignals.sequence(tones)
        if let snr = noiseSNR { x = ToneSignals.withNoise(x, signalDBm0: -12, tones: 2, snr: snr) }
        var r = DTMFReceiver()
        let heard = DetectorRun.events(DTMFSignals.munge(x)) { r.process($0) }.filter(\.isDown).map(\.digit)
        return heard == tones.map(\.digit)
    }

    @Test("CM7291 test 2: bandwidth", arguments: [DTMFDigit.one, .d, .star, .three])
    func bandwidth(digit: DTMFDigit) {
        // Largest offset (both tones, either sign) still accepted, in 0.25 % steps.
        var edge = 0.0
        for step in 1...16 {
            let offset = Double(step) * 0.0025
            let ok = hears([.init(digit, rowOffset: offset, columnOffset: offset)])
                && hears([.init(digit, rowOffset: -offset, columnOffset: -offset)])
            if !ok { break }
            edge = offset
        }
        #expect(edge >= 0.015 && edge < 0.035, "\(digit): accepted up to ±\(edge * 100) %")
    }

    @Test("CM7291 test 7: acceptable S/N")
    func signalToNoise() {
        // Lowest S/N (3 dB steps) at which all sixteen digits are heard.
        let tones = DTMFDigit.allCases.map { DTMFSignals.Tone($0) }
        var lowest = 40.0
        for snr in stride(from: 30.0, through: 6, by: -3) {
            guard hears(tones, noiseSNR: snr) else { break }
            lowest = snr
        }
        #expect(lowest <= 15, "all digits heard down to \(lowest) dB S/N")
    }
}
