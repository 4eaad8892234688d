/// DTMF caller ID, as sent before the first ring in Denmark, Sweden, the Netherlands, Finland,
/// Brazil, India and parts of China: a start digit (`A` or `D`), the number, an end digit (`C`,
/// or `#` in some networks). When there is no number, `B` and a two-digit reason follow
/// instead: `B00C` unavailable, `B10C` private.
///
/// ```swift
/// var tx = try DTMFCallerIDGenerator(message: CallerIDMessage(format: .dtmf, number: "4512345678"))
/// ```
///
/// - Complexity: O(samples); ``generate(into:)`` does not allocate.
public struct DTMFCallerIDGenerator: Sendable {
    private var generator: DTMFGenerator

    /// The digit string sent, e.g. `A4512345678C`.
    public let digits: String

    /// Creates a generator for `message` (only its number or number absence is sent), with
    /// `start` (`A` or `D`) and `end` (`C` or `#`) digits, 70 ms tones and 70 ms pauses.
    ///
    /// - Throws: ``CallerIDError`` if the number holds anything but 0–9.
    public init(message: CallerIDMessage, start: DTMFDigit = .a, end: DTMFDigit = .c,
                onMS: Int = 70, offMS: Int = 70, level: Double = -10) throws(CallerIDError) {
        var s = String(start.character)
        if let number = message.number {
            guard !number.isEmpty, number.allSatisfy(\.isASCIIDigit) else {
                throw CallerIDError("DTMF caller ID carries digits 0-9 only, not '\(number)'")
            }
            s += number
        } else {
            s = "B" + (message.numberAbsence == .private ? "10" : "00")
        }
        s.append(end.character)
        digits = s
        generator = DTMFGenerator(onMS: onMS, offMS: offMS, level: level, twist: 2, capacity: max(32, s.count + 1))
        do { _ = try generator.enqueue(s) } catch { preconditionFailure("digits were checked above") }
    }

    /// `true` while digits remain.
    public var isBusy: Bool { generator.isBusy }

    /// Writes up to `buffer.count` samples; returns how many.
    public mutating func generate(into buffer: UnsafeMutableBufferPointer<Int16>) -> Int {
        generator.generate(into: buffer)
    }
}

/// Decodes DTMF caller ID (see ``DTMFCallerIDGenerator``) from 8 kHz linear PCM, with its own
/// ``DTMFReceiver``: `A`/`D` starts a number, `B` an absence reason; `C` or `#` ends it. A digit
/// string that does not follow the form is dropped.
///
/// - Complexity: O(samples); allocates only when a message is completed.
public struct DTMFCallerIDReceiver: Sendable {
    private var receiver: DTMFReceiver
    private var collected: [Character] = []
    private var active = false
    /// Stream position (samples) at which the last message was completed.
    public private(set) var messagePosition = 0
    /// The digits of the last message, as received (e.g. `D4512345678C`).
    public private(set) var lastDigits = ""

    /// Creates a receiver.
    public init(receiver: DTMFReceiver = DTMFReceiver()) {
        self.receiver = receiver
        collected.reserveCapacity(40)
    }

    /// Feeds samples; returns a message when its end digit arrives.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> CallerIDMessage? {
        guard let event = receiver.process(samples), event.isDown else { return nil }
        return accept(event.digit, at: event.samplePosition)
    }

    /// Feeds one received digit (for callers that run their own ``DTMFReceiver``).
    public mutating func accept(_ digit: DTMFDigit, at samplePosition: Int) -> CallerIDMessage? {
        switch digit {
        case .a, .b, .d:
            active = true
            collected.removeAll(keepingCapacity: true)
            collected.append(digit.character)
            return nil
        case .c, .pound:
            guard active else { return nil }
            active = false
            collected.append(digit.character)
            lastDigits = String(collected)
            messagePosition = samplePosition
            let body = String(collected.dropFirst().dropLast())
            if collected.first == "B" {
                guard body.count == 2 else { return nil }
                return CallerIDMessage(format: .dtmf, numberAbsence: body == "10" ? .private : .unavailable)
            }
            guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { return nil }
            return CallerIDMessage(format: .dtmf, number: body)
        default:
            guard active else { return nil }
            if collected.count < 40 { collected.append(digit.character) } else { active = false }
            return nil
        }
    }
}
