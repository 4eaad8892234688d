/// G.711 A-law (ITU-T G.711 table 1a) for the linear-mode check; magnitude-symmetric.
enum ALaw {
    /// The middle of code `code`'s quantisation interval, in 16-bit scale.
    static func decode(_ code: UInt8) -> Int16 {
        let value = code ^ 0x55
        let segment = Int((value & 0x70) >> 4)
        let mantissa = Int(value & 0x0F) << 4
        let magnitude = segment == 0 ? mantissa + 8 : (mantissa + 0x108) << (segment - 1)
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    /// The code whose quantisation interval holds `sample`'s magnitude, with its sign.
    static func encode(_ sample: Int16) -> UInt8 {
        let magnitude = min(Int(sample.magnitude), 0x7FFF)
        var segment = 0
        while segment < 7 && magnitude >= (256 << segment) { segment += 1 }
        let mantissa = segment == 0 ? magnitude >> 4 : (magnitude >> (segment + 3)) & 0x0F
        let sign: UInt8 = sample >= 0 ? 0x80 : 0
        return (sign | UInt8(segment << 4) | UInt8(mantissa)) ^ 0x55
    }

    /// Whether the code's magnitude is zero (its sign does not survive a linear round trip).
    static func isZeroMagnitude(_ code: UInt8) -> Bool { (code ^ 0x55) & 0x7F == 0 }
}
