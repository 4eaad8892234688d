#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TelephonyDSP

/// Synthetic test signals for the tone detectors: sines at a level in dBm0, seeded white
/// noise, cadences, V.21 FSK, V.25/V.8 answer tones. 8 kHz, linear 16-bit.
///
/// Levels follow the DSP corpus's convention: a full-scale sine (peak 32768) is +3.14 dBm0.
public enum ToneSignals {
    /// Peak amplitude of a sine at `dBm0`.
    public static func peak(dBm0: Double) -> Double { SignalLevel.sinePeak(dBm0: dBm0) }

    /// Samples in `ms` milliseconds.
    public static func samples(ms: Double) -> Int { Int((ms * 8).rounded()) }

    /// A sum of sines, each at `dBm0`, lasting `ms`.
    public static func tone(_ frequencies: [Double], dBm0: Double, ms: Double, phase: Double = 0.3) -> [Double] {
        let n = samples(ms: ms)
        let a = peak(dBm0: dBm0)
        return (0..<n).map { i in
            frequencies.enumerated().reduce(0.0) { acc, e in
                acc + a * sin(2 * Double.pi * e.element * Double(i) / 8000 + phase * Double(e.offset + 1))
            }
        }
    }

    /// Silence lasting `ms`.
    public static func silence(ms: Double) -> [Double] { Array(repeating: 0, count: samples(ms: ms)) }

    /// A tone switched on and off: `cycles` periods of `onMS` on, `offMS` off.
    public static func cadence(_ frequencies: [Double], dBm0: Double, onMS: Double, offMS: Double, cycles: Int) -> [Double] {
        var out: [Double] = []
        let on = tone(frequencies, dBm0: dBm0, ms: onMS)
        let off = silence(ms: offMS)
        for _ in 0..<cycles { out += on + off }
        return out
    }

    /// Gaussian white noise of total power `dBm0` (full 0–4 kHz band), from a fixed seed.
    public static func noise(count: Int, dBm0: Double, seed: UInt64 = 1) -> [Double] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func uniform() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        let sigma = peak(dBm0: dBm0) / 2.0.squareRoot()
        return (0..<count).map { _ in sigma * (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }

    /// `signal` plus white noise `snr` dB below the power of a sine at `signalDBm0` (per tone,
    /// times `tones` tones), as the DSP corpus defines SNR.
    public static func withNoise(_ signal: [Double], signalDBm0: Double, tones: Int = 1, snr: Double, seed: UInt64 = 7) -> [Double] {
        let total = signalDBm0 + 10 * log10(Double(tones))
        let n = noise(count: signal.count, dBm0: total - snr, seed: seed)
        return zip(signal, n).map { $0 + $1 }
    }

    /// Rounds and clamps to 16-bit PCM.
    public static func pcm(_ x: [Double]) -> [Int16] { x.map { Int16(clamping: Int($0.rounded())) } }

    /// V.21 FSK (channel 2 by default: mark 1650 Hz, space 1850 Hz; channel 1: 980/1180 Hz) at 300 bit/s.
    public static func v21(bits: [UInt8], dBm0: Double, channel: Int = 2) -> [Double] {
        let (mark, space) = channel == 2 ? (1650.0, 1850.0) : (980.0, 1180.0)
        let perBit = 8000.0 / 300
        let n = Int((Double(bits.count) * perBit).rounded())
        let a = peak(dBm0: dBm0)
        var phase = 0.7
        return (0..<n).map { i in
            let bit = bits[min(Int(Double(i) / perBit), bits.count - 1)]
            phase += 2 * Double.pi * (bit == 1 ? mark : space) / 8000
            return a * sin(phase)
        }
    }

    /// HDLC flags (0x7E), LSB first.
    public static func hdlcFlags(_ count: Int) -> [UInt8] {
        Array(repeating: [0, 1, 1, 1, 1, 1, 1, 0] as [UInt8], count: count).flatMap { $0 }
    }

    /// Bytes as HDLC bits, LSB first, with a 0 stuffed after five 1s (no flag can appear).
    public static func hdlcStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var ones = 0
        for byte in bytes {
            for i in 0..<8 {
                let bit = (byte >> UInt8(i)) & 1
                out.append(bit)
                ones = bit == 1 ? ones + 1 : 0
                if ones == 5 {
                    out.append(0)
                    ones = 0
                }
            }
        }
        return out
    }

    /// A 2100 Hz answer tone: with 180° reversals every 450 ms (V.25 ANS/PR) and/or 15 Hz
    /// amplitude modulation of `depth` (V.8 ANSam: 0.2).
    public static func answerTone(dBm0: Double, ms: Double, frequency: Double = 2100,
                                  reversals: Bool = false, depth: Double = 0) -> [Double] {
        let a = peak(dBm0: dBm0)
        return (0..<samples(ms: ms)).map { i in
            let t = Double(i) / 8000
            var x = sin(2 * Double.pi * frequency * t + 0.4)
            if reversals, (i / 3600) % 2 == 1 { x = -x }
            return a * x * (1 + depth * sin(2 * Double.pi * 15 * t))
        }
    }

    /// A note with vibrato (`depth` as a fraction of the frequency, 5.5 Hz rate).
    public static func vibrato(_ frequency: Double, dBm0: Double, ms: Double, depth: Double) -> [Double] {
        let a = peak(dBm0: dBm0)
        var phase = 0.0
        return (0..<samples(ms: ms)).map { i in
            let f = frequency * (1 + depth * sin(2 * Double.pi * 5.5 * Double(i) / 8000))
            phase += 2 * Double.pi * f / 8000
            return a * sin(phase)
        }
    }

    /// A voiced-speech-like buzz: fundamental `f0` with harmonics falling 6 dB/octave,
    /// total level `dBm0`.
    public static func buzz(f0: Double, dBm0: Double, ms: Double) -> [Double] {
        let harmonics = Int(3400 / f0)
        let a = peak(dBm0: dBm0) / Double(harmonics).squareRoot()
        return (0..<samples(ms: ms)).map { i in
            (1...harmonics).reduce(0.0) { acc, k in
                acc + a / Double(k) * sin(2 * Double.pi * f0 * Double(k) * Double(i) / 8000 + Double(k))
            }
        }
    }
}

/// Runs a detector over a signal in frames, collecting every event it returns.
public enum DetectorRun {
    /// Feeds `signal` to `detector` in `frame`-sample blocks (then a second of silence, so a tone
    /// that ends is reported stopped); returns the events in order.
    public static func events<Event>(_ signal: [Int16], frame: Int = 160, tail: Int = 8000,
                                     _ process: (UnsafeBufferPointer<Int16>) -> Event?) -> [Event] {
        let all = signal + Array(repeating: 0, count: tail)
        var out: [Event] = []
        all.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let n = min(frame, buffer.count - i)
                if let e = process(UnsafeBufferPointer(rebasing: buffer[i..<i + n])) { out.append(e) }
                i += n
            }
            // Drain events still waiting (at most one per call).
            for _ in 0..<4 {
                if let e = process(UnsafeBufferPointer(rebasing: buffer[0..<0])) { out.append(e) }
            }
        }
        return out
    }
}
