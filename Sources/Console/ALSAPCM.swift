import CALSA
import TelephonyCore

/// One open ALSA PCM: signed 16-bit, mono, 8 kHz, non-blocking, interleaved.
///
/// Owned by one thread at a time (the console's clock thread once started).
struct ALSAPCM: @unchecked Sendable {   // ownership moves to the clock thread; never shared
    let handle: OpaquePointer

    /// Opens `device` for playback or capture with about `latency` of device buffering.
    init(_ device: ConsoleDevice, capture: Bool, latency: Duration = .milliseconds(60)) throws(ChannelError) {
        let stream = capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK
        var pcm: OpaquePointer?
        var rc: Int32
        switch device {
        case .named(let name):
            rc = snd_pcm_open(&pcm, name, stream, SND_PCM_NONBLOCK)
        case .configuration(let text, let name):
            var top: OpaquePointer?
            var input: OpaquePointer?
            rc = snd_config_top(&top)
            if rc >= 0 { rc = text.withCString { snd_input_buffer_open(&input, $0, text.utf8.count) } }
            if rc >= 0 { rc = snd_config_load(top, input) }
            if input != nil { snd_input_close(input) }
            if rc >= 0 { rc = snd_pcm_open_lconf(&pcm, name, stream, SND_PCM_NONBLOCK, top) }
            if top != nil { snd_config_delete(top) }
        }
        guard rc >= 0, let pcm else { throw Self.error("snd_pcm_open \(device)", rc) }
        let microseconds = UInt32(latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000)
        rc = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                UInt32(AudioFrame.sampleRate), 1, microseconds)
        guard rc >= 0 else {
            snd_pcm_close(pcm)
            throw Self.error("snd_pcm_set_params \(device)", rc)
        }
        handle = pcm
    }

    /// Writes one frame; a frame the device has no room for is dropped (returns `false`).
    func write(_ frame: UnsafeRawBufferPointer) -> Bool {
        let frames = snd_pcm_uframes_t(frame.count / 2)
        var result = snd_pcm_writei(handle, frame.baseAddress, frames)
        if result < 0 && result != -Int(EAGAIN) {
            _ = snd_pcm_recover(handle, Int32(result), 1)
            result = snd_pcm_writei(handle, frame.baseAddress, frames)
        }
        return result == Int(frames)
    }

    /// Reads one frame; `false` when the device had none ready (the frame is then silence).
    func read(into frame: UnsafeMutableRawBufferPointer) -> Bool {
        let frames = snd_pcm_uframes_t(frame.count / 2)
        var result = snd_pcm_readi(handle, frame.baseAddress, frames)
        if result < 0 && result != -Int(EAGAIN) {
            _ = snd_pcm_recover(handle, Int32(result), 1)
            result = snd_pcm_readi(handle, frame.baseAddress, frames)
        }
        if result == Int(frames) { return true }
        frame.initializeMemory(as: UInt8.self, repeating: 0)
        return false
    }

    func close(drain: Bool) {
        if drain { snd_pcm_drain(handle) }
        snd_pcm_close(handle)
    }

    static func error(_ operation: String, _ code: Int32) -> ChannelError {
        ChannelError(.system, operation: "\(operation): \(String(cString: snd_strerror(code)))", errno: -code)
    }
}
