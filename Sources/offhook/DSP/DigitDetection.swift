import TelephonyDSP

/// One DTMF digit heard in a recording: when it was confirmed and when it was released
/// (ms from the first sample, as declared by the receiver, not back-dated).
struct DetectedDigit: Equatable {
    var digit: DTMFDigit
    var ms: Double
    var offMs: Double?
}

/// DTMF digits in one recording (8 kHz linear PCM), with a fresh receiver fed 160-sample frames.
func detectDigits(samples: UnsafeBufferPointer<Int16>, configuration: DTMFReceiver.Configuration = .init()) -> [DetectedDigit] {
    var receiver = DTMFReceiver(configuration: configuration)
    var found: [DetectedDigit] = []
    func record(_ e: DTMFEvent) {
        if e.isDown {
            found.append(DetectedDigit(digit: e.digit, ms: e.milliseconds))
        } else if let last = found.indices.last, found[last].offMs == nil {
            found[last].offMs = e.milliseconds
        }
    }
    var i = 0
    while i < samples.count {
        let n = min(160, samples.count - i)
        if let e = receiver.process(UnsafeBufferPointer(rebasing: samples[i..<i + n])) { record(e) }
        i += n
    }
    let empty = UnsafeBufferPointer<Int16>(start: nil, count: 0)
    while let e = receiver.process(empty) { record(e) }
    return found
}
