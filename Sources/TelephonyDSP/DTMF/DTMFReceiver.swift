#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Detects DTMF digits in 8 kHz linear PCM, to the limits of ITU-T Q.23/Q.24.
///
/// What it meets (measured figures in `TelephonyDSP.docc/DTMF.md`):
/// - frequency: accepts ±1.5 %, rejects ±3.5 % on either tone (Q.24);
/// - timing: accepts tones of 40 ms, rejects tones of 22 ms or less; a pause of 40 ms separates
///   two digits, a drop-out of 10 ms does not split one (Q.24);
/// - twist: accepts the high group up to ``Configuration/twist`` dB below the low group
///   (normal twist, default 8) and ``Configuration/reverseTwist`` dB above (default 4);
/// - level: operates down to ``Configuration/threshold`` dBm0 per tone (default −42; so
///   −3…−36 dBm0 are detected and ≤ −50 dBm0 is not).
///
/// How it works: each 10 ms block (80 samples) loud enough to hold two tones at the threshold
/// is correlated against the eight keypad frequencies (``DTMFFilterBank``: complex bins, SIMD
/// across the eight, each chosen tone's leakage into the other's bin removed). A block names a
/// digit when its strongest row and column bins together carry ``Configuration/purity`` of the
/// block's power (speech and music spread theirs), each is above the threshold and the twist is
/// within limits. The phase step of each bin between consecutive blocks gives each tone's
/// offset from nominal to a fraction of a hertz, which must be within
/// ``Configuration/frequencyTolerance`` (±2 %, between the accept and reject limits). Three
/// consecutive blocks naming the same digit, with every step in tolerance and the last two
/// carrying ``Configuration/confirmPurity``, confirm it (a 22 ms tone can fill at most two
/// blocks; a 40 ms tone always fills three); three consecutive blocks not naming it end it (a
/// 10 ms drop-out touches at most two). With ``Configuration/filtersDialTone``, notch filters
/// take 350 and 440 Hz out first.
///
/// ```swift
/// var receiver = DTMFReceiver()
/// if let event = receiver.process(frame), event.isDown { print(event.digit) }
/// ```
///
/// - Complexity: O(samples): 16 multiply-adds per sample (vectorised) on blocks with signal, one on
///   quiet blocks; no allocation after `init`.
public struct DTMFReceiver: Sendable {
    /// Tunable limits. Defaults are SpanDSP's and the kit's (8/4 dB twist, −42 dBm0).
    public struct Configuration: Sendable, Hashable {
        /// Normal twist: how far the high group may be below the low group, dB.
        public var twist: Double = 8
        /// Reverse twist: how far the high group may be above the low group, dB.
        public var reverseTwist: Double = 4
        /// Lowest level per tone, dBm0.
        public var threshold: Double = -42
        /// Notch 350 and 440 Hz (North American dial tone; also 425/450 Hz tones) before detecting.
        public var filtersDialTone = false
        /// Fraction of a block's power that the row and column tones must carry together (the
        /// first block of a digit may be only partly filled).
        public var purity: Double = 0.7
        /// The same fraction for the two blocks that confirm a digit (whole blocks of tone):
        /// DTMF at 15 dB S/N gives about 0.96, vowels that mimic two tones 0.7–0.8.
        public var confirmPurity: Double = 0.85
        /// Largest accepted frequency error, as a fraction of nominal (Q.24: accept 1.5 %, reject 3.5 %).
        public var frequencyTolerance: Double = 0.02

        /// Creates the default configuration, with any limits changed.
        public init(twist: Double = 8, reverseTwist: Double = 4, threshold: Double = -42, filtersDialTone: Bool = false) {
            self.twist = twist
            self.reverseTwist = reverseTwist
            self.threshold = threshold
            self.filtersDialTone = filtersDialTone
        }
    }

    static let blockLength = 80
    /// Consecutive blocks that confirm a digit.
    static let confirmBlocks = 3
    /// Consecutive blocks without the digit that end it.
    static let releaseBlocks = 3

    /// The limits in use.
    public let configuration: Configuration

    let bank = DTMFFilterBank()
    var block: [Float]
    var fill = 0
    /// Samples consumed so far.
    public private(set) var position = 0

    // Limits, as powers and ratios.
    let minimumPower: Float
    let purity: Float
    let confirmPurity: Float
    let normalTwist: Float       // Pr / Pc at most
    let reverseTwist: Float      // Pc / Pr at most
    let tolerance: SIMD8<Float>  // Hz per bin
    var notch: DialToneNotch?

    // Block-to-block state.
    var previousRe = SIMD8<Float>()
    var previousIm = SIMD8<Float>()
    var previousDigit = -1
    var run = 0
    /// Consecutive blocks (up to this one) whose tones carry ``Configuration/confirmPurity``.
    var strong = 0
    var active = -1
    var misses = 0
    var pending = EventQueue<DTMFEvent>()

