import CSndFile
import CSoxr

/// Reads prompts and recordings of any common kind into 8 kHz, mono, 16-bit linear samples: the
/// engine's format.
///
/// Files are read through libsndfile (WAV of any sample format, GSM 6.10 WAV, µ-law/A-law WAV
/// and AU, FLAC, …) and resampled to 8 kHz with libsoxr's high-quality resampler; headerless
/// files are taken by extension: `.gsm` (GSM 6.10 frames), `.ul`/`.ulaw`/`.mu` (µ-law), `.al`/`.alaw` (A-law), `.raw`/`.sln`
/// (signed 16-bit little-endian), all 8 kHz mono. Stereo is mixed down.
public enum AudioFileReader {
    /// Samples per second of the result.
    public static let sampleRate = 8000

    /// Reads the whole file at `path`.
    ///
    /// - Throws: ``AudioFileError`` naming the file and what is wrong with it.
    public static func read(_ path: String) throws(AudioFileError) -> [Int16] {
        var info = SF_INFO()
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "ul", "ulaw", "mu", "pcmu":
            info = rawInfo(format: Int32(SF_FORMAT_RAW | SF_FORMAT_ULAW))
        case "al", "alaw", "pcma":
            info = rawInfo(format: Int32(SF_FORMAT_RAW | SF_FORMAT_ALAW))
        case "gsm":
            info = rawInfo(format: Int32(SF_FORMAT_RAW | SF_FORMAT_GSM610))
        case "raw", "sln", "s16":
            info = rawInfo(format: Int32(SF_FORMAT_RAW | SF_FORMAT_PCM_16 | SF_ENDIAN_LITTLE))
        default:
            break
        }
        guard let file = sf_open(path, Int32(SFM_READ), &info) else {
            throw AudioFileError(path: path, reason: String(cString: sf_strerror(nil)))
        }
        defer { sf_close(file) }
        let channels = Int(info.channels), frames = Int(info.frames)
        guard channels > 0, info.samplerate > 0 else { throw AudioFileError(path: path, reason: "no audio channels") }
        guard frames > 0 else { return [] }
        guard frames < 60 * 60 * Int(info.samplerate) else {
            throw AudioFileError(path: path, reason: "longer than an hour; not a prompt")
        }
        var interleaved = [Float](repeating: 0, count: frames * channels)
        let got = Int(interleaved.withUnsafeMutableBufferPointer { sf_readf_float(file, $0.baseAddress, sf_count_t(frames)) })
        guard got > 0 else { throw AudioFileError(path: path, reason: "no samples could be read: \(String(cString: sf_strerror(file)))") }
        var mono = [Float](repeating: 0, count: got)
        for frame in 0..<got {
            var sum: Float = 0
            for channel in 0..<channels { sum += interleaved[frame * channels + channel] }
            mono[frame] = sum / Float(channels)
        }
        return try resample(mono, from: Int(info.samplerate), path: path)
    }

    private static func rawInfo(format: Int32) -> SF_INFO {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = format
        return info
    }

    /// Converts float samples at `rate` to 8 kHz 16-bit (libsoxr, high quality).
    static func resample(_ samples: [Float], from rate: Int, path: String) throws(AudioFileError) -> [Int16] {
        if rate == sampleRate {
            return samples.map { Int16(clamping: Int(($0 * 32768).rounded())) }
        }
        let outCount = samples.count * sampleRate / rate + 16
        var output = [Int16](repeating: 0, count: outCount)
        var done = 0
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_INT16_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        let error: soxr_error_t? = samples.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                soxr_oneshot(Double(rate), Double(sampleRate), 1, input.baseAddress, input.count, nil,
                             out.baseAddress, out.count, &done, &io, &quality, nil)
            }
        }
        if let error { throw AudioFileError(path: path, reason: "resampling from \(rate) Hz failed: \(String(cString: error))") }
        return Array(output.prefix(done))
    }
}
