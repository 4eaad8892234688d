#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plays a ``ToneSpec`` as 8 kHz linear PCM: dial, busy, ringback, SIT … from any tone zone.
///
/// Each frequency of a segment plays at `level` dBm0 (as libtonezone does; a `@` segment
/// 20 dB lower), using the kit's convention that a full-scale sine is +3.14 dBm0. One-shot
/// segments play once; the rest repeat from ``ToneSpec/loopStart``. A spec made only of one-shot
/// segments ends, after which ``generate(into:)`` writes nothing.
///
/// ```swift
/// var busy = ToneGenerator(spec: try ToneSpec(parsing: "480+620/500,0/500"), level: -24)
/// let written = busy.generate(into: frame)     // 160 samples per 20 ms frame
/// ```
///
/// - Complexity: O(samples) per call; no allocation after `init`.
public struct ToneGenerator: Sendable {
    /// One segment, prepared for playing.
    private struct Prepared: Sendable {
        var steps: (Double, Double, Double) = (0, 0, 0)   // radians per sample, per oscillator
        var count = 0                                       // sounding oscillators (0…3)
        var modulated = false
        var amplitude = 0.0
        var samples = 0                                     // segment length; Int.max = continuous
        var oneShot = false
    }

    private let prepared: [Prepared]
    private let loopStart: Int?
    private var index = 0
    private var remaining = 0
    // Quadrature oscillators (cos, sin) and their per-sample rotations.
    private var c: (Double, Double, Double) = (1, 1, 1)
    private var s: (Double, Double, Double) = (0, 0, 0)
    private var rc: (Double, Double, Double) = (1, 1, 1)
    private var rs: (Double, Double, Double) = (0, 0, 0)
    private var sinceRenormalise = 0

    /// `true` once a tone without a looping part has played to its end.
    public private(set) var isFinished = false

    /// Creates a generator for `spec` with each frequency at `level` dBm0 (default −10, as libtonezone).
    public init(spec: ToneSpec, level: Double = -10) {
        let peak = SignalLevel.sinePeak(dBm0: level)
        prepared = spec.segments.map { seg in
            var p = Prepared()
            let f = seg.frequencies
            p.count = min(f.count, 3)
            func step(_ i: Int) -> Double { i < f.count ? 2 * Double.pi * f[i] / 8000 : 0 }
            p.steps = (step(0), step(1), step(2))
            p.modulated = seg.mix == .modulated
            p.amplitude = peak * pow(10, seg.relativeLevel / 20)
            p.samples = seg.durationMS.map { $0 * 8 } ?? Int.max
            p.oneShot = seg.isOneShot
            return p
        }
        // A looping part that lasts no time at all would spin forever: treat it as the end.
        if let loop = spec.loopStart, prepared[loop...].allSatisfy({ $0.samples == 0 }) {
            loopStart = nil
        } else {
            loopStart = spec.loopStart
        }
        if prepared.isEmpty {
            isFinished = true
        } else {
            enter(0)
        }
    }

    /// Writes up to `buffer.count` samples; returns how many were written (fewer only when the
    /// tone has ended).
    ///
    /// - Complexity: O(`buffer.count`); does not allocate.
    public mutating func generate(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        var written = 0
        while written < buffer.count, !isFinished {
            if remaining == 0 {
                advance()
                continue
            }
            let p = prepared[index]
            let n = min(buffer.count - written, remaining)
            for k in 0..<n {
                var v = 0.0
                if p.count > 0 {
                    // rotate the oscillators by one sample
                    (c.0, s.0) = (c.0 * rc.0 - s.0 * rs.0, s.0 * rc.0 + c.0 * rs.0)
                    if p.count > 1 { (c.1, s.1) = (c.1 * rc.1 - s.1 * rs.1, s.1 * rc.1 + c.1 * rs.1) }
                    if p.count > 2 { (c.2, s.2) = (c.2 * rc.2 - s.2 * rs.2, s.2 * rc.2 + c.2 * rs.2) }
                    if p.modulated {
                        v = s.0 * (0.5 + 0.5 * s.1)
                    } else {
                        v = s.0 + s.1 + s.2
                    }
                }
                buffer[written + k] = Int16(clamping: Int((v * p.amplitude).rounded()))
            }
            written += n
            if remaining != Int.max { remaining -= n }
            sinceRenormalise += n
            if sinceRenormalise >= 8000 { renormalise() }
        }
        return written
    }

    private mutating func advance() {
        var next = index + 1
        if next == prepared.count {
            guard let loop = loopStart else { isFinished = true; return }
            next = loop
        }
        enter(next)
    }

    private mutating func enter(_ i: Int) {
        index = i
        let p = prepared[i]
        remaining = p.samples
        c = (1, 1, 1)
        s = (0, 0, 0)
        rc = (cos(p.steps.0), cos(p.steps.1), cos(p.steps.2))
        rs = (sin(p.steps.0), sin(p.steps.1), sin(p.steps.2))
    }

    /// Pulls the oscillators back onto the unit circle (rounding drift over long tones).
    private mutating func renormalise() {
        sinceRenormalise = 0
        func fix(_ c: inout Double, _ s: inout Double) {
            let g = (3 - (c * c + s * s)) / 2
            c *= g
            s *= g
        }
        fix(&c.0, &s.0)
        fix(&c.1, &s.1)
        fix(&c.2, &s.2)
    }
}
