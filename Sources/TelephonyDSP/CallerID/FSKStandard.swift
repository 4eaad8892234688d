/// The two 1200-baud FSK modems caller ID is sent with.
///
/// | standard | mark (1) | space (0) | used in |
/// |---|---|---|---|
/// | Bell 202 | 1200 Hz | 2200 Hz | North America (GR-30-CORE), China (YD/T 1401 also allows it) |
/// | ITU-T V.23 (forward channel) | 1300 Hz | 2100 Hz | Europe (ETSI EN 300 659-1), China, most others |
///
/// Both are asynchronous: each byte is a start bit (space), eight data bits LSB first, and a
/// stop bit (mark). A transmission is a channel seizure (alternating bits), a mark signal (all
/// ones), then the message.
public enum FSKStandard: String, Sendable, Hashable, CaseIterable {
    /// Bell 202: mark 1200 Hz, space 2200 Hz.
    case bell202
    /// ITU-T V.23: mark 1300 Hz, space 2100 Hz.
    case v23

    /// Bit rate, bits per second.
    public static let baud = 1200
    /// Frequency of a 1 bit, Hz.
    public var markFrequency: Double { self == .bell202 ? 1200 : 1300 }
    /// Frequency of a 0 bit, Hz.
    public var spaceFrequency: Double { self == .bell202 ? 2200 : 2100 }
    /// Channel-seizure length, bits (GR-30: 30 bytes of 0x55 = 300 bits; EN 300 659-1: 300 bits).
    public var seizureBits: Int { 300 }
    /// Mark-signal length, bits (GR-30: 180; EN 300 659-1: 180 ± 25 after a seizure).
    public var markBits: Int { 180 }
}
