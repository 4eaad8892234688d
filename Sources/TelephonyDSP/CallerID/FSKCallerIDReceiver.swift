/// Receives FSK caller ID (Bell 202 or V.23, SDMF or MDMF) from 8 kHz linear PCM.
///
/// A ``FSKDemodulator`` turns samples into bits; an asynchronous receiver frames bytes (start
/// bit, eight data bits LSB first, stop bit, sampled at the middle of each bit, timed from the
/// start bit's leading edge); the message layer then checks, as GR-30-CORE and EN 300 659-1 ask:
///
/// - channel seizure: the alternating 0101… preamble (bytes 0x55) is counted; with
///   ``Configuration/requiresChannelSeizure`` at least 40 bits of it must precede the message
///   (off-hook caller ID has none, so the default is not to require it);
/// - mark: at least ``Configuration/minimumMarkBits`` mark (1) bits must precede the message
///   type byte (GR-30 sends 180, off-hook 80);
/// - checksum: the two's complement of the sum of the other bytes; a message that fails is
///   dropped and described in ``lastError``.
///
/// Message-waiting messages (types 0x06, 0x82) are recognised and skipped.
///
/// - Complexity: O(samples); ``process(_:)`` allocates only when a whole message is decoded
///   (its strings), never per frame.
public struct FSKCallerIDReceiver: Sendable {
    /// Tunable checks.
    public struct Configuration: Sendable, Hashable {
        /// The modem.
        public var standard: FSKStandard
        /// Lowest carrier level, dBm0.
        public var minimumLevel: Double
        /// Require a channel seizure (≥ 40 bits) before the message.
        public var requiresChannelSeizure: Bool
        /// Mark bits that must precede the message type byte.
        public var minimumMarkBits: Int

        /// Creates a configuration.
        public init(standard: FSKStandard = .bell202, minimumLevel: Double = -40,
                    requiresChannelSeizure: Bool = false, minimumMarkBits: Int = 40) {
            self.standard = standard
            self.minimumLevel = minimumLevel
            self.requiresChannelSeizure = requiresChannelSeizure
            self.minimumMarkBits = minimumMarkBits
        }
    }

    /// The checks in use.
    public let configuration: Configuration
    private var demodulator: FSKDemodulator
    /// Samples consumed so far.
    public private(set) var position = 0
    /// Stream position (samples) at which the last message was completed.
    public private(set) var messagePosition = 0
    /// Seizure bits counted before the last message.
    public private(set) var seizureBits = 0
    /// Mark bits counted before the last message.
    public private(set) var markBits = 0
    /// Level (dBm0) of the stronger of the mark and space bins, averaged over the last message:
    /// the modem that matches the sender reads highest (Bell 202 and V.23 receivers can both
    /// decode one transmission, their tones being close).
    public private(set) var messageLevel = -Double.infinity
    /// How far (Hz) the mark signal before the last message was from this modem's mark
    /// frequency: near 0 for the sender's modem, about 100 Hz for the other one.
    public private(set) var markFrequencyError = Double.nan
    /// Why the last message that failed was dropped.
    public private(set) var lastError: CallerIDError?

    // Bit framing.
    private var previousMark = true
    private var inByte = false
    private var sinceEdge = 0
    private var bitNumber = 0
    private var shift: UInt8 = 0
    private var vote = 0
    private var spaceRun = 0
    private var markSamples = 0
    private var silentSamples = 0
    // Message layer.
    private var seizureBytes = 0
    private var buffer: [UInt8]
    private var expected = 0
    private var collecting = false
    private var markBeforeMessage = 0
    private var seizureBeforeMessage = 0
    private var markOffset = Double.nan
    private var edgeMarkOffset = Double.nan
    private var powerSum = 0.0
    private var powerCount = 0

    /// Middle of bit k (0 = start bit … 9 = stop bit), in samples from the start bit's edge.
    private static let centres: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (3, 10, 17, 23, 30, 37, 43, 50, 57, 63)

