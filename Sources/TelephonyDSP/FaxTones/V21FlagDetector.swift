#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the HDLC flag preamble of V.21 channel 2 (T.30's 300 bit/s control channel).
///
/// V.21 channel 2 sends binary 1 (mark) as 1650 Hz and 0 (space) as 1850 Hz, 300 bit/s.
/// Every T.30 message starts with about 1 s of HDLC flags (0x7E); bit stuffing guarantees the
/// flag pattern never occurs inside data, so a run of flags exactly 8 bits apart is the
/// preamble and nothing else.
///
/// How it works: the signal is mixed down by 1750 Hz (the channel centre) with a 32-entry
/// table, summed four at a time (2 kHz, SIMD) and smoothed over 3 ms; the sign of the phase step
/// between consecutive complex samples is the bit (−100 Hz: mark, +100 Hz: space). A
/// digital PLL (0.15 bit per sample) locks to the bit edges and integrates each bit; a shift
/// register looks for 0x7E. ``flagsNeeded`` consecutive flags confirm the preamble.
///
/// - Complexity: 2 multiply-adds per sample, a few more per four samples; no allocation after `init`.
struct V21FlagDetector: Sendable {
    /// Consecutive flags (8 bits apart) that confirm a preamble.
    static let flagsNeeded = 4

    /// e^{-j2π·1750·n/8000} over 160 samples (the period of 32 samples times two 80-sample blocks).
    private let mixRe: [Float]
    private let mixIm: [Float]
    private var mixOffset = 0
    private var ringRe: (Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0)
    private var ringIm: (Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0)
    private var ringIndex = 0
    private var sumRe: Float = 0, sumIm: Float = 0
    private var previousRe: Float = 0, previousIm: Float = 0
    private var previousSign = false
    private var bitPhase: Float = 0
    private var bitSum: Float = 0
    private var shift: UInt8 = 0
    private var bitsSinceFlag = 1000
    /// Flags seen back to back, 8 bits apart.
    private(set) var consecutiveFlags = 0
    /// Bits since the last flag (large when none).
    var bitsWithoutFlag: Int { bitsSinceFlag }
    /// Whether the last block carried a V.21 carrier (the band held the power).
    private(set) var carrier = false

    init() {
        let w = 2 * Double.pi * 1750 / 8000
        mixRe = (0..<160).map { Float(cos(w * Double($0))) }
        mixIm = (0..<160).map { Float(-sin(w * Double($0))) }
    }

    /// Feeds one 80-sample block whose mean-square power is `blockPower`; returns `true` if
    /// the preamble was confirmed in it. Bits are only decoded while the V.21 band (the two
    /// tones, about 0.74 of a centre tone's power after smoothing) holds ≥ 40 % of the block's
    /// power and at least `minimumPower` / 2, so other audio costs just the mixer.
    mutating func process(block: UnsafeBufferPointer<Float>, blockPower: Float, minimumPower: Float) -> Bool {
        precondition(block.count == 80)
        let x = UnsafeRawPointer(block.baseAddress!)
        // The state lives in locals (registers) for the loop; the smoothed samples on the stack.
        var sr = sumRe, si = sumIm
        var ring = (ringRe, ringIm)
        var index = ringIndex
        var inBand: Float = 0
        let base = mixOffset * 4
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 40) { smoothed in
            mixRe.withUnsafeBytes { mr in
                mixIm.withUnsafeBytes { mi in
                    for j in 0..<20 {
                        // Mix down and sum four samples: one 2 kHz complex sample; smooth over 3 ms.
                        let v = x.loadUnaligned(fromByteOffset: j * 16, as: SIMD4<Float>.self)
                        let zr = (v * mr.loadUnaligned(fromByteOffset: base + j * 16, as: SIMD4<Float>.self)).sum()
                        let zi = (v * mi.loadUnaligned(fromByteOffset: base + j * 16, as: SIMD4<Float>.self)).sum()
                        let oldRe: Float, oldIm: Float
                        switch index {
                        case 0: (oldRe, oldIm) = (ring.0.0, ring.1.0); (ring.0.0, ring.1.0) = (zr, zi)
                        case 1: (oldRe, oldIm) = (ring.0.1, ring.1.1); (ring.0.1, ring.1.1) = (zr, zi)
                        case 2: (oldRe, oldIm) = (ring.0.2, ring.1.2); (ring.0.2, ring.1.2) = (zr, zi)
                        case 3: (oldRe, oldIm) = (ring.0.3, ring.1.3); (ring.0.3, ring.1.3) = (zr, zi)
                        case 4: (oldRe, oldIm) = (ring.0.4, ring.1.4); (ring.0.4, ring.1.4) = (zr, zi)
                        default: (oldRe, oldIm) = (ring.0.5, ring.1.5); (ring.0.5, ring.1.5) = (zr, zi)
                        }
                        index = index == 5 ? 0 : index + 1
                        sr += zr - oldRe
                        si += zi - oldIm
                        smoothed[j] = sr
                        smoothed[20 + j] = si
                        inBand += sr * sr + si * si
                    }
                }
            }
            sumRe = sr
            sumIm = si
            (ringRe, ringIm) = ring
            ringIndex = index
            mixOffset = mixOffset == 0 ? 80 : 0
            // A sine of amplitude A at the centre gives |z|² = 288 · A²/2.
            let power = inBand / (20 * 288)
            carrier = power >= 0.4 * blockPower && power >= 0.5 * minimumPower
            guard carrier else {
                consecutiveFlags = 0
                bitsSinceFlag = 1000
                previousRe = sr
                previousIm = si
                return false
            }
            var confirmed = false
            for j in 0..<20 where bit(smoothed[j], smoothed[20 + j]) {
                confirmed = true
            }
            return confirmed
        }
    }

    /// Discriminates, clocks and deframes one smoothed 2 kHz sample.
    private mutating func bit(_ re: Float, _ im: Float) -> Bool {
        // Im(z_k · conj z_{k-1}) > 0: above the centre (space, 0); < 0: mark, 1. Left
        // unnormalised, the integral over a bit weights each sample by its energy.
        let d = im * previousRe - re * previousIm
        previousRe = re
        previousIm = im
        let sign = d > 0
        bitPhase += 0.15
        if sign != previousSign {
            // A bit edge: pull the clock toward phase 0.
            let error = bitPhase < 0.5 ? bitPhase : bitPhase - 1
            bitPhase -= 0.3 * error
        }
        previousSign = sign
        bitSum += d
        guard bitPhase >= 1 else { return false }
        bitPhase -= 1
        let bit: UInt8 = bitSum < 0 ? 1 : 0
        bitSum = 0
        return received(bit)
    }

    private mutating func received(_ bit: UInt8) -> Bool {
        shift = (shift >> 1) | (bit << 7)
        bitsSinceFlag += 1
        if shift == 0x7E {
            consecutiveFlags = bitsSinceFlag == 8 ? consecutiveFlags + 1 : 1
            bitsSinceFlag = 0
            return consecutiveFlags == Self.flagsNeeded
        }
        if bitsSinceFlag > 8 { consecutiveFlags = 0 }
        return false
    }
}
