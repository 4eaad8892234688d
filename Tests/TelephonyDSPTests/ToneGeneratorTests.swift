import Testing
import TelephonyDSP
import DSPTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("ToneGenerator plays tone-zone specs")
struct ToneGeneratorTests {
    func play(_ text: String, level: Double, samples: Int, frame: Int = 160) throws -> [Int16] {
        var generator = ToneGenerator(spec: try ToneSpec(parsing: text), level: level)
        var out = [Int16](repeating: 0, count: samples)
        var written = 0
        out.withUnsafeMutableBufferPointer { buffer in
            while written < samples {
                let n = min(frame, samples - written)
                let got = generator.generate(into: UnsafeMutableBufferPointer(rebasing: buffer[written..<written + n]))
                written += got
                if got < n { break }
            }
        }
        return Array(out[0..<written])
    }

    /// Power of a sine of amplitude A at `frequency` in `x` (single-bin DFT): A²/2.
    func power(_ x: ArraySlice<Int16>, at frequency: Double) -> Double {
        var re = 0.0, im = 0.0
        for (n, v) in x.enumerated() {
            re += Double(v) * cos(2 * Double.pi * frequency * Double(n) / 8000)
            im += Double(v) * sin(2 * Double.pi * frequency * Double(n) / 8000)
        }
        let a = 2 * (re * re + im * im).squareRoot() / Double(x.count)
        return a * a / 2
    }

    func dBm0(_ p: Double) -> Double { SignalLevel.dBm0(power: p) }

    @Test("US busy: 480+620 Hz at the requested level, 500 ms on, 500 ms off")
    func usBusy() throws {
        let x = try play("480+620/500,0/500", level: -24, samples: 16000, frame: 137)
        #expect(x.count == 16000)
        let on = x[400..<3600]
        #expect(abs(dBm0(power(on, at: 480)) - -24) < 0.1)
        #expect(abs(dBm0(power(on, at: 620)) - -24) < 0.1)
        #expect(x[4000..<8000].allSatisfy { $0 == 0 })
        #expect(x[8000..<8010].contains { $0 != 0 })
        #expect(x[3990..<4000].contains { $0 != 0 })
    }

    @Test("a spec of one-shot segments ends; a looping one does not")
    func oneShotEnds() throws {
        let sit = try play("!950/330,!1400/330,!1800/330", level: -10, samples: 16000)
        #expect(sit.count == 3 * 330 * 8)
        #expect(abs(dBm0(power(sit[2640 + 200..<5280 - 200], at: 1400)) - -10) < 0.1)
        let stutter = try play("!350+440/100,!0/100,350+440", level: -13, samples: 8000)
        #expect(stutter.count == 8000)
        #expect(stutter[800..<1600].allSatisfy { $0 == 0 })
        #expect(abs(dBm0(power(stutter[4000..<8000], at: 440)) - -13) < 0.1)
    }

    @Test("'@' plays 20 dB lower; '*' is a carrier modulated by the second frequency")
    func levelsAndModulation() throws {
        let x = try play("425/100,425@/100", level: -10, samples: 1600)
        let loud = dBm0(power(x[0..<800], at: 425)), quiet = dBm0(power(x[800..<1600], at: 425))
        #expect(abs(loud - quiet - 20) < 0.2)
        let am = try play("1000*100", level: -10, samples: 8000)
        // 100 % AM: carrier at half amplitude, sidebands at a quarter.
        #expect(abs(dBm0(power(am[...], at: 1000)) - (-10 - 6.02)) < 0.2)
        #expect(abs(dBm0(power(am[...], at: 1100)) - (-10 - 12.04)) < 0.2)
    }

    @Test("a long continuous tone keeps its amplitude (oscillator renormalised)")
    func longTone() throws {
        let x = try play("450", level: -10, samples: 8000 * 30)
        let first = dBm0(power(x[0..<8000], at: 450)), last = dBm0(power(x[(x.count - 8000)...], at: 450))
        #expect(abs(first - last) < 0.05)
    }
}
