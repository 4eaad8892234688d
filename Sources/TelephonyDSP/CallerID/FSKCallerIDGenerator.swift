#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends a caller-ID message as 1200-baud FSK (Bell 202 or V.23): channel seizure, mark signal,
/// the message bytes (start bit, eight data bits LSB first, stop bit), and a few mark bits to
/// close.
///
/// Continuous-phase FSK at 8 kHz; the bit clock is exact (1200/8000 in integer arithmetic), so
/// a bit lasts 6 or 7 samples and every 3 bits take exactly 20 samples.
///
/// ```swift
/// var fsk = try FSKCallerIDGenerator(message: CallerIDMessage(number: "5551234", dateTime: "11231530"))
/// while fsk.isBusy { let n = fsk.generate(into: frame) … }
/// ```
///
/// - Complexity: O(samples) per call; ``generate(into:)`` does not allocate (the message bytes
///   are encoded once, at `init`).
public struct FSKCallerIDGenerator: Sendable {
    /// The modem.
    public let standard: FSKStandard
    /// Alternating-bit seizure length, bits (0 for none, as for caller ID on an off-hook line).
    public let seizureBits: Int
    /// Mark-signal length, bits.
    public let markBits: Int
    /// Mark bits sent after the last byte.
    public let trailingBits: Int
    private let bytes: [UInt8]
    private let amplitude: Double
    private let markStep: Double
    private let spaceStep: Double
    private var phase = 0.0
    private var bitIndex = 0          // index into the whole bit sequence
    private var bitClock = 0          // in units of 1/8000 s × 1200
    private let totalBits: Int

    /// Creates a generator for `message` at `level` dBm0 (GR-30: −13.5 dBm ± 1 at the line).
    ///
    /// - Throws: ``CallerIDError`` when the message cannot be encoded.
    public init(message: CallerIDMessage, standard: FSKStandard = .bell202, level: Double = -13.5,
                seizureBits: Int? = nil, markBits: Int? = nil) throws(CallerIDError) {
        self.init(bytes: try message.encoded(), standard: standard, level: level,
                  seizureBits: seizureBits, markBits: markBits)
    }

    /// Creates a generator for raw message `bytes` (for tests of damaged messages).
    public init(bytes: [UInt8], standard: FSKStandard = .bell202, level: Double = -13.5,
                seizureBits: Int? = nil, markBits: Int? = nil) {
        self.standard = standard
        self.seizureBits = seizureBits ?? standard.seizureBits
        self.markBits = markBits ?? standard.markBits
        trailingBits = 10
        self.bytes = bytes
        amplitude = SignalLevel.sinePeak(dBm0: level)
        markStep = 2 * Double.pi * standard.markFrequency / 8000
        spaceStep = 2 * Double.pi * standard.spaceFrequency / 8000
        totalBits = self.seizureBits + self.markBits + 10 * bytes.count + trailingBits
    }

    /// `true` while bits remain to be sent.
    public var isBusy: Bool { bitIndex < totalBits }

    /// The number of samples the whole transmission takes.
    public var totalSamples: Int { (totalBits * 8000 + FSKStandard.baud - 1) / FSKStandard.baud }

    /// The bit at position `i` of the transmission.
    private func bit(_ i: Int) -> Bool {
        if i < seizureBits { return i & 1 == 1 }               // 0101… (starts with a space)
        var j = i - seizureBits
        if j < markBits { return true }
        j -= markBits
        if j < 10 * bytes.count {
            let k = j % 10
            if k == 0 { return false }                          // start bit
            if k == 9 { return true }                           // stop bit
            return (bytes[j / 10] >> (k - 1)) & 1 == 1
        }
        return true
    }

    /// Writes up to `buffer.count` samples; returns how many (0 once finished; the rest of the
    /// buffer is left as it was).
    ///
    /// - Complexity: O(`buffer.count`); does not allocate.
    public mutating func generate(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        var n = 0
        while n < buffer.count, bitIndex < totalBits {
            let step = bit(bitIndex) ? markStep : spaceStep
            buffer[n] = Int16((amplitude * sin(phase)).rounded())
            phase += step
            if phase > 2 * Double.pi { phase -= 2 * Double.pi }
            n += 1
            bitClock += FSKStandard.baud
            if bitClock >= 8000 {
                bitClock -= 8000
                bitIndex += 1
            }
        }
        return n
    }

    /// The whole transmission as samples (convenience for tools and tests; allocates).
    public static func samples(message: CallerIDMessage, standard: FSKStandard = .bell202,
                               level: Double = -13.5) throws(CallerIDError) -> [Int16] {
        var g = try FSKCallerIDGenerator(message: message, standard: standard, level: level)
        return g.generateAll()
    }

    /// The rest of the transmission as samples (allocates).
    public mutating func generateAll() -> [Int16] {
        var out = [Int16](repeating: 0, count: totalSamples + 8)
        let n = out.withUnsafeMutableBufferPointer { generate(into: $0) }
        out.removeLast(out.count - n)
        return out
    }
}
