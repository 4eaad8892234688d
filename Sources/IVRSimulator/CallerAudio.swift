import TelephonyDSP

/// The sounds a simulated caller makes, as 8 kHz linear audio for the exchange line to send.
public enum CallerAudio {
    /// A fax machine's calling tone (ITU-T T.30 CNG: 1100 Hz, 0.5 s on, 3 s off), `cycles` times.
    static func faxCallingTone(cycles: Int = 3) -> [Int16] {
        tone([.init(frequencies: [1100], durationMS: 500), .init(frequencies: [], durationMS: 3000)],
             milliseconds: cycles * 3500)
    }

    /// A caller speaking a message, stood in for by two steady tones (300 and 1700 Hz, −20 dBm0)
    /// that no DTMF, fax or call-progress detector takes for a signal.
    public static func speech(milliseconds: Int) -> [Int16] {
        tone([.init(frequencies: [300, 1700], durationMS: nil)], milliseconds: milliseconds, level: -20)
    }

    private static func tone(_ segments: [ToneSpec.Segment], milliseconds: Int, level: Double = -10) -> [Int16] {
        var generator = ToneGenerator(spec: ToneSpec(segments: segments), level: level)
        var samples = [Int16](repeating: 0, count: milliseconds * 8)
        _ = samples.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
        return samples
    }
}

extension CallerAudio {
    /// The exchange's caller-ID message for `number` (MDMF, with `name` when given and the date
    /// and time `MMDDHHMM`), as µ-law FSK (`standard`) for the line to send between the first
    /// and second rings. An empty number is sent as withheld.
    public static func callerID(_ number: String, name: String? = nil, dateTime: String = "11231000",
                                standard: FSKStandard) -> [UInt8] {
        let message = number.isEmpty ? CallerIDMessage(numberAbsence: .private, name: name, dateTime: dateTime)
            : CallerIDMessage(number: number, name: name, dateTime: dateTime)
        let samples = (try? FSKCallerIDGenerator.samples(message: message, standard: standard)) ?? []
        return G711.encode(samples, law: .muLaw)
    }
}
