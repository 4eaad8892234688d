import Testing
import DSPTestSupport
import TelephonyDSP

/// The receiver against Q.24's limits, with synthesised digits through the µ-law round trip
/// (the CM7291-style sweeps SpanDSP's `dtmf_rx_tests.c` runs).
@Suite struct DTMFReceiverTests {
    /// Digits confirmed (down events) in `signal`.
    func digits(_ signal: [Int16], receiver: DTMFReceiver = DTMFReceiver(), frame: Int = 160) -> [DTMFEvent] {
        var r = receiver
        return DetectorRun.events(signal, frame: frame) { r.process($0) }
    }

    func downs(_ x: [Double], receiver: DTMFReceiver = DTMFReceiver()) -> String {
        String(digits(DTMFSignals.munge(x), receiver: receiver).filter(\.isDown).map(\.digit.character))
    }

    @Test func allSixteenDigitsOnceEachWithUpEvents() {
        let keys = "123A456B789C*0#D"
        let events = digits(DTMFSignals.munge(DTMFSignals.digits(keys)))
        #expect(String(events.filter(\.isDown).map(\.digit.character)) == keys)
        #expect(events.filter { !$0.isDown }.count == 16)
        // Down and up alternate, and each up follows its own down.
        for pair in stride(from: 0, to: events.count - 1, by: 2) {
            #expect(events[pair].isDown && !events[pair + 1].isDown && events[pair].digit == events[pair + 1].digit)
        }
    }

    @Test func latencyFromToneStartIsAtMost40ms() {
        // Lead 100 ms, 60 ms on, 80 ms off: digit k starts at 100 + 140·k ms.
        for shift in [0, 13, 29, 47, 71] {
            let x = ToneSignals.silence(ms: Double(shift) / 8) + DTMFSignals.digits("159#")
            let downs = digits(DTMFSignals.munge(x)).filter(\.isDown)
            #expect(downs.count == 4)
            for (k, e) in downs.enumerated() {
                let start = 100 + 140 * Double(k) + Double(shift) / 8
                #expect(e.milliseconds - start > 20 && e.milliseconds - start <= 40, "latency \(e.milliseconds - start) ms")
            }
        }
    }

    @Test("Q.24: accept ±1.5 % on both tones", arguments: [-0.015, 0.015])
    func acceptsFrequencyWithin1point5Percent(offset: Double) {
        let tones = DTMFDigit.allCases.map { DTMFSignals.Tone($0, rowOffset: offset, columnOffset: offset) }
        #expect(downs(DTMFSignals.sequence(tones)) == "123A456B789C*0#D")
    }

    @Test("Q.24: reject ±3.5 % on either tone", arguments: [(-0.035, 0.0), (0.035, 0.0), (0.0, -0.035), (0.0, 0.035), (0.035, 0.035), (-0.045, -0.045), (0.045, 0.045)])
    func rejectsFrequencyBeyond3point5Percent(row: Double, column: Double) {
        let tones = DTMFDigit.allCases.map { DTMFSignals.Tone($0, rowOffset: row, columnOffset: column) }
        #expect(downs(DTMFSignals.sequence(tones)) == "")
    }

    @Test func acceptsFortyMillisecondsRejectsTwentyTwo() {
        for shift in 0..<8 {
            let lead = ToneSignals.silence(ms: Double(shift) * 1.25)
            let long = DTMFDigit.allCases.map { DTMFSignals.Tone($0, ms: 40) }
            #expect(downs(lead + DTMFSignals.sequence(long, gapMS: 100)) == "123A456B789C*0#D")
            let short = DTMFDigit.allCases.map { DTMFSignals.Tone($0, ms: 22) }
            #expect(downs(lead + DTMFSignals.sequence(short, gapMS: 100)) == "")
        }
    }

    @Test("Twist: high group −8 … +4 dB against the low group", arguments: [-8.0, -4.0, 0.0, 2.0, 4.0])
    func acceptsTwist(twist: Double) {
        let tones = DTMFDigit.allCases.map { DTMFSignals.Tone($0, rowDBm0: -12, columnDBm0: -12 + twist) }
        #expect(downs(DTMFSignals.sequence(tones)) == "123A456B789C*0#D")
    }

    @Test func twistBeyondTheConfiguredLimitIsRejected() {
        let tones = DTMFDigit.allCases.map { DTMFSignals.Tone($0, rowDBm0: -10, columnDBm0: -22) }
        #expect(downs(DTMFSignals.sequence(tones)) == "")
        // A country that allows more normal twist accepts the same digits.
        #expect(downs(DTMFSignals.sequence(tones), receiver: DTMFReceiver(twist: 14)) == "123A456B789C*0#D")
    }

    @Test func dynamicRange() {
        for level in [-3.0, -20, -36] {
            #expect(downs(DTMFSignals.digits("123A456B789C*0#D", dBm0: level)) == "123A456B789C*0#D", "at \(level) dBm0")
        }
        for level in [-50.0, -55] {
            #expect(downs(DTMFSignals.digits("123A456B789C*0#D", dBm0: level)) == "", "at \(level) dBm0")
        }
    }

    @Test("Q.24: a drop-out of up to 10 ms does not split a digit", arguments: [5.0, 10.0])
    func dropOutDoesNotSplit(dropMS: Double) {
        for digit in DTMFDigit.allCases {
            let x = ToneSignals.silence(ms: Double(digit.row * 4 + digit.column) * 0.6) + DTMFSignals.interrupted(digit, dropMS: dropMS)
            #expect(downs(x) == String(digit.character))
        }
    }

    @Test func fortyMillisecondPauseSeparatesRepeatedDigits() {
        let x = DTMFSignals.sequence(Array(repeating: DTMFSignals.Tone(.five, ms: 40), count: 6), gapMS: 40)
        #expect(downs(x) == "555555")
    }

    @Test func signalToNoise15dB() {
        let x = DTMFSignals.digits("123A456B789C*0#D")
        // Signal power is both tones: −12 dBm0 each.
        let noisy = ToneSignals.withNoise(x, signalDBm0: -12, tones: 2, snr: 15)
        #expect(downs(noisy) == "123A456B789C*0#D")
    }

    @Test func anyBlockSizeGivesTheSameEvents() {
        let x = DTMFSignals.munge(DTMFSignals.digits("90*#"))
        let reference = digits(x)
        for frame in [1, 37, 80, 123, 160] {
            #expect(digits(x, frame: frame) == reference)
        }
    }

    @Test func speechLikeBuzzAndSingleTonesAreNotDigits() {
        var x = ToneSignals.buzz(f0: 120, dBm0: -15, ms: 2000) + ToneSignals.buzz(f0: 233, dBm0: -15, ms: 2000)
        x += ToneSignals.tone([697], dBm0: -10, ms: 500) + ToneSignals.tone([1336], dBm0: -10, ms: 500)
        x += ToneSignals.noise(count: 16000, dBm0: -15)
        #expect(downs(x) == "")
    }

    @Test func dialToneFilterHearsDigitsOverDialTone() {
        let keys = "159#"
        let digitsOnly = DTMFSignals.digits(keys, dBm0: -25)
        let dial = ToneSignals.tone([350, 440], dBm0: -13, ms: Double(digitsOnly.count) / 8)
        let mixed = zip(digitsOnly, dial).map { $0 + $1 }
        #expect(downs(mixed) == "")
        #expect(downs(mixed, receiver: DTMFReceiver(filtersDialTone: true)) == keys)
    }
}
