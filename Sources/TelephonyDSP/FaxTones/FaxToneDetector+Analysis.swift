#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FaxToneDetector {
    /// Blocks of a missing tone bridged inside a run (a reversal, a noise burst).
    static var maximumGap: Int { 2 }
    /// 15 Hz at the 100 Hz block rate, radians per block.
    static var envelopeStep: Float { 2 * Float.pi * 15 / 100 }

    /// Hz per radian of phase step between 10 ms blocks.
    @inline(__always)
    private static func offset(fromStep step: Float) -> Float { step * 8000 / (2 * Float.pi * Float(blockLength)) }

    /// The rectangular window's loss for a tone `offset` Hz off the bin centre, undone.
    @inline(__always)
    private static func corrected(_ power: Float, offset: Float) -> Float {
        let d = min(abs(offset) / 100, 0.5)
        guard d > 0.001 else { return power }
        let s = sinf(Float.pi * d) / (Float.pi * d)
        return power / (s * s)
    }

    mutating func analyseBlock() {
        block.samples.withUnsafeBufferPointer { correlator.analyse($0) }
        let total = correlator.power
        let index = correlator.blocks

        // V.21: the FSK carrier must hold the band for flags to count.
        let flags = block.samples.withUnsafeBufferPointer {
            v21.process(block: $0, blockPower: total, minimumPower: minimumPower)
        }
        if flags, !v21Active {
            v21Active = true
            emit(.v21Preamble, true)
        }
        v21CarrierLost = v21.carrier ? 0 : v21CarrierLost + 1
        if v21Active, v21CarrierLost >= 3 || v21.bitsWithoutFlag > 32 {
            v21Active = false
            emit(.v21Preamble, false)
        }

        // CNG, 1100 Hz.
        let re0 = correlator.re[0], im0 = correlator.im[0]
        var p0 = correlator.binPower(0)
        var offset0: Float? = nil
        // Only a block that could pass (window loss at 45 Hz is 0.49) pays for the phase.
        let candidate0 = p0 >= minimumPower * 0.45 && p0 >= Self.purity * 0.45 * total
        if candidate0, previousStrong.0 {
            let o = Self.offset(fromStep: atan2f(im0 * previousRe.0 - re0 * previousIm.0, re0 * previousRe.0 + im0 * previousIm.0))
            offset0 = o
            p0 = Self.corrected(p0, offset: o)
        }
        let cngOn = candidate0 && p0 >= minimumPower && p0 >= Self.purity * total && abs(offset0 ?? 0) <= 45
        if cngOn {
            cngBlocks += 1 + cngGap
            cngGap = 0
            if let o = offset0 { cngOffsets.append(o) }
        } else if cngBlocks > 0 {
            cngGap += 1
            if cngGap > Self.maximumGap {
                // The burst ended: judge its length, centre and steadiness.
                if Self.cngBurstMS.contains(cngBlocks * 10), abs(cngOffsets.mean) <= 40,
                   cngOffsets.share(fartherThan: 3) <= Self.unsteadyShare {
                    emit(.cng, true)
                    emit(.cng, false)
                }
                cngBlocks = 0
                cngGap = 0
                cngOffsets.removeAll()
            }
        }

        // CED / ANS / ANSam, 2100 Hz.
        let re1 = correlator.re[1], im1 = correlator.im[1]
        var p1 = correlator.binPower(1)
        var offset1: Float? = nil
        var reversal = false
        let candidate1 = p1 >= minimumPower * 0.45 && p1 >= Self.purity * 0.45 * total
        if candidate1, previousStrong.1 {
            let o = Self.offset(fromStep: atan2f(im1 * previousRe.1 - re1 * previousIm.1, re1 * previousRe.1 + im1 * previousIm.1))
            offset1 = o
            if abs(o) <= 40 { p1 = Self.corrected(p1, offset: o) }
        }
        if candidate1, ansBlocks >= 2 {
            // Phase step over two blocks, less twice the tone's own offset: π at a reversal.
            let mean = ansOffsets.mean
            let expected = 2 * mean * 2 * Float.pi * Float(Self.blockLength) / 8000
            var dev = atan2f(im1 * previousRe2 - re1 * previousIm2, re1 * previousRe2 + im1 * previousIm2) - expected
            if dev > Float.pi { dev -= 2 * Float.pi }
            if dev < -Float.pi { dev += 2 * Float.pi }
            let strong = p1 >= minimumPower && p1 >= Self.purity * total
            if strong, abs(dev) > 2 * Float.pi / 3, index - ansLastReversal > 20 {
                reversal = true
                let spacing = index - ansLastReversal
                if ansReversals > 0, spacing >= 40, spacing <= 50 { ansGoodSpacings += 1 }
                ansReversals += 1
                ansLastReversal = index
            }
        }
        let inTune = abs(offset1 ?? 0) <= 40 || reversal
        let ansOn = candidate1 && p1 >= minimumPower && p1 >= Self.purity * total && inTune
        if ansOn {
            ansBlocks += 1 + ansGap
            ansGap = 0
            if let o = offset1, !reversal { ansOffsets.append(o) }
            // Envelope: the first difference of |X| removes the mean; correlate with 15 Hz.
            let amplitude = sqrtf(re1 * re1 + im1 * im1)
            if previousStrong.1, !reversal, index - ansLastReversal > 2 {
                let previousAmplitude = sqrtf(previousRe.1 * previousRe.1 + previousIm.1 * previousIm.1)
                let d = amplitude - previousAmplitude
                let w = Self.envelopeStep * Float(index % 20)
                ansEnvelopeRe += d * cosf(w)
                ansEnvelopeIm -= d * sinf(w)
                ansEnvelopeSum += amplitude
            }
        } else if ansBlocks > 0 {
            ansGap += 1
            if ansGap > Self.maximumGap {
                if let tone = ansActive { emit(tone, false) }
                resetAnswerTone()
            }
        }
        if ansActive == nil, ansGap == 0, ansBlocks * 10 >= Self.answerMS,
           ansOffsets.count > 0, abs(ansOffsets.mean) <= 20,
           ansOffsets.share(fartherThan: 3) <= Self.unsteadyShare {
            // Depth of the 15 Hz modulation: the difference filter scales it by 2·sin(π·15/100).
            let depth = ansEnvelopeSum > 0
                ? 2 * sqrtf(ansEnvelopeRe * ansEnvelopeRe + ansEnvelopeIm * ansEnvelopeIm)
                    / (2 * sinf(Float.pi * 0.15) * ansEnvelopeSum)
                : 0
            let modulated = depth >= 0.1
            let reversing = ansGoodSpacings >= 1
            let tone: FaxTone = reversing ? (modulated ? .ansamPR : .ansPR) : (modulated ? .ansam : .ced)
            ansActive = tone
            emit(tone, true)
        }

        previousRe2 = previousRe.1
        previousIm2 = previousIm.1
        previousRe = (re0, re1)
        previousIm = (im0, im1)
        previousStrong = (correlator.binPower(0) >= minimumPower * 0.25, correlator.binPower(1) >= minimumPower * 0.25)
    }

    private mutating func resetAnswerTone() {
        ansActive = nil
        ansBlocks = 0
        ansGap = 0
        ansOffsets.removeAll()
        ansReversals = 0
        ansGoodSpacings = 0
        ansLastReversal = -1000
        ansEnvelopeSum = 0
        ansEnvelopeRe = 0
        ansEnvelopeIm = 0
    }
}