    /// Creates a receiver with `configuration`.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        block = [Float](repeating: 0, count: Self.blockLength)
        minimumPower = Float(SignalLevel.power(dBm0: configuration.threshold))
        purity = Float(configuration.purity)
        confirmPurity = Float(configuration.confirmPurity)
        // One dB of slack on the measured twist: a tone 1.5 % off its bin reads up to 0.9 dB low.
        normalTwist = Float(pow(10, (configuration.twist + 1) / 10))
        reverseTwist = Float(pow(10, (configuration.reverseTwist + 1) / 10))
        let f = DTMFDigit.rowFrequencies + DTMFDigit.columnFrequencies
        tolerance = SIMD8<Float>(f.map { Float($0 * configuration.frequencyTolerance) })
        notch = configuration.filtersDialTone ? DialToneNotch() : nil
    }

    /// Creates a receiver with the given twist limits (dB), threshold (dBm0 per tone) and dial-tone filter.
    public init(twist: Double = 8, reverseTwist: Double = 4, threshold: Double = -42, filtersDialTone: Bool = false) {
        self.init(configuration: Configuration(twist: twist, reverseTwist: reverseTwist, threshold: threshold,
                                               filtersDialTone: filtersDialTone))
    }

    /// The digit held down now, if any.
    public var currentDigit: DTMFDigit? { active < 0 ? nil : DTMFDigit.allCases[active] }

    /// Feeds any number of samples (a 20 ms frame is 160); returns a digit going down or up, if one was decided.
    ///
    /// At most one event per call; one decided while another waits comes with the next call
    /// (an empty buffer drains them), carrying its own ``DTMFEvent/samplePosition``.
    ///
    /// - Complexity: O(`samples.count`); does not allocate.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> DTMFEvent? {
        var i = 0
        let count = samples.count
        while i < count {
            let n = min(count - i, Self.blockLength - fill)
            let start = fill
            let source = samples.baseAddress! + i
            block.withUnsafeMutableBufferPointer { b in
                let target = b.baseAddress! + start
                if notch != nil {
                    for k in 0..<n { target[k] = notch!.filter(Float(source[k])) }
                } else {
                    for k in 0..<n { target[k] = Float(source[k]) }
                }
            }
            fill += n
            i += n
            position += n
            if fill == Self.blockLength {
                fill = 0
                analyseBlock()
            }
        }
        return pending.pop()
    }

    /// Judges one full block and moves the digit state on.
    mutating func analyseBlock() {
        // A block too quiet to hold two tones at the threshold is not correlated at all.
        let total = block.withUnsafeBufferPointer { DTMFFilterBank.power($0.baseAddress!) }
        let loud = total >= 2 * minimumPower
        let (re, im) = loud ? block.withUnsafeBufferPointer { bank.analyse($0.baseAddress!) } : (SIMD8<Float>(), SIMD8<Float>())
        var digit = -1
        var inTolerance = false
        var isStrong = false
        if loud {
            let p = re * re + im * im
            var r = 0, pr = p[0]
            for k in 1..<4 where p[k] > pr { r = k; pr = p[k] }
            var c = 4, pc = p[4]
            for k in 5..<8 where p[k] > pc { c = k; pc = p[k] }
            let x = bank.separated(re, im, row: r, column: c)
            pr = (x.rowRe * x.rowRe + x.rowIm * x.rowIm) * 0.5
            pc = (x.columnRe * x.columnRe + x.columnIm * x.columnIm) * 0.5
            if pr + pc >= purity * total, pr >= minimumPower, pc >= minimumPower,
               pr <= normalTwist * pc, pc <= reverseTwist * pr {
                digit = r * 4 + (c - 4)
                var strongPower = pr + pc
                if digit == previousDigit {
                    let y = bank.separated(previousRe, previousIm, row: r, column: c)
                    let rowOffset = offset(x.rowRe, x.rowIm, y.rowRe, y.rowIm, bin: r)
                    let columnOffset = offset(x.columnRe, x.columnIm, y.columnRe, y.columnIm, bin: c)
                    inTolerance = abs(rowOffset) <= tolerance[r] && abs(columnOffset) <= tolerance[c]
                    // Undo the window's loss for a tone off its bin centre before judging purity.
                    strongPower = Self.corrected(pr, offset: rowOffset) + Self.corrected(pc, offset: columnOffset)
                }
                isStrong = strongPower >= confirmPurity * total
            }
        }
        previousRe = re
        previousIm = im
        if digit >= 0 {
            run = digit == previousDigit && inTolerance ? run + 1 : 1
        } else {
            run = 0
        }
        previousDigit = digit
        strong = isStrong && run > 1 ? strong + 1 : (isStrong ? 1 : 0)

        if active >= 0 {
            if digit == active {
                misses = 0
            } else {
                misses += 1
                if misses >= Self.releaseBlocks {
                    pending.push(DTMFEvent(digit: DTMFDigit.allCases[active], kind: .up, samplePosition: position))
                    active = -1
                }
            }
        }
        if active < 0, run >= Self.confirmBlocks, strong >= Self.confirmBlocks - 1 {
            active = digit
            misses = 0
            pending.push(DTMFEvent(digit: DTMFDigit.allCases[digit], kind: .down, samplePosition: position))
        }
    }

    /// The offset in Hz from bin `bin`'s nominal frequency of the tone whose phase went from
    /// (`px`, `py`) in the previous block to (`x`, `y`) in this one.
    @inline(__always)
    func offset(_ x: Float, _ y: Float, _ px: Float, _ py: Float, bin: Int) -> Float {
        // z = X · conj(Xprev) · e^{−jωN}
        let zr = x * px + y * py, zi = y * px - x * py
        let rr = bank.rotationRe[bin], ri = bank.rotationIm[bin]
        let step = atan2f(zr * ri + zi * rr, zr * rr - zi * ri)      // radians per block
        return step * 8000 / (2 * Float.pi * Float(Self.blockLength))
    }

    /// `power` measured by a bin for a tone `offset` Hz off its centre, with the rectangular
    /// window's loss (sinc², 100 Hz bins) undone.
    @inline(__always)
    static func corrected(_ power: Float, offset: Float) -> Float {
        let d = min(abs(offset) / 100, 0.5)
        guard d > 0.001 else { return power }
        let s = sinf(Float.pi * d) / (Float.pi * d)
        return power / (s * s)
    }
}
