import TelephonyDSP

/// Receives caller ID sent on an FXO port while it rings and reports it as
/// ``MediaEvent/callerID(number:name:dateTime:)``: FSK caller ID (Bell 202 or V.23, SDMF or
/// MDMF) through TelephonyDSP's ``FSKCallerIDReceiver``, and DTMF caller ID (`A`…`C`, used in
/// China alongside FSK) through its ``DTMFCallerIDReceiver``.
///
/// - Complexity: O(160) per frame for each receiver; allocates only when a message completes.
public struct CallerIDAnalyzer: FrameAnalyzer {
    private var fsk: FSKCallerIDReceiver?
    private var dtmf: DTMFCallerIDReceiver?

    /// Listens for FSK caller ID in `standard` and for DTMF caller ID.
    ///
    /// - Parameter standard: the FSK modem the exchange uses (see ``standard(forZone:)``).
    public init(standard: FSKStandard = .bell202) {
        self.init(fsk: standard, dtmf: true)
    }

    /// Listens only for what a line is configured to receive (chan_dahdi `cidsignalling`).
    ///
    /// - Parameters:
    ///   - fsk: the FSK modem to demodulate, or `nil` for none.
    ///   - dtmf: whether to decode DTMF caller ID.
    public init(fsk: FSKStandard?, dtmf: Bool) {
        self.fsk = fsk.map { FSKCallerIDReceiver(standard: $0) }
        self.dtmf = dtmf ? DTMFCallerIDReceiver() : nil
    }

    /// The FSK modem of a tone zone's exchanges: Bell 202 in North America, V.23 elsewhere
    /// (ETSI EN 300 659-1; China's YD/T 1401 allows either).
    public static func standard(forZone code: String) -> FSKStandard {
        ["us", "ca"].contains(code.lowercased()) ? .bell202 : .v23
    }

    public mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        let fromFSK = fsk?.process(frame)
        let fromDTMF = dtmf?.process(frame)
        guard let message = fromFSK ?? fromDTMF else { return nil }
        let absence = message.numberAbsence.map { $0 == .private ? "(withheld)" : "(unavailable)" }
        return .callerID(number: message.number, name: message.name ?? absence, dateTime: message.dateTime)
    }
}
