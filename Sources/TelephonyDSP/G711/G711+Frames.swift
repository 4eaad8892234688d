/// Whole-frame G.711: the media path's decode, encode and transcode, one call per 20 ms frame.
extension G711 {
    /// Decode tables, one reconstruction level per code (built once, thread-safe).
    static let muLawTable: [Int16] = (0...255).map { decodeMuLaw(UInt8($0)) }
    static let aLawTable: [Int16] = (0...255).map { decodeALaw(UInt8($0)) }
    static let muToATable: [UInt8] = (0...255).map { c in
        transcodingExceptions.muToA[UInt8(c)] ?? encodeALaw(decodeMuLaw(UInt8(c)))
    }
    static let aToMuTable: [UInt8] = (0...255).map { c in
        transcodingExceptions.aToMu[UInt8(c)] ?? encodeMuLaw(decodeALaw(UInt8(c)))
    }

    /// Encode tables. A-law: indexed by the sample's top 14 bits (`UInt16(bitPattern: s) >> 2`),
    /// since every decision level falls on a multiple of 4 (16 KiB, exact). µ-law is symmetric
    /// in magnitude: indexed by |s| >> 2, the sign bit flipped for negative samples (8 KiB).
    static let muLawEncodeTable: [UInt8] = (0..<8192).map { encodeMuLaw(Int16($0 << 2)) }
    static let aLawEncodeTable: [UInt8] = (0..<16384).map { encodeALaw(Int16(truncatingIfNeeded: $0 << 2)) }

    /// Where G.711's conversion tables (3: µ→A, 4: A→µ) differ from decode-then-encode: the
    /// standard maps these codes to a neighbouring level (chosen so that µ→A→µ and A→µ→A stay
    /// close to transparent), and keeps the sign of µ-law's negative zero.
    public static let transcodingExceptions: (muToA: [UInt8: UInt8], aToMu: [UInt8: UInt8]) = (
        muToA: [
            0x20: 0x0A, 0x21: 0x0B, 0x22: 0x08, 0x23: 0x09, 0x24: 0x0E, 0x25: 0x0F, 0x26: 0x0C, 0x27: 0x0D,
            0x28: 0x02, 0x29: 0x03, 0x2A: 0x00, 0x2B: 0x01, 0x2C: 0x06, 0x2D: 0x07, 0x2E: 0x04, 0x3F: 0x6A,
            0x4E: 0x7A, 0x4F: 0x78, 0x71: 0x52, 0x73: 0x53, 0x75: 0x50, 0x77: 0x51, 0x79: 0x56, 0x7B: 0x57,
            0x7D: 0x54, 0x7F: 0x55, 0xA0: 0x8A, 0xA1: 0x8B, 0xA2: 0x88, 0xA3: 0x89, 0xA4: 0x8E, 0xA5: 0x8F,
            0xA6: 0x8C, 0xA7: 0x8D, 0xA8: 0x82, 0xA9: 0x83, 0xAA: 0x80, 0xAB: 0x81, 0xAC: 0x86, 0xAD: 0x87,
            0xAE: 0x84, 0xBF: 0xEA, 0xCE: 0xFA, 0xCF: 0xF8,
        ],
        aToMu: [
            0x00: 0x2A, 0x01: 0x2B, 0x02: 0x28, 0x03: 0x29, 0x04: 0x2E, 0x05: 0x2F, 0x06: 0x2C, 0x07: 0x2D,
            0x08: 0x22, 0x09: 0x23, 0x0A: 0x20, 0x0B: 0x21, 0x0C: 0x26, 0x0D: 0x27, 0x0E: 0x24, 0x0F: 0x25,
            0x80: 0xAA, 0x81: 0xAB, 0x82: 0xA8, 0x83: 0xA9, 0x84: 0xAE, 0x85: 0xAF, 0x86: 0xAC, 0x87: 0xAD,
            0x88: 0xA2, 0x89: 0xA3, 0x8A: 0xA0, 0x8B: 0xA1, 0x8C: 0xA6, 0x8D: 0xA7, 0x8E: 0xA4, 0x8F: 0xA5,
        ]
    )

