import TelephonyDSP

/// A selective level meter: the level of one frequency in a block of 8 kHz samples, in dBm0,
/// as a transmission test set's selective meter reads it, apart from noise and other tones.
///
/// It is TelephonyDSP's ``Goertzel`` tuned to the frequency over the whole block, with a floor
/// below which a reading means "nothing there" (so a dead line reads as a bound, not −∞).
///
/// - Complexity: O(samples); does not allocate.
enum ToneMeter {
    /// The level at or below which a measurement reads as "nothing there".
    static let floorDBm0 = -90.0

    /// The level of `frequency` in `samples`, in dBm0, never below ``floorDBm0``.
    static func level(of frequency: Double, in samples: ArraySlice<Int16>) -> Double {
        var filter = Goertzel(frequency: frequency)
        samples.withUnsafeBufferPointer { filter.process($0) }
        let level = filter.level
        return level.isNaN ? floorDBm0 : max(floorDBm0, level)
    }
}
