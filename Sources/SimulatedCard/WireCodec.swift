import TelephonyCore

/// G.711 conversions the simulated card's framer does, in place, on whole frames.
///
/// This is the card's own framer (a real card's kernel driver does the same in `DAHDI_SETLINEAR`
/// mode); the coding follows ITU-T G.711 with the usual bias of 0x84 (µ-law) and even-bit
/// inversion 0x55 (A-law).
enum WireCodec {
    static func decode(_ byte: UInt8, law: AudioFormat) -> Int16 {
        law == .aLaw ? aLawToLinear(byte) : muLawToLinear(byte)
    }

    static func encode(_ sample: Int16, law: AudioFormat) -> UInt8 {
        law == .aLaw ? linearToALaw(sample) : linearToMuLaw(sample)
    }

    /// Expands 160 coded bytes from `coded` into 160 samples at the start of `output`. `coded`
    /// may be the back half of `output`: each sample is written after its byte was read.
    static func decode(_ coded: UnsafeMutableRawBufferPointer, law: AudioFormat, into output: UnsafeMutableRawBufferPointer) {
        let samples = output.bindMemory(to: Int16.self)
        for i in 0..<AudioFrame.samples {
            samples[i] = decode(coded[i], law: law)
        }
    }

    /// Compresses 160 samples from `input` into 160 bytes.
    static func encode(_ input: UnsafeRawBufferPointer, law: AudioFormat, into coded: UnsafeMutableRawBufferPointer) {
        for i in 0..<AudioFrame.samples {
            let sample = input.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self)
            coded[i] = encode(sample, law: law)
        }
    }

    /// Converts 160 bytes between µ-law and A-law in place.
    static func transcode(_ bytes: UnsafeMutableRawBufferPointer, from: AudioFormat, to: AudioFormat) {
        guard from != to else { return }
        for i in 0..<AudioFrame.samples {
            bytes[i] = encode(decode(bytes[i], law: from), law: to)
        }
    }

    static func encodeMuLaw(_ samples: [Int16]) -> [UInt8] { samples.map(linearToMuLaw) }
    static func decodeMuLaw(_ bytes: [UInt8]) -> [Int16] { bytes.map(muLawToLinear) }

    // MARK: G.711

    static func linearToMuLaw(_ sample: Int16) -> UInt8 {
        let bias = 0x84
        var linear = Int(sample)
        let mask: Int
        if linear < 0 {
            linear = bias - linear - 1
            mask = 0x7F
        } else {
            linear = bias + linear
            mask = 0xFF
        }
        let segment = topBit(linear | 0xFF) - 7
        if segment >= 8 { return UInt8(0x7F ^ mask) }
        return UInt8(((segment << 4) | ((linear >> (segment + 3)) & 0x0F)) ^ mask)
    }

    static func muLawToLinear(_ byte: UInt8) -> Int16 {
        let u = Int(~byte)
        let t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)
        return Int16((u & 0x80) != 0 ? 0x84 - t : t - 0x84)
    }

    static func linearToALaw(_ sample: Int16) -> UInt8 {
        var linear = Int(sample)
        let mask: Int
        if linear >= 0 {
            mask = 0x55 | 0x80
        } else {
            mask = 0x55
            linear = -linear - 1
        }
        let segment = topBit(linear | 0xFF) - 7
        if segment >= 8 { return UInt8(0x7F ^ mask) }
        let shift = segment == 0 ? 4 : segment + 3
        return UInt8(((segment << 4) | ((linear >> shift) & 0x0F)) ^ mask)
    }

    static func aLawToLinear(_ byte: UInt8) -> Int16 {
        let a = Int(byte) ^ 0x55
        var i = (a & 0x0F) << 4
        let segment = (a & 0x70) >> 4
        if segment != 0 { i = (i + 0x108) << (segment - 1) } else { i += 8 }
        return Int16((a & 0x80) != 0 ? i : -i)
    }

    private static func topBit(_ value: Int) -> Int {
        Int.bitWidth - 1 - value.leadingZeroBitCount
    }
}
