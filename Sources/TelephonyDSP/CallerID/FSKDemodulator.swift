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
    private var previousMarkRe: Float = 0, previousMarkIm: Float = 0
    /// Sum of `M[n]·conj(M[n−1])` of the mark bin over samples that carried mark: its angle
    /// is the mark tone's offset from the nominal mark frequency, in radians per sample.
    var markRotation = SIMD2<Double>()
    private let minimumPower: Float

    /// The mark tone's offset from nominal (Hz) measured since the last call, which restarts it.
    mutating func takeMarkOffset() -> Double {
        defer { markRotation = SIMD2() }
        guard markRotation.x != 0 || markRotation.y != 0 else { return .nan }
        return atan2(markRotation.y, markRotation.x) * 8000 / (2 * Double.pi) - markBias
    }

    /// What ``takeMarkOffset()`` reads for an exact mark tone: the short window lets the tone's
    /// negative-frequency image into the bin, which biases the estimate by a fixed amount
    /// (about 40 Hz for Bell 202's 1200 Hz). Measured once, at `init`, and subtracted.
    private var markBias = 0.0
    private mutating func calibrate(markFrequency: Double) {
        let w = 2 * Double.pi * markFrequency / 8000
        for n in 0..<400 { _ = demodulate(Int16((8000 * sin(w * Double(n) + 0.3)).rounded())) }
        markBias = takeMarkOffset()
        var fresh = self
        fresh.markRe = SIMD8(); fresh.markIm = SIMD8(); fresh.spaceRe = SIMD8(); fresh.spaceIm = SIMD8()
        fresh.slot = 0; fresh.mc = 1; fresh.ms = 0; fresh.sc = 1; fresh.ss = 0; fresh.renormalise = 0
        fresh.previousMarkRe = 0; fresh.previousMarkIm = 0
        self = fresh
    }

    /// Creates a demodulator for `standard` that needs at least `minimumLevel` dBm0 of carrier.
    init(standard: FSKStandard, minimumLevel: Double) {
        let wm = 2 * Double.pi * standard.markFrequency / 8000
        let ws = 2 * Double.pi * standard.spaceFrequency / 8000
        mcw = cos(wm); msw = -sin(wm)
        scw = cos(ws); ssw = -sin(ws)
        minimumPower = Float(SignalLevel.power(dBm0: minimumLevel))
        calibrate(markFrequency: standard.markFrequency)
    }

    /// Feeds one sample; returns (mark, carrier, the stronger bin's power as a sine's mean square).
    @inline(__always)
    mutating func demodulate(_ sample: Int16) -> (mark: Bool, carrier: Bool, power: Float) {
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
        if pm > 4 * ps {
            markRotation += SIMD2(Double(mr * previousMarkRe + mi * previousMarkIm),
                                  Double(mi * previousMarkRe - mr * previousMarkIm))
        }
        previousMarkRe = mr
        previousMarkIm = mi
        let n = Float(Self.window)
        let power = 2 * (pm + ps) / (n * n)
        return (pm > ps, power >= minimumPower, 2 * max(pm, ps) / (n * n))
    }
}
