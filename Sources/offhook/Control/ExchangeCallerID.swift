import HardwareConfig
import IVRSimulator
import TelephonyDSP

/// The caller ID the simulated exchange sends on a line as it rings (μ-law, between the first two
/// rings), in the signalling that line's `[lines NAME] caller-id` expects: a line set to `dtmf`
/// gets DTMF caller ID, `fsk-v23`/`fsk-bell202` that modem, `auto` the zone's FSK modem, and
/// `none` nothing.
///
/// - Complexity: O(length of the message's audio); allocates the audio.
enum ExchangeCallerID {
    static func audio(_ number: String, name: String?, dateTime: String, signalling: OffhookConfig.LineOptions.CallerID,
                      zoneStandard: FSKStandard) -> [UInt8] {
        switch signalling {
        case .auto: CallerAudio.callerID(number, name: name, dateTime: dateTime, standard: zoneStandard)
        case .fskV23: CallerAudio.callerID(number, name: name, dateTime: dateTime, standard: .v23)
        case .fskBell202: CallerAudio.callerID(number, name: name, dateTime: dateTime, standard: .bell202)
        case .none: []
        case .dtmf: dtmf(number)
        }
    }

    /// `A` number `C` (or `B10C` when the number is withheld), as DTMF μ-law.
    private static func dtmf(_ number: String) -> [UInt8] {
        let digitsOnly = !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        let message = digitsOnly ? CallerIDMessage(format: .dtmf, number: number) : CallerIDMessage(format: .dtmf, numberAbsence: .private)
        guard var generator = try? DTMFCallerIDGenerator(message: message) else { return [] }
        var samples = [Int16](repeating: 0, count: 8000 * 4)
        let count = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return G711.encode(Array(samples.prefix(count)), law: .muLaw)
    }
}
