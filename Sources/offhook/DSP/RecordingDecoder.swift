import TelephonyDSP

/// Everything the DSP hears in one recording: DTMF digits, fax and call-progress tones, and
/// caller ID (FSK Bell 202 and V.23, and DTMF), each with the time it was declared.
struct RecordingDecoder {
    /// One thing heard.
    struct Event: Equatable {
        enum Kind: Equatable {
            case dtmf(digit: DTMFDigit, offMs: Double?)
            case tone(name: String, offMs: Double?)
            case callerID(CallerIDMessage, via: String)
        }
        var ms: Double
        var kind: Kind
    }

    /// Decodes `samples` (8 kHz linear PCM) with fresh detectors fed 160-sample frames.
    static func decode(_ samples: UnsafeBufferPointer<Int16>) -> [Event] {
        var events: [Event] = []
        for d in detectDigits(samples: samples) {
            events.append(Event(ms: d.ms, kind: .dtmf(digit: d.digit, offMs: d.offMs)))
        }
        for t in detectTones(samples: samples) {
            events.append(Event(ms: t.ms, kind: .tone(name: t.label, offMs: t.offMs)))
        }
        // Caller ID: both FSK modems, and DTMF caller ID framed from the digits above. The two
        // modems' tones are close, so both receivers often decode one transmission; of two
        // identical messages within a second, keep the one whose receiver found the mark signal
        // nearer its own mark frequency (the sender's modem reads near 0 Hz, the other ~100 Hz).
        var fsk: [(event: Event, markError: Double)] = []
        for standard in FSKStandard.allCases {
            var receiver = FSKCallerIDReceiver(standard: standard)
            var i = 0
            while i < samples.count {
                let n = min(160, samples.count - i)
                if let message = receiver.process(UnsafeBufferPointer(rebasing: samples[i..<i + n])) {
                    let event = Event(ms: Double(receiver.messagePosition) / 8, kind: .callerID(message, via: standard.rawValue))
                    let error = receiver.markFrequencyError.isNaN ? Double.infinity : abs(receiver.markFrequencyError)
                    if let k = fsk.firstIndex(where: { $0.event.kind.sameMessage(as: event.kind) && abs($0.event.ms - event.ms) < 1000 }) {
                        if error < fsk[k].markError { fsk[k] = (event, error) }
                    } else {
                        fsk.append((event, error))
                    }
                }
                i += n
            }
        }
        events += fsk.map(\.event)
        var framer = DTMFCallerIDReceiver()
        for event in events {
            guard case .dtmf(let digit, _) = event.kind else { continue }
            if let message = framer.accept(digit, at: Int(event.ms * 8)) {
                events.append(Event(ms: event.ms, kind: .callerID(message, via: "dtmf")))
            }
        }
        return events.sorted { $0.ms < $1.ms }
    }
}

extension RecordingDecoder.Event.Kind {
    /// Whether both are caller ID carrying the same message (whichever modem read it).
    func sameMessage(as other: Self) -> Bool {
        if case .callerID(let a, _) = self, case .callerID(let b, _) = other { return a == b }
        return false
    }
}

extension RecordingDecoder.Event {
    /// One line of `offhook dsp decode`'s text output.
    var text: String {
        let at = Self.format(ms)
        switch kind {
        case .dtmf(let digit, let off):
            return "\(at)  dtmf      \(digit)" + (off.map { "  (until \(Self.format($0).drop { $0 == " " }))" } ?? "")
        case .tone(let name, let off):
            return "\(at)  tone      \(name)" + (off.map { "  (until \(Self.format($0).drop { $0 == " " }))" } ?? "")
        case .callerID(let m, let via):
            var parts = ["callerid  [\(via)]"]
            parts.append("number " + (m.number ?? m.numberAbsence.map { "absent (\(Self.reason($0)))" } ?? "-"))
            if let name = m.name { parts.append("name \"\(name)\"") } else if let r = m.nameAbsence { parts.append("name absent (\(Self.reason(r)))") }
            if let d = m.formattedDateTime ?? m.dateTime { parts.append("date \(d)") }
            return "\(at)  " + parts.joined(separator: "  ")
        }
    }

    /// One object of `offhook dsp decode --json`'s array.
    var json: String {
        var fields: [(String, String)] = [("type", ""), ("ms", Self.number(ms))]
        switch kind {
        case .dtmf(let digit, let off):
            fields[0].1 = Self.string("dtmf")
            fields.append(("digit", Self.string(String(digit.character))))
            if let off { fields.append(("off_ms", Self.number(off))) }
        case .tone(let name, let off):
            fields[0].1 = Self.string("tone")
            fields.append(("name", Self.string(name)))
            if let off { fields.append(("off_ms", Self.number(off))) }
        case .callerID(let m, let via):
            fields[0].1 = Self.string("callerid")
            fields.append(("via", Self.string(via)))
            fields.append(("format", Self.string(m.format.rawValue)))
            if let n = m.number { fields.append(("number", Self.string(n))) }
            if let n = m.name { fields.append(("name", Self.string(n))) }
            if let d = m.dateTime { fields.append(("datetime", Self.string(d))) }
            if let r = m.numberAbsence { fields.append(("reason", Self.string(String(r.rawValue)))) }
            if let r = m.nameAbsence { fields.append(("name_reason", Self.string(String(r.rawValue)))) }
        }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func reason(_ r: CallerIDMessage.Absence) -> String { r == .private ? "private, P" : "unavailable, O" }

    static func format(_ ms: Double) -> String {
        let s = String(Int(ms.rounded(.down))) + "." + String(Int((ms * 10).rounded(.down)) % 10)
        return String(repeating: " ", count: max(0, 9 - s.count)) + s + " ms"
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
