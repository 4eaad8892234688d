import TelephonyDSP

/// The sounds a simulated caller makes, as 8 kHz linear audio for the exchange line to send.
enum CallerAudio {
    /// Each key as a DTMF tone pair (`onMS` on, `offMS` off), through TelephonyDSP's generator.
    static func dtmf(_ keys: String, onMS: Int = 80, offMS: Int = 80) -> [Int16] {
        var generator = DTMFGenerator(onMS: onMS, offMS: offMS)
        guard (try? generator.enqueue(keys)) != nil else { return [] }
        var samples: [Int16] = []
        var frame = [Int16](repeating: 0, count: 160)
        while generator.isBusy {
            let count = frame.withUnsafeMutableBufferPointer { generator.generate(into: $0) }
            samples += frame[..<count]
        }
        return samples
    }

    /// A fax machine's calling tone (ITU-T T.30 CNG: 1100 Hz, 0.5 s on, 3 s off), `cycles` times.
    static func faxCallingTone(cycles: Int = 3) -> [Int16] {
        tone([.init(frequencies: [1100], durationMS: 500), .init(frequencies: [], durationMS: 3000)],
             milliseconds: cycles * 3500)
    }

    /// A caller speaking a message, stood in for by two steady tones (300 and 1700 Hz, −20 dBm0)
    /// that no DTMF, fax or call-progress detector takes for a signal.
    static func speech(milliseconds: Int) -> [Int16] {
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
    /// The exchange's caller-ID message for `number`, as µ-law for the line to send between the
    /// first and second rings: DTMF caller ID (`A`, the number, `C`; 70 ms on, 70 ms off).
    /// An empty number sends `D2C` (withheld).
    static func callerID(_ number: String) -> [UInt8] {
        let keys = number.isEmpty ? "D2C" : "A\(number)C"
        return G711.encode(dtmf(keys, onMS: 70, offMS: 70), law: .muLaw)
    }
}
