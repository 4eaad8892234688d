#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal levels in dBm0 for 16-bit linear PCM.
///
/// Convention (SpanDSP's, and the DSP corpus kit's): a full-scale sine, peak 32768, is
/// +3.14 dBm0. So a sine of L dBm0 has peak 32768·10^((L − 3.14)/20), and 0 dBm0 is a sine of
/// peak about 22,670 (the G.711 digital milliwatt, within 0.03 dB). The power of a signal is
/// its mean square; a sine's is peak²/2.
public enum SignalLevel {
    /// Level of a full-scale sine, dBm0.
    public static let fullScaleSineDBm0 = 3.14

    /// Mean-square power of 0 dBm0 (a sine of peak 32768·10^(−3.14/20)).
    public static let zeroDBm0Power: Double = {
        let peak = 32768 * pow(10, -fullScaleSineDBm0 / 20)
        return peak * peak / 2
    }()

    /// Peak amplitude of a sine at `dBm0`.
    public static func sinePeak(dBm0: Double) -> Double {
        32768 * pow(10, (dBm0 - fullScaleSineDBm0) / 20)
    }

    /// Mean-square power of a sine (or any signal) at `dBm0`.
    public static func power(dBm0: Double) -> Double {
        zeroDBm0Power * pow(10, dBm0 / 10)
    }

    /// Level in dBm0 of a mean-square `power` (−∞ for zero).
    public static func dBm0(power: Double) -> Double {
        10 * log10(power / zeroDBm0Power)
    }

    /// Level in dBm0 of `samples` (their mean square); −∞ for silence or no samples.
    ///
    /// - Complexity: O(`samples.count`); does not allocate.
    public static func dBm0(_ samples: UnsafeBufferPointer<Int16>) -> Double {
        guard !samples.isEmpty else { return -.infinity }
        var sum = 0.0
        for s in samples { sum += Double(s) * Double(s) }
        return dBm0(power: sum / Double(samples.count))
    }
}
