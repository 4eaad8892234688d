#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TelephonyDSP

/// Synthetic DTMF for the receiver's tests, in the manner of the Mitel CM7291 test tape and the
/// DSP corpus kit: digits with chosen levels, twist, frequency offsets, durations and gaps, with
/// seeded random starting phases, white noise and the G.711 round trip.
public enum DTMFSignals {
    /// One digit's recipe.
    public struct Tone: Sendable {
        public var digit: DTMFDigit
        /// Low-group (row) tone level, dBm0.
        public var rowDBm0: Double = -12
        /// High-group (column) tone level, dBm0.
        public var columnDBm0: Double = -12
        /// Relative frequency offsets (0.015 = +1.5 %).
        public var rowOffset: Double = 0
        public var columnOffset: Double = 0
        /// On-time, ms.
        public var ms: Double = 60

        public init(_ digit: DTMFDigit, rowDBm0: Double = -12, columnDBm0: Double = -12,
                    rowOffset: Double = 0, columnOffset: Double = 0, ms: Double = 60) {
            self.digit = digit
            self.rowDBm0 = rowDBm0
            self.columnDBm0 = columnDBm0
            self.rowOffset = rowOffset
            self.columnOffset = columnOffset
            self.ms = ms
        }
    }

    /// A seeded generator for phases and noise (xorshift64).
    public struct Random: Sendable {
        var state: UInt64
        public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
        public mutating func unit() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
    }

    /// The tone of `tone` (no gaps), with random starting phases from `random`.
    public static func tone(_ tone: Tone, random: inout Random) -> [Double] {
        let n = ToneSignals.samples(ms: tone.ms)
        let a = ToneSignals.peak(dBm0: tone.rowDBm0), b = ToneSignals.peak(dBm0: tone.columnDBm0)
        let wa = 2 * Double.pi * tone.digit.rowFrequency * (1 + tone.rowOffset) / 8000
        let wb = 2 * Double.pi * tone.digit.columnFrequency * (1 + tone.columnOffset) / 8000
        let pa = 2 * Double.pi * random.unit(), pb = 2 * Double.pi * random.unit()
        return (0..<n).map { i in a * sin(wa * Double(i) + pa) + b * sin(wb * Double(i) + pb) }
    }

    /// Digits each followed by `gapMS` of silence, after `leadMS` of silence.
    public static func sequence(_ tones: [Tone], gapMS: Double = 80, leadMS: Double = 100, seed: UInt64 = 1) -> [Double] {
        var random = Random(seed: seed)
        var out = ToneSignals.silence(ms: leadMS)
        for t in tones { out += tone(t, random: &random) + ToneSignals.silence(ms: gapMS) }
        return out
    }

    /// `digits` as a string, all with the same recipe (`-12`/`-12` dBm0, 60 ms on, `gapMS` off).
    public static func digits(_ digits: String, dBm0: Double = -12, ms: Double = 60, gapMS: Double = 80, seed: UInt64 = 1) -> [Double] {
        sequence(digits.compactMap { DTMFDigit($0) }.map { Tone($0, rowDBm0: dBm0, columnDBm0: dBm0, ms: ms) }, gapMS: gapMS, seed: seed)
    }

    /// A tone of `ms` with its middle `dropMS` silenced (the Q.24 interruption test).
    public static func interrupted(_ digit: DTMFDigit, ms: Double = 100, dropMS: Double, seed: UInt64 = 3) -> [Double] {
        var random = Random(seed: seed)
        var x = tone(Tone(digit, ms: ms), random: &random)
        let mid = x.count / 2, half = ToneSignals.samples(ms: dropMS) / 2
        for i in (mid - half)..<(mid - half + ToneSignals.samples(ms: dropMS)) { x[i] = 0 }
        return ToneSignals.silence(ms: 100) + x + ToneSignals.silence(ms: 100)
    }

    /// The G.711 round trip a signal takes over a digital line (SpanDSP's `codec_munge`).
    public static func munge(_ x: [Double], law: G711.Law = .muLaw) -> [Int16] {
        G711.decode(G711.encode(ToneSignals.pcm(x), law: law), law: law)
    }
}