    /// Expands `codes` into `samples` (the first `codes.count` of them).
    ///
    /// - Precondition: `samples.count >= codes.count`.
    /// - Complexity: O(`codes.count`), one table lookup per sample; does not allocate.
    public static func decode(_ codes: UnsafeBufferPointer<UInt8>, into samples: UnsafeMutableBufferPointer<Int16>, law: Law) {
        precondition(samples.count >= codes.count, "G711.decode: output shorter than input")
        guard let src = codes.baseAddress, let dst = samples.baseAddress else { return }
        let table = law == .muLaw ? muLawTable : aLawTable
        table.withUnsafeBufferPointer { t in
            let lookup = t.baseAddress!
            for i in 0..<codes.count { dst[i] = lookup[Int(src[i])] }
        }
    }

    /// Compresses `samples` into `codes` (the first `samples.count` of them).
    ///
    /// - Precondition: `codes.count >= samples.count`.
    /// - Complexity: O(`samples.count`), one lookup in a 16 KiB table per sample; does not allocate.
    public static func encode(_ samples: UnsafeBufferPointer<Int16>, into codes: UnsafeMutableBufferPointer<UInt8>, law: Law) {
        precondition(codes.count >= samples.count, "G711.encode: output shorter than input")
        guard let src = samples.baseAddress, let dst = codes.baseAddress else { return }
        switch law {
        case .muLaw:
            muLawEncodeTable.withUnsafeBufferPointer { t in
                let lookup = t.baseAddress!
                for i in 0..<samples.count {
                    let s = Int32(src[i])
                    let sign = s >> 31                              // 0 or −1
                    let magnitude = min((s ^ sign) &- sign, 32767)  // |s|, −32768 saturated
                    dst[i] = lookup[Int(magnitude >> 2)] ^ UInt8(truncatingIfNeeded: sign & 0x80)
                }
            }
        case .aLaw:
            aLawEncodeTable.withUnsafeBufferPointer { t in
                let lookup = t.baseAddress!
                for i in 0..<samples.count { dst[i] = lookup[Int(UInt16(bitPattern: src[i]) >> 2)] }
            }
        }
    }

    /// Converts `codes` from one law to the other into `output`; `output` may be `codes` itself.
    ///
    /// - Precondition: `output.count >= codes.count`.
    /// - Complexity: O(`codes.count`), one table lookup per byte; does not allocate.
    public static func transcode(_ codes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                                 from: Law, to: Law) {
        precondition(output.count >= codes.count, "G711.transcode: output shorter than input")
        guard let src = codes.baseAddress, let dst = output.baseAddress else { return }
        guard from != to else {
            if UnsafeRawPointer(src) != UnsafeRawPointer(dst) { dst.update(from: src, count: codes.count) }
            return
        }
        let table = from == .muLaw ? muToATable : aToMuTable
        table.withUnsafeBufferPointer { t in
            let lookup = t.baseAddress!
            for i in 0..<codes.count { dst[i] = lookup[Int(src[i])] }
        }
    }

    /// Decodes a whole recording (convenience for tools and tests; allocates the result).
    public static func decode(_ codes: [UInt8], law: Law) -> [Int16] {
        [Int16](unsafeUninitializedCapacity: codes.count) { out, n in
            codes.withUnsafeBufferPointer { decode($0, into: out, law: law) }
            n = codes.count
        }
    }

    /// Encodes a whole recording (convenience for tools and tests; allocates the result).
    public static func encode(_ samples: [Int16], law: Law) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: samples.count) { out, n in
            samples.withUnsafeBufferPointer { encode($0, into: out, law: law) }
            n = samples.count
        }
    }
}
