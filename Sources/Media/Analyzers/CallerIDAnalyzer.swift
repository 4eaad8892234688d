import TelephonyDSP

/// Receives caller ID sent on an FXO port while it rings and reports it as
/// ``MediaEvent/callerID(number:name:dateTime:)``.
///
/// DTMF caller ID (ETSI ES 200 778-1 annex B, used in China alongside FSK): a start digit `A`
/// (number follows) or `D` (a reason code follows: `1` unavailable, `2` withheld), the digits,
/// then `C`. Heard through its own ``DTMFReceiver``, so a caller's keys after answer are left to
/// the ``DTMFAnalyzer``; a message that stalls for a second is dropped.
///
/// - Complexity: O(160) per frame; allocates only when a message completes.
public struct CallerIDAnalyzer: FrameAnalyzer {
    private var receiver = DTMFReceiver()
    private var digits: [UInt8]
    private var count = 0
    /// The start digit of the message being received (`A` or `D`), or 0.
    private var start: UInt8 = 0
    private var framesSinceDigit = 0
    private static let capacity = 32
    private static let stallFrames = 50

    public init() {
        digits = [UInt8](repeating: 0, count: Self.capacity)
    }

    public mutating func analyze(_ frame: UnsafeBufferPointer<Int16>) -> MediaEvent? {
        if start != 0 {
            framesSinceDigit += 1
            if framesSinceDigit > Self.stallFrames { start = 0 }
        }
        guard let event = receiver.process(frame), event.isDown else { return nil }
        let key = event.digit.character.asciiValue ?? 0
        framesSinceDigit = 0
        switch key {
        case UInt8(ascii: "A"), UInt8(ascii: "D"):
            start = key
            count = 0
        case UInt8(ascii: "C"), UInt8(ascii: "#"):
            guard start != 0 else { return nil }
            defer { start = 0 }
            let text = String(decoding: digits[..<count], as: UTF8.self)
            if start == UInt8(ascii: "A") { return .callerID(number: text, name: nil, dateTime: nil) }
            return .callerID(number: nil, name: text == "2" ? "(withheld)" : "(unavailable)", dateTime: nil)
        default:
            if start != 0 && count < Self.capacity {
                digits[count] = key
                count += 1
            }
        }
        return nil
    }
}
