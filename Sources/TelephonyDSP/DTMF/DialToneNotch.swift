#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two cascaded second-order notches at 350 and 440 Hz (the North American dial tone), wide
/// enough (pole radius 0.95, about ±60 Hz at −3 dB) to take 425 and 450 Hz tones down too,
/// and narrow enough to leave 697 Hz within 0.5 dB.
///
/// - Complexity: 10 multiply-adds per sample; no allocation.
struct DialToneNotch: Sendable {
    private struct Section: Sendable {
        let b1: Float, a1: Float, a2: Float
        var x1: Float = 0, x2: Float = 0, y1: Float = 0, y2: Float = 0

        init(frequency: Double, radius: Double) {
            let c = cos(2 * Double.pi * frequency / 8000)
            b1 = Float(-2 * c)
            a1 = Float(-2 * radius * c)
            a2 = Float(radius * radius)
        }

        @inline(__always)
        mutating func filter(_ x: Float) -> Float {
            let y = x + b1 * x1 + x2 - a1 * y1 - a2 * y2
            x2 = x1; x1 = x
            y2 = y1; y1 = y
            return y
        }
    }

    private var low = Section(frequency: 350, radius: 0.95)
    private var high = Section(frequency: 440, radius: 0.95)

    @inline(__always)
    mutating func filter(_ x: Float) -> Float { high.filter(low.filter(x)) }
}
