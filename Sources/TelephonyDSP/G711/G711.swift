/// ITU-T G.711 companding: µ-law and A-law, one sample or whole frames, and transcoding.
///
/// Encoding truncates to the quantisation interval that holds the sample, as the classic
/// Sun `g711.c` and SpanDSP do (µ-law with the 0x84 bias, A-law with the 0x55 even-bit
/// inversion), so the codes are bit-exact with SpanDSP's tables for every one of the 65,536
/// inputs; decoding gives each code's reconstruction level. Transcoding follows G.711's own
/// µ↔A conversion tables (tables 3 and 4), which are decode-then-encode except at the codes
/// listed in ``G711/transcodingExceptions``.
///
/// ```swift
/// G711.decode(muLawFrame, into: pcm, law: .muLaw)      // 160 bytes → 160 samples
/// let code = G711.encodeALaw(-1234)
/// ```
///
/// - Complexity: O(1) per sample; decoding is a table lookup. Nothing allocates.
public enum G711 {
    /// The two companding laws.
    public enum Law: String, Sendable, Hashable, CaseIterable {
        /// µ-law (North America, Japan; T1 spans).
        case muLaw
        /// A-law (Europe, China, most of the world; E1 spans).
        case aLaw

        /// The code of a zero sample (what an idle channel carries): 0xFF (µ-law), 0xD5 (A-law).
        public var silence: UInt8 { self == .muLaw ? 0xFF : 0xD5 }
    }

    // MARK: One sample

    /// The µ-law code of `sample` (G.711 table 2a; truncating).
    @inlinable
    public static func encodeMuLaw(_ sample: Int16) -> UInt8 {
        let bias: Int32 = 0x84
        var linear = Int32(sample)
        let mask: Int32
        if linear < 0 {
            linear = bias - linear
            mask = 0x7F
        } else {
            linear = bias + linear
            mask = 0xFF
        }
        // segment = index of the top bit of (linear | 0xFF), less 7
        let segment = Int32(31 - (linear | 0xFF).leadingZeroBitCount) - 7
        if segment >= 8 { return UInt8(truncatingIfNeeded: 0x7F ^ mask) }
        return UInt8(truncatingIfNeeded: ((segment << 4) | ((linear >> (segment + 3)) & 0x0F)) ^ mask)
    }

    /// The linear value of µ-law `code`.
    @inlinable
    public static func decodeMuLaw(_ code: UInt8) -> Int16 {
        let c = Int32(~code)
        let t = (((c & 0x0F) << 3) + 0x84) << ((c & 0x70) >> 4)
        return Int16(truncatingIfNeeded: (c & 0x80) != 0 ? 0x84 - t : t - 0x84)
    }

    /// The A-law code of `sample` (G.711 table 1a; truncating).
    @inlinable
    public static func encodeALaw(_ sample: Int16) -> UInt8 {
        var linear = Int32(sample)
        let mask: Int32
        if linear >= 0 {
            mask = 0x55 | 0x80
        } else {
            mask = 0x55
            linear = -linear - 1
        }
        let segment = Int32(31 - (linear | 0xFF).leadingZeroBitCount) - 7
        if segment >= 8 { return UInt8(truncatingIfNeeded: 0x7F ^ mask) }
        let shift = segment == 0 ? 4 : segment + 3
        return UInt8(truncatingIfNeeded: ((segment << 4) | ((linear >> shift) & 0x0F)) ^ mask)
    }

    /// The linear value of A-law `code`.
    @inlinable
    public static func decodeALaw(_ code: UInt8) -> Int16 {
        let c = Int32(code ^ 0x55)
        var t = (c & 0x0F) << 4
        let segment = (c & 0x70) >> 4
        switch segment {
        case 0: t += 8
        case 1: t += 0x108
        default: t = (t + 0x108) << (segment - 1)
        }
        return Int16(truncatingIfNeeded: (c & 0x80) != 0 ? t : -t)
    }

    /// The A-law code for µ-law `code` (G.711 table 3).
    public static func muLawToALaw(_ code: UInt8) -> UInt8 { muToATable[Int(code)] }

    /// The µ-law code for A-law `code` (G.711 table 4).
    public static func aLawToMuLaw(_ code: UInt8) -> UInt8 { aToMuTable[Int(code)] }

    /// The linear value of `code` in `law`.
    @inlinable
    public static func decode(_ code: UInt8, law: Law) -> Int16 {
        law == .muLaw ? decodeMuLaw(code) : decodeALaw(code)
    }

    /// The code of `sample` in `law`.
    @inlinable
    public static func encode(_ sample: Int16, law: Law) -> UInt8 {
        law == .muLaw ? encodeMuLaw(sample) : encodeALaw(sample)
    }
}
