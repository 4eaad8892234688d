#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Goertzel filter: the power of one DFT bin of a block of samples, computed with one
/// multiply and two adds per sample.
///
/// Feed samples with ``process(_:)-(UnsafeBufferPointer<Int16>)`` (any number, any number of
/// calls), read ``power`` or ``level`` at the end of the block, then ``reset()`` for the next
/// block. ``power`` is normalised so that a sine at the bin frequency gives its own mean-square
/// power (peak²/2) whatever the block length, so it compares directly with ``Level``.
///
/// The bin is not restricted to integer multiples of `sampleRate / N`: the filter is tuned to
/// `frequency` exactly, and its main lobe is `2 · sampleRate / N` wide (null to null).
///
/// - Complexity: O(1) per sample; no allocation. The recursion is latency-bound (about 3 ns
///   per sample); several filters over the same samples are better run as a block DFT
///   (``DTMFReceiver`` does).
public struct Goertzel: Sendable {
    /// The frequency the filter is tuned to, in Hz.
    public let frequency: Double
    /// The sample rate, in Hz.
    public let sampleRate: Double
    /// `2 cos(2π f / fs)`.
    public let coefficient: Float
    private var s1: Float = 0
    private var s2: Float = 0
    /// Samples fed since the last ``reset()``.
    public private(set) var count: Int = 0

    /// Creates a filter tuned to `frequency` Hz at `sampleRate` Hz.
    public init(frequency: Double, sampleRate: Double = 8000) {
        precondition(frequency >= 0 && frequency < sampleRate / 2, "Goertzel: frequency must be in [0, fs/2)")
        self.frequency = frequency
        self.sampleRate = sampleRate
        coefficient = Float(2 * cos(2 * Double.pi * frequency / sampleRate))
    }

    /// Feeds one sample.
    @inline(__always)
    public mutating func process(sample: Float) {
        let s = sample + coefficient * s1 - s2
        s2 = s1
        s1 = s
        count += 1
    }

    /// Feeds a block of 16-bit samples.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) {
        var a = s1, b = s2
        let c = coefficient
        for x in samples {
            let s = Float(x) + c * a - b
            b = a
            a = s
        }
        s1 = a
        s2 = b
        count += samples.count
    }

    /// Feeds a block of float samples.
    public mutating func process(_ samples: UnsafeBufferPointer<Float>) {
        var a = s1, b = s2
        let c = coefficient
        for x in samples {
            let s = x + c * a - b
            b = a
            a = s
        }
        s1 = a
        s2 = b
        count += samples.count
    }

    /// `|X(f)|²` of the samples fed since the last reset (unnormalised DFT bin power).
    public var binPower: Float {
        s1 * s1 + s2 * s2 - coefficient * s1 * s2
    }

    /// The mean-square power of the component at ``frequency``: `2 |X|² / N²` (a sine at the
    /// bin frequency gives peak²/2). Zero before any sample.
    public var power: Float {
        guard count > 0 else { return 0 }
        let n = Float(count)
        return 2 * binPower / (n * n)
    }

    /// ``power`` in dBm0.
    public var level: Double { SignalLevel.dBm0(power: Double(power)) }

    /// Clears the filter for the next block.
    public mutating func reset() {
        s1 = 0
        s2 = 0
        count = 0
    }
}
