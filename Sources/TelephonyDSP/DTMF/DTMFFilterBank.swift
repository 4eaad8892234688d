#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The DTMF receiver's front end: the eight keypad frequencies correlated over 10 ms blocks,
/// all eight bins at once (one SIMD8 lane per bin), with the rectangular window's leakage
/// between the chosen row and column bins taken out.
///
/// Unlike the shared ``BlockCorrelator`` (bins one after another, phase kept continuous), this
/// bank broadcasts each sample across the eight lanes, so a block costs 16 multiply-adds per
/// sample with no horizontal sums, and it returns raw bins; the receiver removes the nominal
/// rotation itself when it measures the phase step. Leakage matters for DTMF: in an 80-sample
/// block the row tone leaks into a column bin at up to −20 dB (941 → 1209 Hz), which moves a
/// column tone 8 dB down by ±2 dB; the correction removes it to first order, exactly for tones
/// at nominal frequency.
///
/// - Complexity: ``analyse(_:)`` is O(N) with 16 multiply-adds per sample; nothing allocates after `init`.
struct DTMFFilterBank: Sendable {
    static let length = 80
    static let frequencies: [Double] = DTMFDigit.rowFrequencies + DTMFDigit.columnFrequencies

    /// cos and −sin of ω_k·n scaled by 2/N, sample-major: `[n]` is one SIMD8 over the bins.
    private let cosTable: [SIMD8<Float>]
    private let sinTable: [SIMD8<Float>]
    /// e^{−jω_k N} per bin: the rotation of a nominal tone over one block.
    let rotationRe: SIMD8<Float>
    let rotationIm: SIMD8<Float>
    /// Leakage of tone k into bin j, `[k * 8 + j]`: from e^{jφ} (direct) and e^{−jφ} (image).
    private let directRe: [Float], directIm: [Float], imageRe: [Float], imageIm: [Float]

    init() {
        let n = Self.length
        let w = Self.frequencies.map { 2 * Double.pi * $0 / 8000 }
        cosTable = (0..<n).map { i in SIMD8<Float>(w.map { Float(cos($0 * Double(i)) * 2 / Double(n)) }) }
        sinTable = (0..<n).map { i in SIMD8<Float>(w.map { Float(-sin($0 * Double(i)) * 2 / Double(n)) }) }
        rotationRe = SIMD8<Float>(w.map { Float(cos($0 * Double(n))) })
        rotationIm = SIMD8<Float>(w.map { Float(-sin($0 * Double(n))) })
        // D(Δ)/N = (1/N) Σ e^{jΔn}
        func kernel(_ delta: Double) -> (Float, Float) {
            var re = 0.0, im = 0.0
            for i in 0..<n { re += cos(delta * Double(i)); im += sin(delta * Double(i)) }
            return (Float(re / Double(n)), Float(im / Double(n)))
        }
        var dr = [Float](repeating: 0, count: 64), di = dr, ir = dr, ii = dr
        for k in 0..<8 {
            for j in 0..<8 where j != k {
                (dr[k * 8 + j], di[k * 8 + j]) = kernel(w[k] - w[j])
                (ir[k * 8 + j], ii[k * 8 + j]) = kernel(-w[k] - w[j])
            }
        }
        directRe = dr; directIm = di; imageRe = ir; imageIm = ii
    }

    /// Mean-square power of one block of ``length`` samples.
    @inline(__always)
    static func power(_ block: UnsafePointer<Float>) -> Float {
        let raw = UnsafeRawPointer(block)
        var acc = SIMD8<Float>()
        for i in 0..<length / 8 {
            let x = raw.loadUnaligned(fromByteOffset: i * 32, as: SIMD8<Float>.self)
            acc = acc + x * x
        }
        return acc.sum() / Float(length)
    }

    /// Correlates one block of ``length`` samples; returns the eight raw bins (a sine of
    /// amplitude A at a bin's frequency gives |X| = A).
    @inline(__always)
    func analyse(_ block: UnsafePointer<Float>) -> (re: SIMD8<Float>, im: SIMD8<Float>) {
        var re0 = SIMD8<Float>(), im0 = SIMD8<Float>(), re1 = SIMD8<Float>(), im1 = SIMD8<Float>()
        cosTable.withUnsafeBufferPointer { c in
            sinTable.withUnsafeBufferPointer { s in
                var i = 0
                while i < Self.length {
                    let x0 = block[i], x1 = block[i + 1]
                    re0 = re0 + SIMD8(repeating: x0) * c[i]
                    im0 = im0 + SIMD8(repeating: x0) * s[i]
                    re1 = re1 + SIMD8(repeating: x1) * c[i + 1]
                    im1 = im1 + SIMD8(repeating: x1) * s[i + 1]
                    i += 2
                }
            }
        }
        return (re0 + re1, im0 + im1)
    }

    /// Bins `r` and `c` with each one's leakage into the other removed (first order).
    @inline(__always)
    func separated(_ re: SIMD8<Float>, _ im: SIMD8<Float>, row r: Int, column c: Int)
        -> (rowRe: Float, rowIm: Float, columnRe: Float, columnIm: Float) {
        let xr = re[r], yr = im[r], xc = re[c], yc = im[c]
        let rc = r * 8 + c, cr = c * 8 + r
        // leak of tone r into bin c: D·X_r + I·conj(X_r)
        let lcRe = directRe[rc] * xr - directIm[rc] * yr + imageRe[rc] * xr + imageIm[rc] * yr
        let lcIm = directRe[rc] * yr + directIm[rc] * xr + imageIm[rc] * xr - imageRe[rc] * yr
        let lrRe = directRe[cr] * xc - directIm[cr] * yc + imageRe[cr] * xc + imageIm[cr] * yc
        let lrIm = directRe[cr] * yc + directIm[cr] * xc + imageIm[cr] * xc - imageRe[cr] * yc
        return (xr - lrRe, yr - lrIm, xc - lcRe, yc - lcIm)
    }
}