    /// Creates a receiver.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        demodulator = FSKDemodulator(standard: configuration.standard, minimumLevel: configuration.minimumLevel)
        buffer = []
        buffer.reserveCapacity(260)
    }

    /// Creates a receiver for `standard` with the default checks.
    public init(standard: FSKStandard) {
        self.init(configuration: Configuration(standard: standard))
    }

    private static func centre(_ k: Int) -> Int {
        switch k {
        case 0: centres.0
        case 1: centres.1
        case 2: centres.2
        case 3: centres.3
        case 4: centres.4
        case 5: centres.5
        case 6: centres.6
        case 7: centres.7
        case 8: centres.8
        default: centres.9
        }
    }

    /// Feeds samples; returns a message when one is completed and passes its checks.
    ///
    /// - Complexity: O(`samples.count`).
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> CallerIDMessage? {
        var result: CallerIDMessage?
        for x in samples {
            position += 1
            let (mark, carrier, power) = demodulator.demodulate(x)
            if collecting { powerSum += Double(power); powerCount += 1 }
            if !carrier {
                silentSamples += 1
                if silentSamples > 80 {       // 10 ms without carrier: start over
                    if collecting { lastError = CallerIDError("carrier lost in the middle of a message") }
                    collecting = false
                    inByte = false
                    seizureBytes = 0
                    markSamples = 0
                    _ = demodulator.takeMarkOffset()
                }
                previousMark = true
                continue
            }
            silentSamples = 0
            if !inByte {
                if mark {
                    markSamples += 1
                    spaceRun = 0
                } else {
                    spaceRun += 1
                }
                if spaceRun == 2 {                      // leading edge of a start bit (two samples of space)
                    spaceRun = 0
                    edgeMarkOffset = demodulator.takeMarkOffset()   // measured over the idle mark just ended
                    inByte = true
                    sinceEdge = 1
                    vote = 0
                    bitNumber = 0
                    shift = 0
                }
                previousMark = mark
                continue
            }
            previousMark = mark
            sinceEdge += 1
            let centre = Self.centre(bitNumber)
            guard sinceEdge >= centre - 1 else { continue }
            vote += mark ? 1 : -1                        // majority of three samples per bit
            guard sinceEdge == centre + 1 else { continue }
            let bit = vote > 0
            vote = 0
            switch bitNumber {
            case 0:
                if bit { inByte = false; continue }      // a glitch, not a start bit
            case 9:
                inByte = false
                _ = demodulator.takeMarkOffset()         // the byte's own bits do not count
                if bit {
                    if let m = byteReceived(shift) { result = m }
                } else if !collecting {
                    markSamples = 0                      // framing error
                }
                continue
            default:
                shift = shift >> 1 | (bit ? 0x80 : 0)
            }
            bitNumber += 1
        }
        return result
    }

    /// The message layer: seizure and mark checks, length, checksum.
    private mutating func byteReceived(_ byte: UInt8) -> CallerIDMessage? {
        let markBitsBefore = markSamples * FSKStandard.baud / 8000
        if !collecting {
            if byte == 0xFF {                    // a noise "start bit" inside the mark signal
                markSamples += 10 * 8000 / FSKStandard.baud
                return nil
            }
            markSamples = 0
            if byte == 0x55 && markBitsBefore < 2 {
                seizureBytes += 1
                return nil
            }
            guard [0x04, 0x80, 0x06, 0x82].contains(byte) else { return nil }
            guard markBitsBefore >= configuration.minimumMarkBits else {
                lastError = CallerIDError("only \(markBitsBefore) mark bits before the message (need \(configuration.minimumMarkBits))")
                return nil
            }
            guard !configuration.requiresChannelSeizure || seizureBytes * 10 >= 40 else {
                lastError = CallerIDError("no channel seizure before the message")
                seizureBytes = 0
                return nil
            }
            collecting = true
            buffer.removeAll(keepingCapacity: true)
            buffer.append(byte)
            expected = 0
            markOffset = edgeMarkOffset
            powerSum = 0
            powerCount = 0
            markBeforeMessage = markBitsBefore
            seizureBeforeMessage = seizureBytes * 10
            seizureBytes = 0
            return nil
        }
        markSamples = 0
        buffer.append(byte)
        if buffer.count == 2 { expected = Int(byte) + 3 }
        guard buffer.count >= 2, buffer.count == expected else { return nil }
        collecting = false
        if buffer[0] == 0x06 || buffer[0] == 0x82 { return nil }   // message waiting indication
        do {
            let message = try CallerIDMessage(decoding: buffer)
            messagePosition = position
            markFrequencyError = markOffset
            messageLevel = SignalLevel.dBm0(power: powerSum / Double(max(1, powerCount)))
            markBits = markBeforeMessage
            seizureBits = seizureBeforeMessage
            lastError = nil
            return message
        } catch {
            lastError = error
            return nil
        }
    }
}
