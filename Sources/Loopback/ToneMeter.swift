#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TelephonyDSP

/// A selective level meter: the level of one frequency in a block of 8 kHz samples, in dBm0.
///
/// It evaluates the DFT at exactly `frequency` (the Goertzel recurrence with a non-integer bin)
/// over the whole block, so a tone is measured alone, apart from noise and other tones, as a
/// transmission test set's selective meter does. Levels are TelephonyDSP's ``SignalLevel``:
/// a full-scale sine (peak 32768) is +3.14 dBm0.
///
/// - Complexity: O(samples); does not allocate.
enum ToneMeter {
    /// The level at or below which a measurement reads as "nothing there".
    static let floorDBm0 = -90.0

    /// The level of `frequency` in `samples`, in dBm0, never below ``floorDBm0``.
    static func level(of frequency: Double, in samples: ArraySlice<Int16>) -> Double {
        guard !samples.isEmpty else { return floorDBm0 }
        let n = Double(samples.count)
        let omega = 2 * Double.pi * frequency / 8000
        let coefficient = 2 * cos(omega)
        var s1 = 0.0, s2 = 0.0
        for sample in samples {
            let s0 = Double(sample) + coefficient * s1 - s2
            s2 = s1
            s1 = s0
        }
        let real = s1 - s2 * cos(omega)
        let imaginary = s2 * sin(omega)
        let amplitude = 2 * (real * real + imaginary * imaginary).squareRoot() / n
        guard amplitude > 0 else { return floorDBm0 }
        return max(floorDBm0, SignalLevel.dBm0(power: amplitude * amplitude / 2))
    }
}
