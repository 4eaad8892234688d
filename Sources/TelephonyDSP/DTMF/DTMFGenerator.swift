#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plays DTMF digits as 8 kHz linear PCM: each digit its row and column tone for ``onMS``,
/// then ``offMS`` of silence; `,` in a digit string is a pause of ``pauseMS``.
///
/// Levels are per tone in dBm0 (the kit's convention: a full-scale sine is +3.14 dBm0). The
/// default, −10 dBm0 for the low group with +2 dB twist (high group at −8 dBm0), is the usual
/// send level; Q.23 asks that the high group be no lower than the low group.
///
/// ```swift
/// var dtmf = DTMFGenerator()
/// try dtmf.enqueue("12#")
/// while dtmf.isBusy { let n = dtmf.generate(into: frame) … }
/// ```
///
/// - Complexity: O(samples) per call; ``enqueue(_:)`` and ``generate(into:)`` do not allocate
///   (digits wait in a ring of ``capacity`` allocated at `init`).
public struct DTMFGenerator: Sendable {
    /// A character that is not a DTMF key or `,`.
    public struct InvalidDigit: Error, Hashable, CustomStringConvertible {
        /// The offending character.
        public var character: Character
        /// Creates the error for `character`.
        public init(character: Character) { self.character = character }
        public var description: String { "'\(character)' is not a DTMF digit (0-9 * # A-D) or ',' pause" }
    }

    /// Tone on-time per digit, ms.
    public var onMS: Int
    /// Silence after each digit, ms.
    public var offMS: Int
    /// Length of a `,` pause, ms.
    public var pauseMS: Int
    /// Peak amplitude of the low-group (row) tone.
    private let lowPeak: Float
    /// Peak amplitude of the high-group (column) tone.
    private let highPeak: Float

    /// Queued keys: 0…15 = ``DTMFDigit`` index, 16 = pause.
    private var ring: [UInt8]
    private var head = 0
    private var count = 0
    /// The key sounding now (or 16 for a pause, -1 for none) and samples left of its tone and gap.
    private var current = -1
    private var toneLeft = 0
    private var gapLeft = 0
    // Quadrature oscillators for the two tones.
    private var c1: Float = 1, s1: Float = 0, c2: Float = 1, s2: Float = 0
    private var r1c: Float = 1, r1s: Float = 0, r2c: Float = 1, r2s: Float = 0

    /// How many keys can wait at once.
    public let capacity: Int

    /// Creates a generator. `level` is the low-group tone in dBm0; `twist` is the high group's
    /// level relative to it, dB (positive: high group louder, as Q.23 prefers).
    public init(onMS: Int = 50, offMS: Int = 50, pauseMS: Int = 500, level: Double = -10, twist: Double = 2,
                capacity: Int = 64) {
        self.onMS = onMS
        self.offMS = offMS
        self.pauseMS = pauseMS
        lowPeak = Float(SignalLevel.sinePeak(dBm0: level))
        highPeak = Float(SignalLevel.sinePeak(dBm0: level + twist))
        self.capacity = capacity
        ring = [UInt8](repeating: 0, count: max(capacity, 1))
    }

    /// `true` while a digit, its gap or a queued key is still to play.
    public var isBusy: Bool { current >= 0 || count > 0 }

    /// Queues `digits` (`0-9 * # A-D`, lower case accepted, `,` for a pause).
    ///
    /// - Throws: ``InvalidDigit`` for any other character (nothing is queued then); a full
    ///   queue drops the keys that do not fit and returns how many were queued.
    @discardableResult
    public mutating func enqueue(_ digits: String) throws(InvalidDigit) -> Int {
        for ch in digits where ch != "," && DTMFDigit(ch) == nil { throw InvalidDigit(character: ch) }
        var queued = 0
        for ch in digits {
            guard count < ring.count else { break }
            let code: UInt8
            if ch == "," {
                code = 16
            } else {
                code = UInt8(DTMFDigit.allCases.firstIndex(of: DTMFDigit(ch)!)!)
            }
            ring[(head + count) % ring.count] = code
            count += 1
            queued += 1
        }
        return queued
    }

    /// Queues one digit.
    public mutating func enqueue(_ digit: DTMFDigit) {
        guard count < ring.count else { return }
        ring[(head + count) % ring.count] = UInt8(DTMFDigit.allCases.firstIndex(of: digit)!)
        count += 1
    }

    /// Drops everything queued and stops the digit playing now.
    public mutating func reset() {
        count = 0
        current = -1
        toneLeft = 0
        gapLeft = 0
    }

    /// Writes `buffer.count` samples (silence once the queue is empty); returns how many carry
    /// digits or their gaps (fewer than `buffer.count` only when the queue ran out).
    ///
    /// - Complexity: O(`buffer.count`); does not allocate.
    @discardableResult
    public mutating func generate(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        var i = 0
        var busy = 0
        while i < buffer.count {
            if current < 0 {
                guard count > 0 else { break }
                start(Int(ring[head]))
                head = (head + 1) % ring.count
                count -= 1
            }
            if toneLeft > 0 {
                let n = min(toneLeft, buffer.count - i)
                for k in 0..<n {
                    (c1, s1) = (c1 * r1c - s1 * r1s, s1 * r1c + c1 * r1s)
                    (c2, s2) = (c2 * r2c - s2 * r2s, s2 * r2c + c2 * r2s)
                    buffer[i + k] = Int16(clamping: Int((lowPeak * s1 + highPeak * s2).rounded()))
                }
                // Pull the oscillators back onto the unit circle once per stretch.
                let g1 = (3 - (c1 * c1 + s1 * s1)) / 2, g2 = (3 - (c2 * c2 + s2 * s2)) / 2
                c1 *= g1; s1 *= g1; c2 *= g2; s2 *= g2
                toneLeft -= n
                i += n
                busy += n
            } else if gapLeft > 0 {
                let n = min(gapLeft, buffer.count - i)
                for k in 0..<n { buffer[i + k] = 0 }
                gapLeft -= n
                i += n
                busy += n
            } else {
                current = -1
            }
        }
        for k in i..<buffer.count { buffer[k] = 0 }
        return busy
    }

    private mutating func start(_ code: Int) {
        current = code
        if code == 16 {
            toneLeft = 0
            gapLeft = pauseMS * 8
            return
        }
        let digit = DTMFDigit.allCases[code]
        let w1 = 2 * Double.pi * digit.rowFrequency / 8000, w2 = 2 * Double.pi * digit.columnFrequency / 8000
        r1c = Float(cos(w1)); r1s = Float(sin(w1)); r2c = Float(cos(w2)); r2s = Float(sin(w2))
        c1 = 1; s1 = 0; c2 = 1; s2 = 0
        toneLeft = onMS * 8
        gapLeft = offMS * 8
    }
}
