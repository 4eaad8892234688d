/// Byte layout of SDMF and MDMF messages (GR-30-CORE §5, ETSI EN 300 659-3 §5).
extension CallerIDMessage {
    /// Message type bytes.
    static let sdmfType: UInt8 = 0x04
    static let mdmfType: UInt8 = 0x80

    /// MDMF parameter types.
    enum Parameter: UInt8 {
        case dateTime = 0x01
        case number = 0x02
        case numberAbsence = 0x04
        case name = 0x07
        case nameAbsence = 0x08
    }

    /// The message as transmitted: type, length, payload, checksum.
    ///
    /// - Throws: ``CallerIDError`` when a field is not ASCII or the payload passes 255 bytes.
    ///   A `.dtmf` message is encoded as MDMF.
    public func encoded() throws(CallerIDError) -> [UInt8] {
        var payload: [UInt8] = []
        func ascii(_ s: String) throws(CallerIDError) -> [UInt8] {
            let b = Array(s.utf8)
            guard b.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .notEncodable }
            return b
        }
        let type: UInt8
        if format == .sdmf {
            type = Self.sdmfType
            payload += try ascii(dateTime ?? "00000000")
            if let number { payload += try ascii(number) } else {
                payload.append((numberAbsence ?? .unavailable).rawValue.asciiValue!)
            }
        } else {
            type = Self.mdmfType
            func param(_ p: Parameter, _ value: [UInt8]) throws(CallerIDError) {
                guard value.count <= 255 else { throw .notEncodable }
                payload += [p.rawValue, UInt8(value.count)] + value
            }
            if let dateTime { try param(.dateTime, try ascii(dateTime)) }
            if let number { try param(.number, try ascii(number)) }
            if let numberAbsence { try param(.numberAbsence, [numberAbsence.rawValue.asciiValue!]) }
            if let name { try param(.name, try ascii(name)) }
            if let nameAbsence { try param(.nameAbsence, [nameAbsence.rawValue.asciiValue!]) }
        }
        guard payload.count <= 255 else { throw .notEncodable }
        var bytes = [type, UInt8(payload.count)] + payload
        bytes.append(Self.checksum(bytes))
        return bytes
    }

    /// The checksum byte for `bytes`: the two's complement of their sum modulo 256.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        var sum: UInt8 = 0
        for b in bytes { sum &+= b }
        return 0 &- sum
    }

    /// Decodes a whole message (type, length, payload, checksum; extra trailing bytes ignored).
    ///
    /// - Throws: ``CallerIDError`` for a short message, a wrong checksum, an unknown type or a
    ///   parameter that overruns the payload.
    public init(decoding bytes: [UInt8]) throws(CallerIDError) {
        guard bytes.count >= 3 else { throw .tooShort }
        let length = Int(bytes[1])
        guard bytes.count >= length + 3 else { throw .tooShort }
        guard Self.checksum(bytes[0..<(length + 2)]) == bytes[length + 2] else { throw .badChecksum }
        let payload = Array(bytes[2..<(2 + length)])
        func text(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        switch bytes[0] {
        case Self.sdmfType:
            self.init(format: .sdmf)
            dateTime = text(payload.prefix(8))
            let rest = payload.dropFirst(8)
            if rest.count == 1, let a = Absence(rawValue: Character(Unicode.Scalar(rest.first!))) {
                numberAbsence = a
            } else if !rest.isEmpty {
                number = text(rest)
            }
        case Self.mdmfType:
            self.init(format: .mdmf)
            var i = 0
            while i + 2 <= payload.count {
                let t = payload[i], n = Int(payload[i + 1])
                guard i + 2 + n <= payload.count else { throw .badParameter(t) }
                let value = payload[(i + 2)..<(i + 2 + n)]
                let absence = value.first.flatMap { Absence(rawValue: Character(Unicode.Scalar($0))) }
                switch Parameter(rawValue: t) {
                case .dateTime: dateTime = text(value)
                case .number: number = text(value)
                case .numberAbsence: numberAbsence = absence
                case .name: name = text(value)
                case .nameAbsence: nameAbsence = absence
                case nil: break
                }
                i += 2 + n
            }
        default:
            throw .unknownType(bytes[0])
        }
    }
}
