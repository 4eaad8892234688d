import TelephonyCore
import TelephonyDSP

/// The simulated card's framer: the G.711 conversions a real card's driver does in the kernel
/// (`DAHDI_SETLINEAR`, `DAHDI_SETLAW`), on whole frames, through TelephonyDSP's `G711`.
enum WireCodec {
    private static func law(_ format: AudioFormat) -> G711.Law { format == .aLaw ? .aLaw : .muLaw }

    static func decode(_ byte: UInt8, law format: AudioFormat) -> Int16 { G711.decode(byte, law: law(format)) }
    static func encode(_ sample: Int16, law format: AudioFormat) -> UInt8 { G711.encode(sample, law: law(format)) }

    /// Expands 160 coded bytes from `coded` into 160 samples at the start of `output`. `coded`
    /// may be the back half of `output`: each sample is written after its byte was read.
    static func decode(_ coded: UnsafeMutableRawBufferPointer, law format: AudioFormat, into output: UnsafeMutableRawBufferPointer) {
        let samples = output.bindMemory(to: Int16.self)
        let law = law(format)
        for i in 0..<AudioFrame.samples {
            samples[i] = G711.decode(coded[i], law: law)
        }
    }

    /// Compresses 160 samples from `input` into 160 bytes.
    static func encode(_ input: UnsafeRawBufferPointer, law format: AudioFormat, into coded: UnsafeMutableRawBufferPointer) {
        let law = law(format)
        for i in 0..<AudioFrame.samples {
            coded[i] = G711.encode(input.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self), law: law)
        }
    }

    /// Converts 160 bytes between µ-law and A-law in place.
    static func transcode(_ bytes: UnsafeMutableRawBufferPointer, from: AudioFormat, to: AudioFormat) {
        guard from != to else { return }
        for i in 0..<AudioFrame.samples {
            bytes[i] = to == .aLaw ? G711.muLawToALaw(bytes[i]) : G711.aLawToMuLaw(bytes[i])
        }
    }

    static func encodeMuLaw(_ samples: [Int16]) -> [UInt8] { G711.encode(samples, law: .muLaw) }
    static func decodeMuLaw(_ bytes: [UInt8]) -> [Int16] { G711.decode(bytes, law: .muLaw) }
}
