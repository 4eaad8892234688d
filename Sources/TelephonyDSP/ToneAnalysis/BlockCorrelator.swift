#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bank of complex correlators (single-bin DFTs) over fixed blocks of N samples, with the
/// block's total power: the shared front end of the call-progress and fax-tone detectors.
///
/// Unlike a Goertzel filter, which gives only |X|², each bin here yields the complex value,
/// so the detectors read the phase too: the phase step between consecutive blocks measures
/// the tone's offset from the bin frequency to a fraction of a Hz (the tolerance checks of
/// T.30 and the tone plans), and a jump of π marks a V.25 phase reversal. The tables carry a
/// continuous phase reference from block to block (a rotation per block is removed), so a
/// steady tone at exactly the bin frequency shows a constant phase.
///
/// Arithmetic is a SIMD dot product per bin (the "block DFT" shape that vectorises), i.e.
/// 2·K multiply-adds per sample for K bins, plus one for the power.
///
/// - Complexity: `init` allocates the tables; ``analyse(_:)`` is O(N·K) and does not allocate.
struct BlockCorrelator: Sendable {
    /// Samples per block.
    let length: Int
    /// Bin frequencies in Hz.
    let frequencies: [Double]
    /// cos/sin tables, bin-major: `[bin][n]`, padded to a multiple of 8 with zeros.
    private let cosTable: [Float]
    private let sinTable: [Float]
    private let stride: Int
    /// Per-bin rotation of one block, e^{-jωN}, applied to the reference phasor.
    private let rotationRe: [Double]
    private let rotationIm: [Double]
    /// `false` when every bin completes whole cycles per block (the reference never moves).
    private let rotates: Bool

    /// Real and imaginary parts of each bin for the last block, scaled so a sine of amplitude
    /// A at the bin frequency gives |X| = A (power A²/2 = |X|²/2).
    private(set) var re: [Float]
    private(set) var im: [Float]
    /// Mean square of the last block (its power).
    private(set) var power: Float = 0
    /// Number of blocks analysed.
    private(set) var blocks = 0
    /// Reference phasor e^{-jω·(start of block)} per bin.
    private var referenceRe: [Double]
    private var referenceIm: [Double]

    init(frequencies: [Double], length: Int) {
        self.length = length
        self.frequencies = frequencies
        stride = (length + 7) / 8 * 8
        var c = [Float](repeating: 0, count: stride * frequencies.count)
        var s = c
        for (k, f) in frequencies.enumerated() {
            let w = 2 * Double.pi * f / 8000
            for n in 0..<length {
                // Scaled by 2/N so that |X| is the amplitude.
                c[k * stride + n] = Float(cos(w * Double(n)) * 2 / Double(length))
                s[k * stride + n] = Float(-sin(w * Double(n)) * 2 / Double(length))
            }
        }
        cosTable = c
        sinTable = s
        let turns = frequencies.map { $0 * Double(length) / 8000 }
        rotationRe = turns.map { cos(2 * Double.pi * $0) }
        rotationIm = turns.map { -sin(2 * Double.pi * $0) }
        rotates = turns.contains { $0 != $0.rounded() }
        referenceRe = frequencies.map { _ in 1 }
        referenceIm = frequencies.map { _ in 0 }
        re = frequencies.map { _ in 0 }
        im = re
    }

    /// Correlates one block of exactly ``length`` samples (padded storage of a multiple of 8,
    /// tail zero) against every bin, and measures its power.
    mutating func analyse(_ block: UnsafeBufferPointer<Float>) {
        precondition(block.count >= stride)
        let chunks = stride / 8
        let raw = UnsafeRawPointer(block.baseAddress!)
        var p = SIMD8<Float>()
        for i in 0..<chunks {
            let x = raw.loadUnaligned(fromByteOffset: i * 32, as: SIMD8<Float>.self)
            p.addProduct(x, x)
        }
        power = p.sum() / Float(length)
        cosTable.withUnsafeBytes { cosRaw in
            sinTable.withUnsafeBytes { sinRaw in
                for k in 0..<frequencies.count {
                    var a = SIMD8<Float>(), b = SIMD8<Float>()
                    let base = k * stride * 4
                    for i in 0..<chunks {
                        let x = raw.loadUnaligned(fromByteOffset: i * 32, as: SIMD8<Float>.self)
                        a.addProduct(x, cosRaw.loadUnaligned(fromByteOffset: base + i * 32, as: SIMD8<Float>.self))
                        b.addProduct(x, sinRaw.loadUnaligned(fromByteOffset: base + i * 32, as: SIMD8<Float>.self))
                    }
                    let x = a.sum(), y = b.sum()
                    guard rotates else {
                        re[k] = x
                        im[k] = y
                        continue
                    }
                    // Rotate to the continuous reference: multiply by e^{-jω·start}.
                    let cr = Float(referenceRe[k]), ci = Float(referenceIm[k])
                    re[k] = x * cr - y * ci
                    im[k] = x * ci + y * cr
                }
            }
        }
        if rotates { advanceReference() }
        blocks += 1
    }

    /// Moves each reference phasor on by one block, renormalising it.
    private mutating func advanceReference() {
        for k in 0..<frequencies.count {
            let r = referenceRe[k] * rotationRe[k] - referenceIm[k] * rotationIm[k]
            let i = referenceRe[k] * rotationIm[k] + referenceIm[k] * rotationRe[k]
            let g = (3 - (r * r + i * i)) / 2
            referenceRe[k] = r * g
            referenceIm[k] = i * g
        }
    }

    /// Power (A²/2) of bin `k` in the last block.
    @inline(__always)
    func binPower(_ k: Int) -> Float { (re[k] * re[k] + im[k] * im[k]) / 2 }
}

extension SIMD8 where Scalar == Float {
    @inline(__always)
    fileprivate mutating func addProduct(_ a: Self, _ b: Self) {
        self = self + a * b
    }
}
