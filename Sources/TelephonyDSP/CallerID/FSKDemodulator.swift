#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 1200-baud FSK demodulator for one mark/space pair: two sliding 7-sample DFT bins (about one
/// bit long), one at each frequency. Per sample it gives the bit the line carries now (mark if
/// the mark bin is stronger) and whether a carrier is present at all.
///
/// Delay is about half the window (3–4 samples), the same for both edges, so bit timing taken
/// from its output is unbiased.
///
/// - Complexity: O(1) per sample (about 30 flops); no allocation.
struct FSKDemodulator: Sendable {
    static let window = 7
    private var markRe = SIMD8<Float>(), markIm = SIMD8<Float>()
    private var spaceRe = SIMD8<Float>(), spaceIm = SIMD8<Float>()
    private var slot = 0
    // Phasors e^{-jωn} for mark and space, kept by rotation.
    private var mc = 1.0, ms = 0.0, sc = 1.0, ss = 0.0
    private let mcw: Double, msw: Double, scw: Double, ssw: Double
    private var renormalise = 0
    private let minimumPower: Float

    /// Creates a demodulator for `standard` that needs at least `minimumLevel` dBm0 of carrier.
    init(standard: FSKStandard, minimumLevel: Double) {
        let wm = 2 * Double.pi * standard.markFrequency / 8000
        let ws = 2 * Double.pi * standard.spaceFrequency / 8000
        mcw = cos(wm); msw = -sin(wm)
        scw = cos(ws); ssw = -sin(ws)
        minimumPower = Float(SignalLevel.power(dBm0: minimumLevel))
    }

    /// Feeds one sample; returns (mark, carrier).
    @inline(__always)
    mutating func demodulate(_ sample: Int16) -> (mark: Bool, carrier: Bool) {
        let x = Float(sample)
        markRe[slot] = x * Float(mc); markIm[slot] = x * Float(ms)
        spaceRe[slot] = x * Float(sc); spaceIm[slot] = x * Float(ss)
        slot = slot == Self.window - 1 ? 0 : slot + 1
        (mc, ms) = (mc * mcw - ms * msw, ms * mcw + mc * msw)
        (sc, ss) = (sc * scw - ss * ssw, ss * scw + sc * ssw)
        renormalise += 1
        if renormalise == 256 {
            renormalise = 0
            let m = 1 / (mc * mc + ms * ms).squareRoot(), s = 1 / (sc * sc + ss * ss).squareRoot()
            mc *= m; ms *= m; sc *= s; ss *= s
        }
        let mr = markRe.sum(), mi = markIm.sum(), sr = spaceRe.sum(), si = spaceIm.sum()
        let pm = mr * mr + mi * mi, ps = sr * sr + si * si
        let n = Float(Self.window)
        let power = 2 * (pm + ps) / (n * n)
        return (pm > ps, power >= minimumPower)
    }
}
