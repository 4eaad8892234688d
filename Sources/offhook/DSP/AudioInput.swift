import Foundation
import TelephonyDSP

/// Reads a recording into 8 kHz linear PCM: `.wav` (PCM 16-bit, µ-law or A-law, mono, 8 kHz),
/// `.ul`/`.ulaw`/`.mu` (raw µ-law), `.al`/`.alaw` (raw A-law), `.raw`/`.s16`/`.sln`/`.pcm`
/// (raw signed 16-bit little-endian).
enum AudioInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func samples(path: String) throws -> [Int16] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the file")
        }
        let bytes = [UInt8](data)
        switch (path as NSString).pathExtension.lowercased() {
        case "ul", "ulaw", "mu", "u8": return G711.decode(bytes, law: .muLaw)
        case "al", "alaw": return G711.decode(bytes, law: .aLaw)
        case "raw", "s16", "sln", "pcm": return linear(bytes[...])
        case "wav": return try wav(bytes, path: path)
        default:
            throw Failure(description: "\(path): unknown audio type (expected .wav, .ul, .al, .raw, .s16)")
        }
    }

    static func linear(_ bytes: ArraySlice<UInt8>) -> [Int16] {
        let base = bytes.startIndex
        return (0..<bytes.count / 2).map { i in
            Int16(bitPattern: UInt16(bytes[base + 2 * i]) | UInt16(bytes[base + 2 * i + 1]) << 8)
        }
    }

    /// A RIFF/WAVE file: format 1 (PCM 16-bit), 6 (A-law) or 7 (µ-law), mono, 8000 Hz.
    static func wav(_ b: [UInt8], path: String) throws -> [Int16] {
        func u32(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        guard b.count >= 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WAVE".utf8) else {
            throw Failure(description: "\(path): not a RIFF/WAVE file")
        }
        var i = 12
        var format = -1, channels = 0, rate = 0, bits = 0
        while i + 8 <= b.count {
            let id = String(decoding: b[i..<i + 4], as: UTF8.self)
            let size = u32(i + 4)
            let body = i + 8
            if id == "fmt ", body + 16 <= b.count {
                format = u16(body)
                if format == 0xFFFE, body + 26 <= b.count { format = u16(body + 24) }   // WAVE_FORMAT_EXTENSIBLE
                channels = u16(body + 2)
                rate = u32(body + 4)
                bits = u16(body + 14)
            } else if id == "data" {
                guard format >= 0 else { throw Failure(description: "\(path): data before the fmt chunk") }
                guard channels == 1, rate == 8000 else {
                    throw Failure(description: "\(path): \(channels) channel(s) at \(rate) Hz; expected mono 8000 Hz")
                }
                let end = min(b.count, body + size)
                switch (format, bits) {
                case (1, 16): return linear(b[body..<end])
                case (7, 8): return G711.decode(Array(b[body..<end]), law: .muLaw)
                case (6, 8): return G711.decode(Array(b[body..<end]), law: .aLaw)
                default: throw Failure(description: "\(path): WAVE format \(format) with \(bits) bits; expected PCM 16-bit, µ-law or A-law")
                }
            }
            i = body + size + (size & 1)
        }
        throw Failure(description: "\(path): no data chunk")
    }
}
