/// One caller-ID message: the calling number (or why it is absent), the calling name (or why it
/// is absent), and the date and time of the call.
///
/// On the wire (Bellcore GR-30-CORE and ETSI EN 300 659-3, the same layout) a message is a
/// type byte, a length byte, the payload and a checksum byte, the two's complement of the sum
/// of all the others (so all bytes sum to 0 modulo 256):
///
/// - SDMF (type `0x04`): `MMDDHHMM` then the number, or a single `O` (unavailable) or `P`
///   (private) in its place. No name.
/// - MDMF (type `0x80`): parameters, each type, length, value: `0x01` date and time
///   (`MMDDHHMM`), `0x02` number, `0x04` reason the number is absent (`O`/`P`), `0x07` name,
///   `0x08` reason the name is absent. Unknown parameters are skipped when decoding.
///
/// DTMF caller ID (``DTMFCallerIDGenerator``, ``DTMFCallerIDReceiver``) carries only the
/// number or its absence.
public struct CallerIDMessage: Sendable, Hashable, CustomStringConvertible {
    /// The message layouts.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Single data message format (type 0x04): date, time, number.
        case sdmf
        /// Multiple data message format (type 0x80): parameters.
        case mdmf
        /// DTMF caller ID (start digit, number, end digit).
        case dtmf
    }

    /// Why a number or name is missing (GR-30 and ETSI use the same two letters).
    public enum Absence: Character, Sendable, Hashable {
        /// `O`: out of area / unavailable.
        case unavailable = "O"
        /// `P`: private (withheld by the caller).
        case `private` = "P"
    }

    /// The layout the message was received in, or is to be sent in.
    public var format: Format
    /// The calling number (digits as sent), or nil.
    public var number: String?
    /// Why the number is absent, when it is.
    public var numberAbsence: Absence?
    /// The calling name, or nil (MDMF only).
    public var name: String?
    /// Why the name is absent, when it is (MDMF only).
    public var nameAbsence: Absence?
    /// Month, day, hour, minute as sent: eight digits `MMDDHHMM`, or nil.
    public var dateTime: String?

    /// Creates a message.
    public init(format: Format = .mdmf, number: String? = nil, numberAbsence: Absence? = nil,
                name: String? = nil, nameAbsence: Absence? = nil, dateTime: String? = nil) {
        self.format = format
        self.number = number
        self.numberAbsence = numberAbsence
        self.name = name
        self.nameAbsence = nameAbsence
        self.dateTime = dateTime
    }

    /// `dateTime` formatted as `MM-DD HH:MM`, if it is eight digits.
    public var formattedDateTime: String? {
        guard let d = dateTime, d.count == 8, d.allSatisfy(\.isASCIIDigit) else { return nil }
        let c = Array(d)
        return "\(c[0])\(c[1])-\(c[2])\(c[3]) \(c[4])\(c[5]):\(c[6])\(c[7])"
    }

    public var description: String {
        var parts = [format.rawValue.uppercased()]
        if let number { parts.append("number \(number)") }
        if let numberAbsence { parts.append("number \(numberAbsence)") }
        if let name { parts.append("name \"\(name)\"") }
        if let nameAbsence { parts.append("name \(nameAbsence)") }
        if let d = formattedDateTime ?? dateTime { parts.append("at \(d)") }
        return parts.joined(separator: ", ")
    }
}

/// Why bytes did not make a caller-ID message.
public struct CallerIDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in words.
    public var description: String
    init(_ description: String) { self.description = description }

    static let tooShort = CallerIDError("message shorter than its length byte says")
    static let badChecksum = CallerIDError("checksum mismatch")
    static func unknownType(_ t: UInt8) -> CallerIDError {
        CallerIDError("unknown message type 0x\(String(t, radix: 16))")
    }
    static func badParameter(_ t: UInt8) -> CallerIDError {
        CallerIDError("MDMF parameter 0x\(String(t, radix: 16)) overruns the message")
    }
    static let notEncodable = CallerIDError("field does not fit the message (over 255 bytes or non-ASCII)")
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
