import CSndFile

/// Writes 8 kHz, mono, 16-bit linear samples as a WAV file (through libsndfile): call
/// recordings and voicemail.
public enum WAVWriter {
    /// Writes `samples` to `path`, replacing any file there.
    public static func write(_ samples: [Int16], to path: String, sampleRate: Int = 8000) throws(AudioFileError) {
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw AudioFileError(path: path, reason: String(cString: sf_strerror(nil)))
        }
        let written = samples.withUnsafeBufferPointer { sf_writef_short(file, $0.baseAddress, sf_count_t($0.count)) }
        let closed = sf_close(file)
        guard written == samples.count, closed == 0 else {
            throw AudioFileError(path: path, reason: "wrote \(written) of \(samples.count) samples")
        }
    }
}
